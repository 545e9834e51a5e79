import type { ReplyCheck } from './dialect-answers';
import type { WireClient, WireRequest } from './wire-client';

/** One request a CRM might send during an outage, and the answer it must get. */
export interface Probe {
  name: string;
  request: WireRequest;
  expect: ReplyCheck;
}

export interface ProbeResult {
  name: string;
  elapsedMs: number;
  /** What went wrong, or null when the answer was the expected one within the bound. */
  problem: string | null;
}

/**
 * Sends each probe in turn (one at a time, so the bound measures the gateway
 * and not a queue of our own) and reports every one that did not get its
 * answer within `boundMs`: a hang, an HTML page, a crash, a wrong line.
 */
export async function runProbes(send: WireClient, probes: readonly Probe[], boundMs: number): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  for (const probe of probes) {
    const started = Date.now();
    let problem: string | null = null;
    try {
      probe.expect(await send(probe.request, boundMs));
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    results.push({ name: probe.name, elapsedMs: Date.now() - started, problem });
  }
  return results;
}

/** The probes that went wrong, as `name: problem` lines (empty when all went right). */
export const problemsOf = (results: readonly ProbeResult[]): string[] =>
  results.filter((result) => result.problem !== null).map((result) => `${result.name}: ${result.problem}`);
