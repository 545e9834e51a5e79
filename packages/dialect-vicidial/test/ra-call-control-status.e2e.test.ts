import type { TestGateway } from '@pbx-gateway/test-support';
import { wireCallId } from '../src/wire/call-id';
import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { AUTH, agentGet, expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// ra_call_control's status (seed 002, spec §3.2): on success the call's log
// entry and its lead take `status` (RAXFER when not given), as later reads
// show (Non-Agent callid_info, lead_all_info), and the agent whose lead it
// is moves on as after that disposition.

const gateway = sharedGateway({ agentInConference: '1000', overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });
const api = (query: string) => agentGet(gateway(), `${AUTH}&function=ra_call_control&agent_user=1000&${query}`);
const nonAgent = (query: string) => nonAgentGet(gateway(), `source=test&user=6666&pass=1234&${query}`);

/** A new lead of TESTCAMP called by agent 1000, the customer connected. */
async function leadCall(gw: TestGateway): Promise<{ leadId: number; callId: string; customerId: string }> {
  const session = await gw.core.getAgentSession('1000');
  if (session?.state !== 'ready' && session?.state !== 'in_call') await gw.core.resumeAgent({ agentId: '1000' });
  // The demo lead 1's fields, with a number the telephone network answers.
  const { id, listId, entryListId, status, user, entryDate, modifyDate, calledCount, ...fields } = (await gw.core.getLead(1))!;
  const { lead } = await gw.core.addLead({ campaignId: 'TESTCAMP', fields: { ...fields, phoneNumber: '800123456' }, addedBy: '6666', dncChecks: { system: false, campaign: false } });
  const { callId } = await gw.core.startAgentCustomerCall({ agentId: '1000', number: lead.phoneNumber, callerId: null, origin: { dialect: 'vicidial', operation: 'test', apiUserId: null }, leadId: lead.id });
  const customerId = await gw.waitFor(
    async () => (await gw.core.getCall(callId))?.legs.find((leg) => leg.role === 'customer' && leg.state === 'up' && (leg.answeredAt ?? null) !== null)?.id,
    15000,
    'the customer connected',
  );
  await gw.waitFor(async () => (await gw.core.getCall(callId))?.call.state === 'answered', 15000, 'the call answered');
  return { leadId: lead.id, callId, customerId };
}

const callEnded = (gw: TestGateway, callId: string) => gw.waitFor(async () => (await gw.core.getCdrOfCall(callId)) ?? false, 15000, `the CDR of ${callId}`);

/** The status column of callid_info's detail row, and the status and user of lead_all_info. */
async function statusesOf(callId: string, leadId: number): Promise<{ log: string; lead: string }> {
  const detail = (await nonAgent(`function=callid_info&call_id=${wireCallId(callId)}&detail=YES`)).text.trimEnd().split('|');
  const lead = (await nonAgent(`function=lead_all_info&lead_id=${leadId}`)).text.split('|');
  return { log: detail[7]!, lead: `${lead[0]}|${lead[1]}` };
}

test('HANGUP with a status: the call ends, its log entry and its lead take the status, the agent moves on (paused: a manual-dial campaign)', async () => {
  const gw = gateway();
  const { leadId, callId } = await leadCall(gw);
  const id = wireCallId(callId);
  expectVicidialAnswer(await api(`value=${id}&stage=HANGUP&status=SALE`), `SUCCESS: ra_call_control hungup - 1000|${id}|HANGUP\n`);
  await callEnded(gw, callId);
  await gw.waitFor(async () => (await gw.core.getAgentSession('1000'))?.lead === null, 15000, 'the disposition applied');
  expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'paused', lead: null, pendingDisposition: null });
  expect(await statusesOf(callId, leadId)).toEqual({ log: 'SALE', lead: 'SALE|1000' });
});

test('EXTENSIONTRANSFER without a status: RAXFER; the agent is done with the lead at once', async () => {
  const gw = gateway();
  const { leadId, callId, customerId } = await leadCall(gw);
  const id = wireCallId(callId);
  expectVicidialAnswer(await api(`value=${id}&stage=EXTENSIONTRANSFER&phone_number=5550400`), `SUCCESS: ra_call_control transfer - 1000|${id}|5550400\n`);
  expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'paused', lead: null, currentCallId: null });
  expect(await statusesOf(callId, leadId)).toEqual({ log: 'RAXFER', lead: 'RAXFER|1000' });
  await gw.farEnd.hangup(customerId, 16);
  await callEnded(gw, callId);
});

test('INGROUPTRANSFER: a status longer than 6 characters is cut, as VICIdial stores it; the customer waits in the in-group with the lead', async () => {
  const gw = gateway();
  const { leadId, callId, customerId } = await leadCall(gw);
  const id = wireCallId(callId);
  expectVicidialAnswer(await api(`value=${id}&stage=INGROUPTRANSFER&ingroup_choices=TEST_IN2&status=CALLBK2X`), `SUCCESS: ra_call_control transfer - 1000|${id}|\n`);
  expect(await statusesOf(callId, leadId)).toEqual({ log: 'CALLBK', lead: 'CALLBK|1000' });
  const queued = (await gw.core.getCall(callId))!.call;
  expect(queued.progress).toMatchObject({ transferredTo: expect.any(String) });
  await gw.farEnd.hangup(customerId, 16);
  await callEnded(gw, callId);
});

test('a refused transfer stores nothing', async () => {
  const gw = gateway();
  const { leadId, callId, customerId } = await leadCall(gw);
  const id = wireCallId(callId);
  expectVicidialAnswer(await api(`value=${id}&stage=INGROUPTRANSFER&ingroup_choices=FAKE_IN&status=SALE`), 'ERROR: ingroup is not valid - FAKE_IN\n');
  expectVicidialAnswer(await api(`value=${id}&stage=EXTENSIONTRANSFER&phone_number=5&status=SALE`), 'ERROR: phone_number is not valid - 5\n');
  expect((await gw.core.getLead(leadId))!.status).toBe('INCALL');
  expect((await gw.core.getLeadCall(callId))!.status).toBeNull();
  await gw.farEnd.hangup(customerId, 16);
  await callEnded(gw, callId);
});
