import type { RequestHandler } from 'express';
import type { CallControl, DomainEventProjector } from '@pbx-gateway/core';
import type { RequestMetrics } from './request-metrics';

export type DialectName = 'vicidial' | 'voipsun' | 'ccgateway' | 'sipcall';

/** Structured log lines; the server decides where they go and redacts secrets again on the way. */
export interface DialectLogger {
  debug(facts: Record<string, unknown>, message: string): void;
  info(facts: Record<string, unknown>, message: string): void;
  warn(facts: Record<string, unknown>, message: string): void;
  error(facts: Record<string, unknown>, message: string): void;
}

export interface DialectDeps<Settings> {
  core: CallControl;
  logger: DialectLogger;
  settings: Settings;
  /** Counts of answered requests, when the server keeps them. */
  requestMetrics?: RequestMetrics;
}

/**
 * What each dialect package gives the server: a router that answers its own
 * paths wire-exactly (and nothing else), and optional background work.
 * Projectors are created separately (`createXxxProjector`), because the core
 * needs them before the dialect exists.
 */
export interface Dialect {
  readonly name: DialectName;
  /** An Express router, or a plain handler where one lookup finds the dialect's few paths (each nested router costs every request a pass through Express's routing). */
  readonly router: RequestHandler;
  /**
   * The router answers only paths no other part of the gateway uses (its own
   * scripts' paths, and passes everything else on): the app may try it before
   * its own routes, so that the dialect's requests skip them.
   */
  readonly ownPathsOnly?: boolean;
  /** Starts background work (sweepers, timers); stops with `stop`. */
  start?(): void;
  stop?(): Promise<void>;
}

export type { DomainEventProjector };
