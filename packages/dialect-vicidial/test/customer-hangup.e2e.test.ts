import type { TestGateway } from '@pbx-gateway/test-support';
import { serverTime } from '../src/wire/server-time';
import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// A lead call the customer ends: its call log says so (phone_number_log
// hangup_reason CALLER), whether the customer hangs up while talking in the
// agent's conference or at once, as the gateway is still bridging the call.

const gateway = sharedGateway({ agentInConference: '1000', overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });
const ORIGIN = { dialect: 'vicidial', operation: 'test', apiUserId: null };
const CONFERENCE = 'agent-1000.conference';

/** A new lead of TESTCAMP with number `phoneNumber`, dialled by agent 1000 into its conference. */
async function leadCall(gw: TestGateway, phoneNumber: string): Promise<{ callId: string }> {
  await gw.waitFor(async () => (await gw.core.getAgentSession('1000'))?.state === 'ready', 15000, 'agent 1000 ready');
  const { id, listId, entryListId, status, user, entryDate, modifyDate, calledCount, ...fields } = (await gw.core.getLead(1))!;
  const { lead } = await gw.core.addLead({ campaignId: 'TESTCAMP', fields: { ...fields, phoneNumber }, addedBy: '6666', dncChecks: { system: false, campaign: false } });
  return gw.core.startAgentCustomerCall({ agentId: '1000', number: phoneNumber, callerId: null, origin: ORIGIN, leadId: lead.id });
}

async function hangupReasonOf(gw: TestGateway, callId: string, phoneNumber: string): Promise<string> {
  const cdr = await gw.waitFor(async () => (await gw.core.getCdrOfCall(callId)) ?? false, 15000, `the CDR of ${callId}`);
  const log = (await gw.core.getLeadCall(callId))!;
  const answer = await nonAgentGet(gw, `source=test&user=6666&pass=1234&function=phone_number_log&phone_number=${phoneNumber}&detail=LAST`);
  const row = answer.text.replace(/\n$/, '').split('|');
  // The row is this call's: its date and length.
  expect([row[0], row[1], row[3]]).toEqual([phoneNumber, serverTime(log.startedAt, 'UTC').local, String(cdr.durationSec)]);
  expect(cdr.hangupSide).toBe('callee');
  return row[5]!;
}

afterEach(async () => {
  const gw = gateway();
  const session = await gw.core.getAgentSession('1000');
  if (session && session.state !== 'ready' && session.state !== 'in_call') await gw.core.resumeAgent({ agentId: '1000' });
});

test('the customer hangs up while talking in the conference: CALLER', async () => {
  const gw = gateway();
  const { callId } = await leadCall(gw, '800123461');
  const customerId = await gw.waitFor(
    async () => (await gw.core.getCall(callId))?.legs.find((leg) => leg.role === 'customer' && leg.state === 'up')?.id,
    15000,
    'the customer up',
  );
  await gw.waitFor(async () => (await gw.engineBridges()).find((bridge) => bridge.id === CONFERENCE)?.channels.includes(customerId) ?? false, 15000, 'the customer in the conference');
  await gw.farEnd.hangup(customerId, 16);
  expect(await hangupReasonOf(gw, callId, '800123461')).toBe('CALLER');
});

test('the customer hangs up as soon as it answers: CALLER', async () => {
  const gw = gateway();
  await gw.farEnd.setNumber('800123462', { outcome: 'answer', hangupAfterMs: 0 });
  const { callId } = await leadCall(gw, '800123462');
  expect(await hangupReasonOf(gw, callId, '800123462')).toBe('CALLER');
});
