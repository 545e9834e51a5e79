import type { CallOf } from '../calls/call';
import type { CoreContext } from '../kernel/context';

/** What a queue's calls came to since a moment (Asterisk's queue counters, from the gateway's own calls). */
export interface QueueStatistics {
  /** Calls that reached an agent and ended. */
  completed: number;
  /** Calls whose caller hung up before reaching an agent. */
  abandoned: number;
  /** Of the completed calls, those that reached their agent within the service level. */
  completedWithinServiceLevel: number;
  /** Average seconds a completed call waited for its agent, rounded. */
  holdTimeSec: number;
  /** Average seconds a completed call talked with its agent, rounded. */
  talkTimeSec: number;
  /** When each agent's last completed call of the queue ended. */
  lastCallOfAgent: ReadonlyMap<string, Date>;
}

export interface QueueStatisticsRequest {
  queueName: string;
  since: Date;
  /** Seconds of waiting within which a call counts as served in time. */
  serviceLevelSec: number;
}

type InboundCall = CallOf<'inbound'>;

/**
 * The queue's figures from the inbound calls that entered it since
 * `request.since`. A call counts once it has ended: completed when it had
 * reached an agent, abandoned when its caller gave up waiting (a caller the
 * gateway hung up after the queue's longest wait is neither, as in Asterisk).
 */
export async function queueStatistics(ctx: CoreContext, request: QueueStatisticsRequest): Promise<QueueStatistics> {
  const calls = await ctx.store.direct.calls.listInboundOfQueue(request.queueName, request.since);
  let completed = 0;
  let abandoned = 0;
  let withinServiceLevel = 0;
  let holdMs = 0;
  let talkMs = 0;
  const lastCallOfAgent = new Map<string, Date>();
  for (const call of calls) {
    if (call.endedAt === null) continue;
    if (call.progress.stage === 'abandoned') abandoned += 1;
    const served = servedSpan(call);
    if (!served) continue;
    completed += 1;
    holdMs += served.hold;
    talkMs += served.talk;
    if (served.hold <= request.serviceLevelSec * 1000) withinServiceLevel += 1;
    const previous = call.agentId === null ? undefined : lastCallOfAgent.get(call.agentId);
    if (call.agentId !== null && (!previous || previous < call.endedAt)) lastCallOfAgent.set(call.agentId, call.endedAt);
  }
  const average = (totalMs: number): number => (completed === 0 ? 0 : Math.round(totalMs / completed / 1000));
  return { completed, abandoned, completedWithinServiceLevel: withinServiceLevel, holdTimeSec: average(holdMs), talkTimeSec: average(talkMs), lastCallOfAgent };
}

/** The wait and the talk of an ended call that reached an agent, in ms; null when it never did. */
function servedSpan(call: InboundCall): { hold: number; talk: number } | null {
  const connectedAt = call.progress.connectedAt;
  if (connectedAt === undefined || call.endedAt === null) return null;
  const connected = new Date(connectedAt).getTime();
  return { hold: Math.max(0, connected - call.createdAt.getTime()), talk: Math.max(0, call.endedAt.getTime() - connected) };
}
