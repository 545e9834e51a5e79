import { summariseHeapSnapshot, takeHeapSnapshot } from '../harness/heap-snapshot';
import { gatewayMemory } from '../harness/process-memory';
import { CC_AGENTS, CC_VOICEPATH, ccAgentId, ccAgentPassword, ccAgentPhoneNumber } from '../plan/bench-plan';
import type { ResultRow } from '../report/result-row';
import type { LatencySummary } from '../load/load-spec';
import { loadSettings, runLoad, totalErrors, type BenchContext } from './bench-context';

export const PROBE_AGENTS = 20;
/** Calls up in the background while the agents are signed in, for the memory reading. */
export const BACKGROUND_CALLS = 1000;
/** The gateway's default `pollWaitMs`: an idle agent's poll is answered after this long. */
const POLL_WAIT_SEC = 10;

/**
 * CC-Gateway: 1,000 agents sign in over the API and long-poll their events
 * while a probe plays recordings to 20 of them and times each command until
 * its first event comes back through the poll. The gateway's memory is read
 * afterwards, with the agents still signed in and 1,000 calls up.
 */
export async function ccGatewayScenario(context: BenchContext): Promise<ResultRow> {
  const background = await context.standingCalls.ensure(BACKGROUND_CALLS);
  const agents = Array.from({ length: CC_AGENTS }, (_, i) => ({ id: ccAgentId(i), password: ccAgentPassword(i), phone: ccAgentPhoneNumber(i) }));
  // Idle polls take the whole poll wait: the window must hold several of them.
  const durationSec = Math.max(context.options.durationSec * 2, POLL_WAIT_SEC * 2);
  const result = await runLoad({
    shape: 'cc-gateway',
    settings: loadSettings(context, context.gatewayUrl, CC_AGENTS - PROBE_AGENTS, { durationSec, warmupSec: 0, timeoutSec: POLL_WAIT_SEC + 20 }),
    agents,
    probes: PROBE_AGENTS,
    voicepath: CC_VOICEPATH,
  });
  const memory = await gatewayMemory(context.gatewayPid, context.gatewayUrl);
  const when = `${CC_AGENTS} agents signed in, ${background.up} calls up`;
  context.memory.push({ when, ...memory });
  if (context.heapSnapshotDir) {
    const file = await takeHeapSnapshot(context.gatewayPid, context.heapSnapshotDir);
    context.heapSnapshots.push(summariseHeapSnapshot(file, when));
  }
  const toEvent = result.extra.commandToEventMs as LatencySummary;
  const toPlaying = result.extra.commandToPlayingMs as LatencySummary;
  const probeFailures = result.extra.probeFailures as number;
  return {
    id: 'cc-gateway',
    name: `CC-Gateway ${CC_AGENTS} agents polling + play`,
    kind: 'scenario',
    unit: 'polls/s',
    rate: result.perSecond,
    connections: CC_AGENTS - PROBE_AGENTS,
    latencyMs: toEvent,
    errors: totalErrors(result) + probeFailures,
    ratios: [],
    notes: [
      `latency: play command sent → its first event (AgentState_Busy) delivered by the poll, ${result.extra.probeSamples} commands on ${PROBE_AGENTS} agents`,
      `play → AgentMediaEvent_Play delivered (phone rings and answers first): p50 ${toPlaying.p50} / p99 ${toPlaying.p99} / max ${toPlaying.max} ms`,
      `polls: p50 ${result.latencyMs.p50} / p99 ${result.latencyMs.p99} ms (an idle poll waits ${POLL_WAIT_SEC} s); sign-in of ${CC_AGENTS} agents took ${result.extra.signInSec} s`,
      'no baseline ratio: the poll rate is set by the poll wait and the events, not by throughput',
    ],
    details: {
      polls: result.requests,
      elapsedSec: result.elapsedSec,
      pollLatencyMs: result.latencyMs,
      errors: result.errors,
      errorSamples: result.errorSamples,
      backgroundCalls: background,
      ...result.extra,
    },
  };
}
