import type { BenchDatabase } from '../harness/bench-database';
import type { RunningBenchEngine } from '../harness/bench-engine';
import type { CallbackReceiver } from '../harness/callback-receiver';
import type { HeapSnapshotSummary } from '../harness/heap-snapshot';
import type { GatewayMemoryParts } from '../harness/process-memory';
import { runBenchScript } from '../harness/node-scripts';
import type { LoadResult, LoadSettings, LoadSpec } from '../load/load-spec';
import type { BenchOptions } from '../options';
import type { ResultRow } from '../report/result-row';
import type { Baselines } from './baselines';
import type { StandingCalls } from './standing-calls';

export interface MemoryReading extends Partial<GatewayMemoryParts> {
  when: string;
  rssMiB: number;
  peakMiB: number;
}

/** What every scenario gets: where things run, the shared baselines, and where to put findings. */
export interface BenchContext {
  options: BenchOptions;
  gatewayUrl: string;
  gatewayPid: number;
  engine: RunningBenchEngine;
  database: BenchDatabase;
  callbacks: CallbackReceiver;
  baselines: Baselines;
  standingCalls: StandingCalls;
  memory: MemoryReading[];
  /** Where the gateway writes heap snapshots (`--heap-snapshot`), or null. */
  heapSnapshotDir: string | null;
  heapSnapshots: HeapSnapshotSummary[];
  rows: ResultRow[];
}

export function loadSettings(context: BenchContext, url: string, connections: number, overrides: Partial<LoadSettings> = {}): LoadSettings {
  return {
    url,
    connections,
    durationSec: context.options.durationSec,
    warmupSec: context.options.warmupSec,
    timeoutSec: 30,
    ...overrides,
  };
}

/** When each load ran, against which server (wall-clock ms), so that a profile can be cut to the load. */
export const loadWindows: Array<{ url: string; start: number; end: number }> = [];

/** Runs one load in a fresh load-generator process. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const seconds = spec.settings.durationSec + spec.settings.warmupSec;
  const start = Date.now();
  try {
    // Sign-ins come first, one production scrypt verification each: on a loaded machine up to a second apiece.
    const signInsSec = 'agents' in spec ? spec.agents.length : 0;
    return await runBenchScript<LoadSpec, LoadResult>('load-worker', spec, (seconds * 4 + 180 + signInsSec) * 1000);
  } finally {
    loadWindows.push({ url: spec.settings.url, start, end: Date.now() });
  }
}

export function totalErrors(result: LoadResult): number {
  return result.errors.non2xx + result.errors.socket + result.errors.dialect;
}
