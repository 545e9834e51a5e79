import { DomainError } from '../errors/domain-error';
import type { AgentSession } from '../agents/agent';
import type { Call, CallOf, Leg } from '../calls/call';
import type { UnitOfWork } from '../kernel/unit-of-work';

/** The live leg of a role (the customer, the third party), if any. */
export const liveLegOf = (legs: readonly Leg[], role: Leg['role']): Leg | null =>
  legs.find((leg) => leg.role === role && leg.state !== 'ended' && !leg.hangupRequested) ?? null;

/** The customer, answered and still there: what every transfer needs. */
export function connectedCustomer(legs: readonly Leg[], role: Leg['role'] = 'customer'): Leg {
  const customer = liveLegOf(legs, role);
  if (!customer || customer.state !== 'up') throw new DomainError('NO_ACTIVE_CALL', 'the customer is not connected');
  return customer;
}

/** A call in which an agent talks with a customer: its callout, or a queued call it took. */
export type CustomerCall = CallOf<'agent_customer'> | CallOf<'inbound'>;

/**
 * Whether a call is a customer call still going: an agent's callout, or a
 * queued call an agent took (a caller still waiting or ringing has no agent
 * yet, and is not one).
 */
export function isLiveCustomerCall(call: Call): call is CustomerCall {
  if (call.state === 'ended') return false;
  return call.purpose === 'agent_customer' || (call.purpose === 'inbound' && call.progress.stage === 'connected' && call.agentId !== null);
}

/** An agent's current call with a customer, of either kind, locked for a unit of work, with its legs. */
export interface AgentTalk {
  session: AgentSession;
  call: CustomerCall;
  legs: Leg[];
}

/**
 * Locks the agent's session and the call it talks in with a customer (a
 * callout, or a queued call it took). Refused when the agent is not logged
 * in (AGENT_NOT_LOGGED_IN), is on no such call, or is on one other than
 * `callId` (NO_ACTIVE_CALL): what holds and mutes act on. `callId` is the
 * call the session was seen on, whose owner's queue the work runs in.
 */
export async function lockAgentTalk(uow: UnitOfWork, agentId: string, callId: string): Promise<AgentTalk> {
  const session = await uow.tx.sessions.lock(agentId);
  if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${agentId} is not logged in`);
  const call = session.currentCallId === callId ? await uow.tx.calls.lock(callId) : null;
  const talking = call?.purpose === 'agent_customer' || (call?.purpose === 'inbound' && call.progress.stage === 'connected' && call.agentId === agentId);
  if (!call || call.state === 'ended' || !talking) throw new DomainError('NO_ACTIVE_CALL', `agent ${agentId} talks with no customer`);
  return { session, call: call as CustomerCall, legs: await uow.tx.calls.legsOf(call.id) };
}

/** The role of the customer's leg: the caller of a queued call, the customer of a callout. */
export const customerRoleOf = (call: CustomerCall): Leg['role'] => (call.purpose === 'inbound' ? 'caller' : 'customer');

/** The agent's phone leg on the call, while it is there. */
export function agentLegOf(call: CustomerCall, legs: readonly Leg[]): Leg | null {
  if (call.purpose === 'agent_customer') {
    return call.progress.agentLeft ? null : (legs.find((leg) => leg.role === 'agent' && leg.state !== 'ended' && !isFormerAgentLeg(call, leg.id)) ?? null);
  }
  return legs.find((leg) => leg.id === call.progress.agentLegId && leg.state !== 'ended') ?? null;
}

/** A phone leg of an agent taken off the call (a supervisor intercepted it): no longer the call's agent. */
export const isFormerAgentLeg = (call: CustomerCall, legId: string): boolean => (call.progress.formerAgentLegIds ?? []).includes(legId);
