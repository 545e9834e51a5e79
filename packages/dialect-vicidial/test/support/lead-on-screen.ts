import type { TestGateway } from '@pbx-gateway/test-support';
import { AUTH, agentGet } from './vicidial-test-kit';

/**
 * A new lead of the agent's campaign (the demo lead 1's fields, with a number
 * the telephone network answers), called and hung up: the lead on the
 * agent's screen waiting for its disposition (VICIdial DISPO).
 */
export async function leadOnScreen(gateway: TestGateway, agentId = '1000', campaignId = 'TESTCAMP'): Promise<{ leadId: number; callId: string }> {
  const { id, listId, entryListId, status, user, entryDate, modifyDate, calledCount, ...fields } = (await gateway.core.getLead(1))!;
  const { lead } = await gateway.core.addLead({
    campaignId,
    fields: { ...fields, phoneNumber: '800123456' },
    addedBy: '6666',
    dncChecks: { system: false, campaign: false },
  });
  const { callId } = await gateway.core.startAgentCustomerCall({
    agentId,
    number: lead.phoneNumber,
    callerId: null,
    origin: { dialect: 'vicidial', operation: 'test', apiUserId: null },
    leadId: lead.id,
  });
  await gateway.waitFor(async () => (await gateway.core.getCall(callId))?.call.state === 'answered', 5000, 'customer to answer');
  await agentGet(gateway, `${AUTH}&function=external_hangup&value=1&agent_user=${agentId}`);
  await gateway.waitFor(async () => (await gateway.core.getAgentSession(agentId))?.state === 'wrap_up', 5000, 'the lead in DISPO');
  return { leadId: lead.id, callId };
}

/** The agent ready again, without a lead on the screen (a RESUME leaves it undispositioned). */
export async function clearScreen(gateway: TestGateway, agentId = '1000'): Promise<void> {
  const session = await gateway.core.getAgentSession(agentId);
  if (session && session.state !== 'ready') await gateway.core.resumeAgent({ agentId });
}
