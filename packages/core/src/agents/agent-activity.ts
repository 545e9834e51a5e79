import type { CoreContext } from '../kernel/context';
import type { AgentStateSpan, AgentStateSpanSearch } from './agent-state-span';

/**
 * What an agent did over a period, summed from its state spans: seconds
 * logged in (every span), paused, waiting (ready), talking (in a call) and
 * in after-call work, with the calls taken, sessions and pauses counted.
 * Per campaign when asked (`campaignId` null otherwise).
 */
export interface AgentActivity {
  agentId: string;
  campaignId: string | null;
  loginSec: number;
  pauseSec: number;
  waitSec: number;
  talkSec: number;
  wrapUpSec: number;
  calls: number;
  sessions: number;
  pauses: number;
}

export interface AgentActivityRequest extends AgentStateSpanSearch {
  byCampaign: boolean;
}

interface Tally {
  agentId: string;
  campaignId: string | null;
  ms: { ready: number; paused: number; in_call: number; wrap_up: number };
  calls: Set<string>;
  sessions: Set<string>;
  pauses: number;
}

/**
 * Sums the spans that started in the period, each whole (a span still open
 * counts up to `now`), as a log of one row per state counts the rows whose
 * time falls in the period. Agents by id, then campaigns by id.
 */
export function sumAgentActivity(spans: readonly AgentStateSpan[], byCampaign: boolean, now: Date): AgentActivity[] {
  const tallies = new Map<string, Tally>();
  for (const span of spans) {
    const campaignId = byCampaign ? span.campaignId : null;
    const key = JSON.stringify([span.agentId, campaignId]);
    let tally = tallies.get(key);
    if (!tally) {
      tally = { agentId: span.agentId, campaignId, ms: { ready: 0, paused: 0, in_call: 0, wrap_up: 0 }, calls: new Set(), sessions: new Set(), pauses: 0 };
      tallies.set(key, tally);
    }
    tally.ms[span.state] += Math.max(0, (span.endedAt ?? now).getTime() - span.startedAt.getTime());
    tally.sessions.add(span.sessionId);
    if (span.state === 'in_call') tally.calls.add(span.callId ?? `${span.sessionId}@${span.startedAt.toISOString()}`);
    if (span.state === 'paused') tally.pauses += 1;
  }
  const seconds = (ms: number): number => Math.round(ms / 1000);
  return [...tallies.values()]
    .sort((a, b) => compare(a.agentId, b.agentId) || compare(a.campaignId ?? '', b.campaignId ?? ''))
    .map((tally) => {
      const pauseSec = seconds(tally.ms.paused);
      const waitSec = seconds(tally.ms.ready);
      const talkSec = seconds(tally.ms.in_call);
      const wrapUpSec = seconds(tally.ms.wrap_up);
      return {
        agentId: tally.agentId,
        campaignId: tally.campaignId,
        loginSec: pauseSec + waitSec + talkSec + wrapUpSec,
        pauseSec,
        waitSec,
        talkSec,
        wrapUpSec,
        calls: tally.calls.size,
        sessions: tally.sessions.size,
        pauses: tally.pauses,
      };
    });
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Each agent's activity over the period, from the state span log. */
export async function agentActivity(ctx: CoreContext, request: AgentActivityRequest): Promise<AgentActivity[]> {
  const spans = await ctx.store.direct.agentStateSpans.search(request);
  return sumAgentActivity(spans, request.byCampaign, ctx.clock.now());
}
