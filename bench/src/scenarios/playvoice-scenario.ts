import type { ReceivedCallback } from '../harness/callback-receiver';
import { summariseLatencies } from '../load/latency';
import { SIPCALL_API, SIPCALL_GROUPS, SIPCALL_VOICEFILE, sipcallCustomer, sipcallGroup } from '../plan/bench-plan';
import { ratio, type ResultRow } from '../report/result-row';
import { loadSettings, runLoad, totalErrors, type BenchContext } from './bench-context';
import { CALL_CONCURRENCY } from './call-setup-scenario';

export const BURSTS = 3;
export const BURST_SIZE = SIPCALL_GROUPS;
const DELIVERY_TIMEOUT_MS = 90000;

interface BurstOutcome {
  accepted: string[];
  allDeliveredSec: number | null;
}

/**
 * Sip_Call `PlayVoice` in bursts: each request starts a voice-menu call (the
 * customer answers, presses 1 during the prompt, talks to the group's
 * extension, hangs up); each call must bring exactly one CDR callback to the
 * CRM's receiver. Bursts follow one another once the previous one's
 * callbacks have all arrived.
 */
export async function playVoiceScenario(context: BenchContext): Promise<ResultRow> {
  const ari = await context.baselines.ari(CALL_CONCURRENCY);
  const token = await login(context.gatewayUrl);
  const groups = Array.from({ length: BURST_SIZE }, (_, i) => sipcallGroup(i));
  const marker = `pv${Date.now().toString(36)}`;
  const latencies: number[] = [];
  const bursts: BurstOutcome[] = [];
  let requests = 0;
  let elapsedSec = 0;
  let loadErrors = 0;
  const errorSamples: string[] = [];
  for (let burst = 0; burst < BURSTS; burst++) {
    const started = Date.now();
    const result = await runLoad({
      shape: 'playvoice',
      settings: loadSettings(context, context.gatewayUrl, CALL_CONCURRENCY, { warmupSec: 0 }),
      token,
      amount: BURST_SIZE,
      groups,
      voicefile: SIPCALL_VOICEFILE,
      customers: Array.from({ length: BURST_SIZE }, (_, i) => sipcallCustomer(burst * BURST_SIZE + i)),
      marker: `${marker}-${burst}`,
    });
    requests += result.requests;
    elapsedSec += result.elapsedSec;
    loadErrors += totalErrors(result);
    errorSamples.push(...result.errorSamples.slice(0, 2));
    latencies.push(...(result.extra.latencySamples as number[]));
    const accepted = result.extra.accepted as string[];
    bursts.push({ accepted, allDeliveredSec: await waitForCdrCallbacks(context, accepted, started) });
  }
  // Late duplicates would arrive within a moment of the last delivery.
  await new Promise((done) => setTimeout(done, 2000));

  const accepted = bursts.flatMap((burst) => burst.accepted);
  const wanted = new Set(accepted);
  const cdrs = context.callbacks.cdrs().filter((callback) => wanted.has(customUuid(callback)));
  const statuses = context.callbacks.statuses().filter((callback) => wanted.has(customUuid(callback)));
  const perCall = countBy(cdrs, customUuid);
  const delivered = [...perCall.keys()].length;
  const duplicateCdrs = [...perCall.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const repeatedKeys = [...countBy([...cdrs, ...statuses], (callback) => callback.idempotencyKey).values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const undelivered = accepted.length - delivered;
  // An extension that rang must be hung up, and one that answered must have rung: each call's statuses are
  // none (the customer left before the extension was rung), ring + hangup, or ring + answer + hangup.
  const statusesPerCall = new Map<string, string[]>();
  for (const callback of statuses) statusesPerCall.set(customUuid(callback), [...(statusesPerCall.get(customUuid(callback)) ?? []), String(callback.body.status)]);
  const complete = ['hangup,ring', 'answer,hangup,ring'];
  const inconsistentStatuses = [...statusesPerCall.values()].filter((kinds) => !complete.includes([...kinds].sort().join(','))).length;
  const answered = [...statusesPerCall.values()].filter((kinds) => kinds.includes('answer')).length;
  const slowest = bursts.map((burst) => burst.allDeliveredSec).reduce<number | null>((max, sec) => (sec === null || max === null ? null : Math.max(max, sec)), 0);
  const callsPerSecond = Math.round((accepted.length / Math.max(elapsedSec, 0.001)) * 10) / 10;
  return {
    id: 'playvoice',
    name: `Sip_Call PlayVoice bursts (${BURSTS}×${BURST_SIZE})`,
    kind: 'scenario',
    unit: 'calls/s',
    rate: callsPerSecond,
    connections: CALL_CONCURRENCY,
    latencyMs: summariseLatencies(latencies),
    errors: loadErrors + undelivered + duplicateCdrs + repeatedKeys + inconsistentStatuses,
    ratios: [ratio(ari, callsPerSecond)],
    notes: [
      `calls ${accepted.length}, CDR callbacks delivered ${delivered}, duplicates ${duplicateCdrs} (repeated Idempotency-Keys ${repeatedKeys})`,
      `status callbacks ${statuses.length}: extensions rang in ${statusesPerCall.size} calls, answered in ${answered}; calls with an incomplete ring/answer/hangup sequence ${inconsistentStatuses}`,
      `all CDR callbacks of a burst delivered within ${slowest === null ? `— (some missing after ${DELIVERY_TIMEOUT_MS / 1000} s)` : `${slowest} s`} of its start (each call lasts about 2.5 s)`,
    ],
    details: {
      requests,
      elapsedSec,
      errorSamples,
      calls: accepted.length,
      cdrCallbacksDelivered: delivered,
      cdrCallbackDuplicates: duplicateCdrs,
      repeatedIdempotencyKeys: repeatedKeys,
      statusCallbacks: statuses.length,
      callsWithStatuses: statusesPerCall.size,
      extensionAnswered: answered,
      inconsistentStatusSequences: inconsistentStatuses,
      bursts: bursts.map((burst) => ({ calls: burst.accepted.length, allDeliveredSec: burst.allDeliveredSec })),
    },
  };
}

async function login(url: string): Promise<string> {
  const form = new URLSearchParams({ service: 'App.Sip_Auth.Login', appid: SIPCALL_API.appid, accesskey: SIPCALL_API.accesskey });
  const response = await fetch(`${url}/`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: form.toString() });
  const answer = (await response.json()) as { ret: number; data?: { result?: { token?: string } } };
  const token = answer.data?.result?.token;
  if (answer.ret !== 200 || !token) throw new Error(`Sip_Call login refused: ${JSON.stringify(answer)}`);
  return token;
}

/** Seconds from `startedAt` until every accepted call's CDR callback has arrived, or null on time-out. */
async function waitForCdrCallbacks(context: BenchContext, accepted: string[], startedAt: number): Promise<number | null> {
  const wanted = new Set(accepted);
  if (wanted.size === 0) return 0;
  const deadline = startedAt + DELIVERY_TIMEOUT_MS;
  for (;;) {
    const arrived = context.callbacks.cdrs().filter((callback) => wanted.has(customUuid(callback)));
    const calls = new Set(arrived.map(customUuid));
    if (calls.size >= wanted.size) {
      const last = Math.max(...arrived.map((callback) => callback.at));
      return Math.round((last - startedAt) / 100) / 10;
    }
    if (Date.now() > deadline) return null;
    await new Promise((done) => setTimeout(done, 200));
  }
}

function customUuid(callback: ReceivedCallback): string {
  return String(callback.body.customuuid ?? '');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
