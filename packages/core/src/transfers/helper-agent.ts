import { DomainError } from '../errors/domain-error';
import { CUSTOMER_CALL, startCall } from '../agents/agent';
import type { Leg } from '../calls/call';
import type { HelperLeg } from '../calls/call-progress';
import { newLeg } from '../calls/call-factory';
import { dialLeg } from '../calls/call-primitives';
import { agentCustomerCall } from '../calls/agent-customer-call-flow';
import { inboundCall } from '../queues/inbound-call-flow';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { connectedCustomer, customerRoleOf, liveLegOf, type CustomerCall } from './agent-call';
import { parkLeg } from './park';

/**
 * Dials another agent's phone into an agent's customer call as its third
 * party (an agent asking a colleague for help): the helper's session is in
 * the call from now on, so it takes no other call and hears its own phone's
 * ringing, answer and release, as the called agent of an internal call does.
 * With `parkCustomer` the customer is put on hold first (the agent and the
 * helper talk alone; `CallPartyHeld`), else the helper joins agent and
 * customer. The helper must be signed in (AGENT_NOT_LOGGED_IN) and idle with
 * a phone of its own (AGENT_BUSY); one third party at a time (INVALID_ARGUMENT).
 * The helper's phone leg.
 */
export async function dialHelperAgent<C extends CustomerCall>(
  ctx: CoreContext,
  uow: UnitOfWork,
  call: C,
  legs: readonly Leg[],
  helperAgentId: string,
  parkCustomer: boolean,
): Promise<Leg> {
  if (helperAgentId === call.agentId) throw new DomainError('INVALID_ARGUMENT', 'an agent cannot help itself');
  const customer = connectedCustomer(legs, customerRoleOf(call));
  if (liveLegOf(legs, 'third_party')) throw new DomainError('INVALID_ARGUMENT', 'a third party is already on the call');
  const helper = await uow.tx.sessions.lock(helperAgentId);
  if (!helper) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${helperAgentId} is not logged in`, { helperAgentId });
  // Only an idle agent helps, as only an idle agent takes a queued call; a phone held by a session conference is not free to ring.
  if (helper.state !== 'ready' || !helper.device || helper.conference) throw new DomainError('AGENT_BUSY', `agent ${helperAgentId} is ${helper.state}`, { helperAgentId });

  let current = call;
  if (parkCustomer) {
    current = parkLeg(ctx, uow, call, customer);
    uow.publish({ type: 'CallPartyHeld', call: current, leg: customer, at: uow.now });
  }
  // The helper's phone shows the agent asking; the leg is dialled to the helper's work number, by which `disconnect` finds it.
  const leg = newLeg(current, legs.length + 1, 'third_party', helper.device, { number: call.agentId ?? '', name: '' }, uow.now, { dialedNumber: helper.agentId });
  await uow.tx.calls.insertLeg(leg);
  const helperLeg: HelperLeg = { legId: leg.id, agentId: helper.agentId };
  const dialling: C = { ...current, progress: { ...current.progress, thirdPartyLegId: leg.id, thirdPartyDtmf: null, helperLeg } };
  await uow.tx.calls.update(dialling);
  await uow.tx.sessions.update(startCall(helper, call.id, uow.now));
  uow.publish({ type: 'AgentStateChanged', agentId: helper.agentId, from: helper.state, to: 'in_call', reason: CUSTOMER_CALL, at: uow.now });
  dialLeg(ctx, uow, leg, { what: 'ring helper phone', timeoutSec: ctx.config.agentRingTimeoutSec, flow: dialling.purpose === 'inbound' ? inboundCall : agentCustomerCall, refusal: 'reported' });
  return leg;
}
