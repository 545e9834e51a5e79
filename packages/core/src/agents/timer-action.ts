import type { AgentSession, TimerAction } from './agent';
import type { Call } from '../calls/call';
import type { CoreContext } from '../kernel/context';

/**
 * How long until a timer action comes due on a call: `seconds` after the
 * customer answered (0 when that is past: VICIdial's screen acts on the first
 * second at or beyond it); null when it never does (no second given, a call
 * not answered yet).
 */
export function timerActionDueInMs(action: TimerAction | null, call: Call, now: Date): number | null {
  if (!action || action.seconds === null || call.answeredAt === null) return null;
  return Math.max(0, call.answeredAt.getTime() + action.seconds * 1000 - now.getTime());
}

/** Arms the session's timer action for the agent's answered customer call, when it has one that comes due. */
export function armTimerAction(ctx: CoreContext, session: AgentSession, call: Call, now: Date): void {
  if (call.purpose !== 'agent_customer' || call.state === 'ended' || session.currentCallId !== call.id) return;
  const dueInMs = timerActionDueInMs(session.timerAction, call, now);
  if (dueInMs !== null) ctx.timerActions.arm(session.agentId, call.id, dueInMs);
}
