import { wireCallId } from '../src/wire/call-id';
import { clearScreen, leadOnScreen } from './support/lead-on-screen';
import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { AUTH, agentGet, expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent update_log_entry: every response line, on the call log entries
// of two calls agent 1000 placed for one lead of TESTCAMP (the second the
// lead's latest) and left undispositioned.

const gateway = sharedGateway({ agentInConference: '1000', overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=update_log_entry&${query}`);

let leadId: number;
let firstCall: string;
let latestCall: string;

beforeAll(async () => {
  const first = await leadOnScreen(gateway());
  leadId = first.leadId;
  firstCall = first.callId;
  await clearScreen(gateway());
  const { callId } = await gateway().core.startAgentCustomerCall({
    agentId: '1000',
    number: '800123456',
    callerId: null,
    origin: { dialect: 'vicidial', operation: 'test', apiUserId: null },
    leadId,
  });
  latestCall = callId;
  await gateway().waitFor(async () => (await gateway().core.getCall(callId))?.call.state === 'answered', 5000, 'customer to answer');
  await agentGet(gateway(), `${AUTH}&function=external_hangup&value=1&agent_user=1000`);
  await gateway().waitFor(async () => (await gateway().core.getAgentSession('1000'))?.state === 'wrap_up', 5000, 'the second call ended');
  await clearScreen(gateway());
});

/** A 20-character VICIdial call ID whose last ten digits are the lead's number. */
const vicidialCallId = (lead: number): string => `M706070000${String(lead).padStart(10, '0')}`;

test.each(['6675', '6679', '6667'])('without modify_leads, level 8 or API access (%s): no permission', async (user) => {
  expectVicidialAnswer(await api(`group=TESTCAMP&call_id=${wireCallId(firstCall)}&status=SALE`, user), `ERROR: update_log_entry USER DOES NOT HAVE PERMISSION TO UPDATE LOGS: |${user}|0|\n`);
});

test('a group shorter than 2, a call ID shorter than 8 or no status: INVALID SEARCH PARAMETERS, the request echoed', async () => {
  expectVicidialAnswer(await api('group=T&call_id=M123456789&status=SALE'), 'ERROR: update_log_entry INVALID SEARCH PARAMETERS: 6666|T|M123456789|SALE\n');
  expectVicidialAnswer(await api('group=TESTCAMP&call_id=M12345&status=SALE'), 'ERROR: update_log_entry INVALID SEARCH PARAMETERS: 6666|TESTCAMP|M12345|SALE\n');
  expectVicidialAnswer(await api('group=TESTCAMP&call_id=M123456789'), 'ERROR: update_log_entry INVALID SEARCH PARAMETERS: 6666|TESTCAMP|M123456789|\n');
});

test('a group that is neither an in-group nor a campaign', async () => {
  expectVicidialAnswer(await api('group=NOPE&call_id=M123456789&status=SALE'), 'ERROR: update_log_entry GROUP NOT FOUND: 6666|NOPE\n');
});

test("no entry: an unknown call, a lead without calls, another group's call", async () => {
  expectVicidialAnswer(await api('group=TESTCAMP&call_id=M7060700000000099999&status=SALE'), 'ERROR: update_log_entry NO RECORDS FOUND: 6666|TESTCAMP|M7060700000000099999|SALE\n');
  expectVicidialAnswer(await api('group=TESTCAMP&call_id=1701944512.1234&status=SALE'), 'ERROR: update_log_entry NO RECORDS FOUND: 6666|TESTCAMP|1701944512.1234|SALE\n');
  expectVicidialAnswer(
    await api(`group=AUTOCAMP&call_id=${wireCallId(firstCall)}&status=SALE`),
    `ERROR: update_log_entry NO RECORDS FOUND: 6666|AUTOCAMP|${wireCallId(firstCall)}|SALE\n`,
  );
});

test("by the call's ID: its entry takes the status, the lead keeps its own", async () => {
  const leadStatus = (await gateway().core.getLead(leadId))!.status;
  const callId = wireCallId(firstCall);
  expectVicidialAnswer(
    await api(`group=TESTCAMP&call_id=${callId}&status=SALEX`),
    `SUCCESS: update_log_entry RECORD HAS BEEN UPDATED - 6666|6666|TESTCAMP|${callId}|SALEX|INCALL|${callId}|\n`,
  );
  expect((await gateway().core.getLeadCall(firstCall))?.status).toBe('SALEX');
  expect((await gateway().core.getLeadCall(latestCall))?.status).toBeNull();
  expect((await gateway().core.getLead(leadId))!.status).toBe(leadStatus);
});

test('the same status again: NO RECORDS UPDATED, with the old status and the entry', async () => {
  const callId = wireCallId(firstCall);
  expectVicidialAnswer(await api(`group=TESTCAMP&call_id=${callId}&status=SALEX`), `ERROR: update_log_entry NO RECORDS UPDATED: 6666|TESTCAMP|${callId}|SALEX|SALEX|${callId}\n`);
});

test("by VICIdial's 20-character call ID: the lead's latest entry in the group", async () => {
  const given = vicidialCallId(leadId);
  expectVicidialAnswer(
    await api(`group=TESTCAMP&call_id=${given}&status=NI`),
    `SUCCESS: update_log_entry RECORD HAS BEEN UPDATED - 6666|6666|TESTCAMP|${given}|NI|INCALL|${wireCallId(latestCall)}|\n`,
  );
  expect((await gateway().core.getLeadCall(latestCall))?.status).toBe('NI');
  expect((await gateway().core.getLeadCall(firstCall))?.status).toBe('SALEX');
});

test("an in-group: the gateway logs lead calls under the agent's campaign, so none is found there", async () => {
  const given = vicidialCallId(leadId);
  expectVicidialAnswer(await api(`group=SALESLINE&call_id=${given}&status=SALE`), `ERROR: update_log_entry NO RECORDS FOUND: 6666|SALESLINE|${given}|SALE\n`);
});
