import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { summariseLatencies } from './latency';
import type { ErrorCounts, LoadResult } from './load-spec';

/** Counts what the request hooks judge in one autocannon run. */
export class Tally {
  dialectErrors = 0;
  readonly samples: string[] = [];

  dialectError(body: string): void {
    this.dialectErrors++;
    if (this.samples.length < 5) this.samples.push(body.slice(0, 300));
  }
}

export interface RunPlan {
  url: string;
  connections: number;
  timeoutSec: number;
  requests: autocannon.Request[];
  /** A fixed time, or a fixed number of answers (no request is then cut off at the end). */
  stop: { durationSec: number } | { amount: number };
}

export type RunResult = Omit<LoadResult, 'extra'> & { latencySamples: number[] };

/** The result without its raw samples (too many to send back for a long run). */
export function withoutSamples(result: RunResult): Omit<LoadResult, 'extra'> {
  return {
    requests: result.requests,
    elapsedSec: result.elapsedSec,
    perSecond: result.perSecond,
    latencyMs: result.latencyMs,
    errors: result.errors,
    errorSamples: result.errorSamples,
  };
}

/**
 * One autocannon run. Latencies are taken from every answer (exact
 * percentiles, sub-millisecond resolution), and the rate from the time
 * between the start and the last answer, so that autocannon's one-second
 * tick does not stretch short runs.
 */
export function runAutocannon(plan: RunPlan, tally: Tally): Promise<RunResult> {
  const latencies: number[] = [];
  const started = performance.now();
  let lastAnswer = started;
  return new Promise<RunResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: plan.url,
        connections: plan.connections,
        pipelining: 1,
        timeout: plan.timeoutSec,
        requests: plan.requests,
        ...('amount' in plan.stop ? { amount: plan.stop.amount } : { duration: plan.stop.durationSec }),
      },
      (error, result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const elapsedSec = Math.max(0.001, (lastAnswer - started) / 1000);
        const errors: ErrorCounts = { non2xx: result.non2xx, socket: result.errors, timeouts: result.timeouts, dialect: tally.dialectErrors };
        resolve({
          requests: latencies.length,
          elapsedSec: Math.round(elapsedSec * 100) / 100,
          perSecond: Math.round((latencies.length / elapsedSec) * 10) / 10,
          latencyMs: summariseLatencies(latencies),
          latencySamples: latencies,
          errors,
          errorSamples: tally.samples,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      lastAnswer = performance.now();
    });
  });
}

export interface MeasuredLoad {
  settings: { url: string; connections: number; timeoutSec: number; durationSec: number; warmupSec: number; serverPid?: number };
  /** Built once; the hooks count dialect errors on whichever tally is current. */
  requests: (tally: () => Tally) => autocannon.Request[];
  /**
   * `duration`: run for the time given (stateless requests may be cut off at the end).
   * `count`: size a number of answers from the warm-up rate, so that no request of a
   * stateful sequence is left half done between runs.
   */
  mode: 'duration' | 'count';
  /** Count mode: each connection's share is a multiple of this (the length of a request sequence). */
  sequenceLength?: number;
  /** Called when the measured run starts. */
  beforeMeasure?: () => void;
  /** Called after every run (warm-up and measured), e.g. to finish sequences a connection left half done. */
  afterRun?: () => Promise<void>;
}

export async function warmUpAndMeasure(load: MeasuredLoad): Promise<RunResult> {
  const { settings } = load;
  let current = new Tally();
  const requests = load.requests(() => current);
  const plan = (stop: RunPlan['stop']): RunPlan => ({ url: settings.url, connections: settings.connections, timeoutSec: settings.timeoutSec, requests, stop });
  const run = async (stop: RunPlan['stop']): Promise<RunResult> => {
    const result = await runAutocannon(plan(stop), current);
    await load.afterRun?.();
    return result;
  };
  if (load.mode === 'duration') {
    if (settings.warmupSec > 0) await run({ durationSec: settings.warmupSec });
    current = new Tally();
    load.beforeMeasure?.();
    return measuringServerCpu(settings.serverPid, () => run({ durationSec: settings.durationSec }));
  }
  const share = settings.connections * (load.sequenceLength ?? 1);
  const sized = (perSecond: number, seconds: number): number => Math.max(share * 2, Math.round((perSecond * seconds) / share) * share);
  // A short first run estimates the rate; the warm-up proper and the measurement are sized from it.
  let rate = (await run({ amount: share * 2 })).perSecond;
  if (settings.warmupSec > 0) {
    current = new Tally();
    rate = (await run({ amount: sized(rate, settings.warmupSec) })).perSecond;
  }
  current = new Tally();
  load.beforeMeasure?.();
  return measuringServerCpu(settings.serverPid, () => run({ amount: sized(rate, settings.durationSec) }));
}

/**
 * The server's CPU time (user and system, all its threads) per answer over
 * the measured run, from /proc/<pid>/stat. Unlike the rate, it hardly moves
 * with the load of other processes on the machine: it is what a change to
 * the server's work per request is best read from.
 */
export let lastServerCpuMsPerRequest: number | null = null;

async function measuringServerCpu(pid: number | undefined, work: () => Promise<RunResult>): Promise<RunResult> {
  lastServerCpuMsPerRequest = null;
  if (pid === undefined) return work();
  const before = cpuTicks(pid);
  const result = await work();
  const after = cpuTicks(pid);
  if (before !== null && after !== null && result.requests > 0) {
    lastServerCpuMsPerRequest = Math.round((((after - before) * 1000) / CLOCK_TICKS_PER_SECOND / result.requests) * 1000) / 1000;
  }
  return result;
}

/** Linux's USER_HZ, the unit of utime and stime in /proc/<pid>/stat (100 on every common build). */
const CLOCK_TICKS_PER_SECOND = 100;

function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is the 3rd, utime the 14th, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}
