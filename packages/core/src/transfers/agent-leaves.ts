import type { AgentSession } from '../agents/agent';
import type { Leg } from '../calls/call';
import { releaseAgentFromCall } from '../calls/call-lifecycle';
import { hangupLeg } from '../calls/leg-hangup';
import type { CoreContext } from '../kernel/context';
import { callBridgeId } from '../kernel/ids';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { agentLegOf, type CustomerCall } from './agent-call';

/**
 * The agent leaves a customer call that goes on without it (a 3-way call it
 * leaves, a customer it transfers). In a session conference the parties that
 * are up move into a bridge of the call's own (a party still ringing joins it
 * when it answers), so the agent stays in its conference; without one, the
 * agent's phone leg of the call is hung up. The agent goes to after-call
 * work (VICIdial DISPO) unless the caller says `ready` (a dialect whose agents
 * choose that themselves), or where a pending pause or logout takes it. Parked
 * parties come back from the holding bridge with the others.
 */
export async function agentLeavesCall<C extends CustomerCall>(
  ctx: CoreContext,
  uow: UnitOfWork,
  session: AgentSession | null,
  call: C,
  legs: readonly Leg[],
  afterCall: AgentSession['afterCall'] = 'wrap_up',
): Promise<C> {
  const ownBridge = callBridgeId(call.id);
  const parties = legs.filter((leg) => leg.role !== 'agent' && leg.state === 'up' && !leg.hangupRequested).map((leg) => leg.id);
  if (call.bridgeId !== ownBridge) {
    uow.engine.command('create call bridge', () => ctx.pbx.ensureBridge(ownBridge, 'mixing'));
    uow.engine.command('move parties', () => ctx.pbx.addToBridge(ownBridge, parties));
  } else {
    const agentLeg = agentLegOf(call, legs);
    if (agentLeg) await hangupLeg(ctx, uow, agentLeg.id);
    const parked = call.progress.parkedLegIds ?? [];
    const back = parties.filter((id) => parked.includes(id));
    if (back.length > 0) uow.engine.command('grab parties', () => ctx.pbx.addToBridge(ownBridge, back));
  }
  const left: C = {
    ...call,
    bridgeId: ownBridge,
    progress: { ...call.progress, agentLeft: true, ...(call.progress.parkedLegIds ? { parkedLegIds: [] } : {}) },
  };
  await uow.tx.calls.update(left);
  if (session && session.currentCallId === call.id) await releaseAgentFromCall(ctx, uow, session, afterCall);
  return left;
}
