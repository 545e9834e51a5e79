import type { AgentSession, Call, DomainEvent, Leg } from '@pbx-gateway/core';
import type { TestCore } from './test-core';

export const ORIGIN: Call['origin'] = { dialect: 'test', operation: 'test', apiUserId: null };

/** Signs an agent in without a conference (the Huawei way). */
export function loginPlain(t: TestCore, agentId: string, via: AgentSession['loginVia'] = 'ccgateway'): Promise<AgentSession> {
  return t.core.loginAgent({ agentId, via, phoneNumber: agentId });
}

/** Signs an agent into a session conference and answers the phone it rings into it. */
export async function loginWithConference(t: TestCore, agentId: string, conferenceNumber = '8600051'): Promise<AgentSession> {
  const session = await t.core.loginAgent({ agentId, via: 'vicidial', phoneNumber: agentId, conferenceNumber, connectPhone: true });
  await t.answer(session.conference!.agentLegId!);
  return (await t.core.getAgentSession(agentId))!;
}

export async function legsOf(t: TestCore, callId: string): Promise<Leg[]> {
  return (await t.core.getCall(callId))?.legs ?? [];
}

export async function legOf(t: TestCore, callId: string, role: Leg['role']): Promise<Leg> {
  const leg = (await legsOf(t, callId)).find((candidate) => candidate.role === role);
  if (!leg) throw new Error(`call ${callId} has no ${role} leg`);
  return leg;
}

/** An agent without conference in a connected call: phone answered, customer answered. */
export async function connectedCustomerCall(t: TestCore, agentId: string, number = '5550100'): Promise<{ callId: string; agentLegId: string; customerLegId: string }> {
  const { callId } = await t.core.startAgentCustomerCall({ agentId, number, callerId: null, origin: ORIGIN });
  const agentLeg = await legOf(t, callId, 'agent');
  await t.ring(agentLeg.id);
  await t.answer(agentLeg.id);
  const customerLeg = await legOf(t, callId, 'customer');
  await t.answer(customerLeg.id);
  return { callId, agentLegId: agentLeg.id, customerLegId: customerLeg.id };
}

/** Event types with the facts that tell them apart, for order assertions. */
export function describeEvents(events: readonly DomainEvent[]): string[] {
  return events.map((event) => {
    switch (event.type) {
      case 'AgentStateChanged':
        return `AgentStateChanged ${event.from}->${event.to}${event.reason ? ` (${event.reason})` : ''}`;
      case 'AgentLoggedIn':
        return `AgentLoggedIn ${event.state}`;
      case 'AgentLoggedOut':
        return `AgentLoggedOut ${event.reason}`;
      case 'AgentPhoneReleased':
        return `AgentPhoneReleased by ${event.by}`;
      case 'PlaybackFinished':
        return `PlaybackFinished ${event.cause}`;
      case 'LegRinging':
      case 'LegAnswered':
      case 'LegEnded':
        return `${event.type} ${event.leg.role}`;
      default:
        return event.type;
    }
  });
}
