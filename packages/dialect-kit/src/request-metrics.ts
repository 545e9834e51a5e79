import type { DialectName } from './dialect';

export type RequestOutcome = 'success' | 'error';

/**
 * Where the API log recorder counts what it saw, when the server wants
 * counts. Asked once per dialect, with every operation name the dialect
 * knows: a name outside that list (whatever a client typed as a function or
 * an action) is counted as `unknown`, so no client text becomes a label.
 */
export interface RequestMetrics {
  forDialect(dialect: DialectName, operations: readonly string[]): DialectRequestMetrics;
}

/** Called once per answered request; must not allocate or wait. */
export interface DialectRequestMetrics {
  answered(operation: string, outcome: RequestOutcome, seconds: number): void;
}
