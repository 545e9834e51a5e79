import type { ProfileSummary } from '../harness/cpu-profile';
import type { HeapSnapshotSummary } from '../harness/heap-snapshot';
import type { LogSummary } from '../harness/gateway-process';
import type { BenchOptions } from '../options';
import type { MemoryReading } from '../scenarios/bench-context';
import type { Machine } from './machine';
import type { ResultRow } from './result-row';
import type { TargetOutcome } from './targets';

/** Everything one run found, as written to bench/results/latest.json. */
export interface Results {
  startedAt: string;
  finishedAt: string;
  machine: Machine;
  options: BenchOptions;
  database: string;
  /** The telephony engine the calls ran on. */
  engine: string;
  gatewayStartupMs: number;
  memory: MemoryReading[];
  rows: ResultRow[];
  targets: TargetOutcome[];
  failures: Array<{ scenario: string; error: string }>;
  gatewayExit: number | string;
  gatewayLog: LogSummary;
  markdown: string;
  profile?: ProfileSummary;
  heapSnapshots?: HeapSnapshotSummary[];
}
