import type { LatencySummary } from '../load/load-spec';

/** One line of the results table: a baseline or a scenario. */
export interface ResultRow {
  id: string;
  name: string;
  kind: 'baseline' | 'scenario';
  /** What `rate` counts per second. */
  unit: 'req/s' | 'calls/s' | 'polls/s';
  rate: number;
  connections: number;
  latencyMs: LatencySummary;
  /** Non-2xx, socket errors, timeouts, dialect errors and failed checks together. */
  errors: number;
  ratios: Ratio[];
  notes: string[];
  details: Record<string, unknown>;
}

export interface Ratio {
  against: string;
  /** rate / baseline rate. */
  value: number;
}

export function ratio(against: ResultRow, rate: number): Ratio {
  return { against: against.name, value: against.rate > 0 ? Math.round((rate / against.rate) * 1000) / 1000 : 0 };
}
