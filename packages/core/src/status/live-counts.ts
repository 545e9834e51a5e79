import type { AgentState } from '../agents/agent';
import type { CallPurpose } from '../calls/call';
import type { CoreContext } from '../kernel/context';

/** How much is going on right now, in counts only: nothing that names a caller or a client. */
export interface LiveCounts {
  /** Calls not yet ended, by why the gateway set them up. */
  callsUp: Record<CallPurpose, number>;
  /** Signed-in agents, by state. */
  agents: Record<AgentState, number>;
  /** Callers waiting for an agent (still on hold, or while agents' phones ring for them), for every queue. */
  waiting: Array<{ queue: string; calls: number }>;
  /** Callbacks written and not yet delivered. */
  pendingCallbacks: number;
}

export interface StatusQueries {
  liveCounts(): Promise<LiveCounts>;
}

export function statusQueries(ctx: CoreContext): StatusQueries {
  const direct = ctx.store.direct;
  return {
    async liveCounts() {
      // One query at a time: a scrape under load should hold one pool connection, not four.
      const live = await direct.calls.listLive();
      const sessions = await direct.sessions.list();
      const queues = await direct.queues.list();
      const pendingCallbacks = await direct.outbox.countPending();
      const callsUp: Record<CallPurpose, number> = { click_to_call: 0, voice_menu: 0, voice_broadcast: 0, agent_playback: 0, agent_phone: 0, agent_customer: 0, inbound: 0, supervision: 0, context_dial: 0, agent_internal: 0 };
      const waiting = new Map<string, number>(queues.map((queue) => [queue.name, 0]));
      for (const { call } of live) {
        if (call.state === 'ended') continue;
        callsUp[call.purpose] += 1;
        if (call.purpose === 'inbound' && call.progress.queueName !== null && (call.progress.stage === 'waiting' || call.progress.stage === 'ringing_agent')) {
          waiting.set(call.progress.queueName, (waiting.get(call.progress.queueName) ?? 0) + 1);
        }
      }
      const agents: Record<AgentState, number> = { ready: 0, paused: 0, in_call: 0, wrap_up: 0 };
      for (const session of sessions) agents[session.state] += 1;
      return { callsUp, agents, waiting: [...waiting].map(([queue, calls]) => ({ queue, calls })), pendingCallbacks };
    },
  };
}
