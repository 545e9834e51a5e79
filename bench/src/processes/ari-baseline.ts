import { connect, type Client } from 'ari-client';
import { serveOneJob } from '../harness/node-scripts';
import { summariseLatencies } from '../load/latency';
import type { LatencySummary } from '../load/load-spec';

export interface AriBaselineInput {
  ariUrl: string;
  user: string;
  password: string;
  app: string;
  endpoints: string[];
  concurrency: number;
  warmupSec: number;
  durationSec: number;
}

export interface AriBaselineResult {
  calls: number;
  elapsedSec: number;
  callsPerSecond: number;
  latencyMs: LatencySummary;
  errors: number;
  errorSamples: string[];
}

/**
 * Baseline for call setup: the unmodified ari-client, no database, no
 * domain, originating a channel into its application and hanging it up, as
 * fast as it can at the given concurrency, against the same simulator.
 */
async function ariBaseline(input: AriBaselineInput): Promise<AriBaselineResult> {
  const client: Client = await connect(input.ariUrl, input.user, input.password);
  await client.start(input.app);
  const free = [...input.endpoints];
  const cycle = async (): Promise<number> => {
    const endpoint = free.shift();
    if (!endpoint) throw new Error('no free endpoint');
    const started = performance.now();
    try {
      const channel = await client.channels.originate({ endpoint, app: input.app, callerId: 'bench' });
      await client.channels.hangup({ channelId: channel.id });
      return performance.now() - started;
    } finally {
      free.push(endpoint);
    }
  };
  const runFor = async (seconds: number): Promise<{ latencies: number[]; errors: string[]; elapsedSec: number }> => {
    const latencies: number[] = [];
    const errors: string[] = [];
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let last = started;
    const loop = async (): Promise<void> => {
      while (performance.now() < deadline) {
        try {
          latencies.push(await cycle());
          last = performance.now();
        } catch (error) {
          errors.push(error instanceof Error ? error.message : String(error));
        }
      }
    };
    await Promise.all(Array.from({ length: input.concurrency }, loop));
    return { latencies, errors, elapsedSec: (last - started) / 1000 };
  };
  if (input.warmupSec > 0) await runFor(input.warmupSec);
  const measured = await runFor(input.durationSec);
  client.stop();
  return {
    calls: measured.latencies.length,
    elapsedSec: Math.round(measured.elapsedSec * 100) / 100,
    callsPerSecond: Math.round((measured.latencies.length / measured.elapsedSec) * 10) / 10,
    latencyMs: summariseLatencies(measured.latencies),
    errors: measured.errors.length,
    errorSamples: measured.errors.slice(0, 5),
  };
}

serveOneJob(ariBaseline);
