import type { Call, Leg } from '../calls/call';
import { releaseAgentFromCall } from '../calls/call-lifecycle';
import { hangupLeg } from '../calls/leg-hangup';
import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { requireEngine } from '../kernel/engine';
import { callBridgeId } from '../kernel/ids';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { agentLegOf, type CustomerCall } from '../transfers/agent-call';
import { withAgentSupervision } from './locked-supervision';

export interface InterceptRequest {
  supervisorAgentId: string;
  /** The agent whose call is taken over: the one the supervisor listens to, whispers to or barges in on. */
  supervisedAgentId: string;
  /** The call meant, when the client names it; null: whichever the supervision joins. */
  callId: string | null;
}

/**
 * A supervising agent takes over the customer call it supervises (Huawei
 * intercept): its phone leaves the supervision call for the customer's call,
 * as that call's agent leg, and the supervised agent is taken off it (its
 * phone hung up, the agent released as idle). The customer's call goes on
 * under its own flow with the supervisor as its agent: the supervisor's
 * release, hold or transfer act on it as the agent's would, and its CDR
 * names the supervisor. The supervision call ends with its snoop, with its
 * own CDR. Only a supervision that has joined (listen, whisper or barge)
 * can intercept (NO_ACTIVE_CALL otherwise, or when the supervised leg is not
 * the agent's leg of a customer call of `supervisedAgentId`, or not the call
 * named); an agent who talks from its session conference cannot lose its
 * conference (AGENT_BUSY).
 */
export async function interceptCall(ctx: CoreContext, request: InterceptRequest): Promise<{ callId: string }> {
  requireEngine(ctx, 'intercept');
  return withAgentSupervision(ctx, request.supervisorAgentId, async (uow, supervision) => {
    const noCall = (why: string) => new DomainError('NO_ACTIVE_CALL', `agent ${request.supervisorAgentId} cannot intercept: ${why}`);
    if (supervision.progress.stage !== 'supervising') throw noCall('its supervision has not joined the call');
    const ownLegs = await uow.tx.calls.legsOf(supervision.id);
    const phone = ownLegs.find((leg) => leg.role === 'supervisor' && leg.state === 'up' && !leg.hangupRequested);
    if (!phone) throw noCall('its phone is not in the supervision');
    const target = await uow.tx.calls.getLeg(supervision.progress.targetLegId);
    const call = target && target.state === 'up' ? await uow.tx.calls.lock(target.callId) : null;
    if (!target || !call || !isTalkOf(call, request.supervisedAgentId)) throw noCall(`agent ${request.supervisedAgentId} is in no customer call it supervises`);
    if (request.callId !== null && request.callId !== call.id) throw noCall(`call ${request.callId} is not the supervised one`);
    const legs = await uow.tx.calls.legsOf(call.id);
    if (agentLegOf(call, legs)?.id !== target.id) throw noCall(`agent ${request.supervisedAgentId} is no longer on the supervised call`);
    if (call.bridgeId !== callBridgeId(call.id)) throw new DomainError('AGENT_BUSY', `agent ${request.supervisedAgentId} talks from its session conference`);
    const taken = await takeOver(ctx, uow, call, target, phone, request.supervisorAgentId);
    const snoops = ownLegs.filter((leg) => leg.role === 'snoop');
    for (const snoop of snoops) await hangupLeg(ctx, uow, snoop.id);
    return { callId: taken.id };
  });
}

/** A customer call the agent talks in (not one it left to others). */
const isTalkOf = (call: Call, agentId: string): call is CustomerCall =>
  call.state !== 'ended' &&
  call.agentId === agentId &&
  ((call.purpose === 'inbound' && call.progress.stage === 'connected') || (call.purpose === 'agent_customer' && call.progress.stage === 'connected' && call.progress.agentLeft !== true));

/**
 * The supervisor's phone becomes the call's agent leg (moved into the call's
 * bridge on the engine), the agent's phone leg is marked as a former agent's
 * and hung up, and both agents' sessions follow: the agent released from the
 * call (idle), the supervisor in it. The agent hears its phone released now,
 * before it goes idle, as Huawei reports a released call.
 */
async function takeOver(ctx: CoreContext, uow: UnitOfWork, call: CustomerCall, agentLeg: Leg, phone: Leg, supervisorAgentId: string): Promise<CustomerCall> {
  const { tx, now } = uow;
  const agentId = call.agentId!;
  await tx.calls.updateLeg({ ...phone, callId: call.id, role: 'agent' });
  const bridgeId = call.bridgeId!;
  uow.engine.command('move the supervisor into the call', () => ctx.pbx.addToBridge(bridgeId, [phone.id]));
  // A mute lives on the agent's leg (transfers/agent-mute.ts): the supervisor's phone starts heard.
  const formerAgentLegIds = [...(call.progress.formerAgentLegIds ?? []), agentLeg.id];
  const agentMuted = call.progress.agentMuted === undefined ? {} : { agentMuted: false };
  const taken: CustomerCall =
    call.purpose === 'inbound'
      ? {
          ...call,
          agentId: supervisorAgentId,
          progress: { ...call.progress, ...agentMuted, agentLegId: phone.id, agentLegs: [...call.progress.agentLegs, { legId: phone.id, agentId: supervisorAgentId }], formerAgentLegIds },
        }
      : { ...call, agentId: supervisorAgentId, progress: { ...call.progress, ...agentMuted, formerAgentLegIds } };
  await tx.calls.update(taken);
  await hangupLeg(ctx, uow, agentLeg.id);

  uow.publish({ type: 'CallTakenOver', call: taken, agentId, side: 'taken_from', otherAgentId: supervisorAgentId, at: now });
  uow.publish({ type: 'AgentPhoneReleased', agentId, callId: call.id, legId: agentLeg.id, by: 'system', at: now });
  const session = await tx.sessions.lock(agentId);
  if (session && session.currentCallId === call.id) await releaseAgentFromCall(ctx, uow, session, 'ready');

  const supervisor = await tx.sessions.lock(supervisorAgentId);
  // Already in a call (the supervision): only which call changes.
  if (supervisor) await tx.sessions.update({ ...supervisor, currentCallId: call.id });
  uow.publish({ type: 'CallTakenOver', call: taken, agentId: supervisorAgentId, side: 'taken_by', otherAgentId: agentId, at: now });
  return taken;
}
