import type { AgentSession } from '../agents/agent';
import type { Leg } from '../calls/call';
import { publishPhoneReleased, releaseAgentFromCall } from '../calls/call-lifecycle';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import type { CustomerCall } from './agent-call';

/*
 * What the flows of customer calls do for a helping agent's phone leg
 * (helper-agent.ts dials it): the helper's own phone events, and its
 * session's release when the leg ends. Apart from the dialling, which needs
 * the flows, so that the flows can call these.
 */

/** The helping agent whose phone this leg is, if it is one. */
export function helperOfLeg(call: CustomerCall, leg: Leg): string | null {
  const helper = call.progress.helperLeg;
  return helper && helper.legId === leg.id ? helper.agentId : null;
}

/** The helper's phone rings (called by the call's flow). */
export function helperPhoneRinging(uow: UnitOfWork, call: CustomerCall, leg: Leg): void {
  const agentId = helperOfLeg(call, leg);
  if (agentId !== null) uow.publish({ type: 'AgentPhoneRinging', agentId, callId: call.id, legId: leg.id, at: uow.now });
}

/** The helper's phone answered (called by the call's flow as the leg joins the call). */
export function helperPhoneAnswered(uow: UnitOfWork, call: CustomerCall, leg: Leg): void {
  const agentId = helperOfLeg(call, leg);
  if (agentId !== null) uow.publish({ type: 'AgentPhoneAnswered', agentId, callId: call.id, legId: leg.id, at: uow.now });
}

/**
 * The helper's phone leg ended (called by the call's flow): its phone is
 * released and its session leaves the call, to idle or wrap-up as its own
 * after-call setting says (or where a pause or logout asked meanwhile takes it).
 */
export async function helperPhoneGone(ctx: CoreContext, uow: UnitOfWork, call: CustomerCall, leg: Leg): Promise<void> {
  const agentId = helperOfLeg(call, leg);
  if (agentId === null) return;
  publishPhoneReleased(uow, call, leg, agentId);
  const session: AgentSession | null = await uow.tx.sessions.lock(agentId);
  if (session && session.currentCallId === call.id) await releaseAgentFromCall(ctx, uow, session);
}
