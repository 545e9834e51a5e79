import type { Cdr, LeadCall } from '@pbx-gateway/core';
import { wireCallId } from '../src/wire/call-id';
import { serverTime } from '../src/wire/server-time';
import { clearScreen, leadOnScreen } from './support/lead-on-screen';
import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { customerCall, expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent callid_info: every response line and the export formats, on a
// lead call agent 1000 placed and hung up, and on a call placed for no lead.

const gateway = sharedGateway({ agentInConference: '1000', overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=callid_info&${query}`);

let leadCallId: string;
let listId: number;
let log: LeadCall;
let cdr: Cdr;
let unloggedCallId: string;

beforeAll(async () => {
  const { leadId, callId } = await leadOnScreen(gateway());
  leadCallId = wireCallId(callId);
  listId = (await gateway().core.getLead(leadId))!.listId;
  log = (await gateway().core.getLeadCall(callId))!;
  cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? false, 5000, 'the CDR of the lead call');
  await clearScreen(gateway());
  unloggedCallId = wireCallId((await customerCall(gateway(), '1000')).callId);
});

const detailRow = (separator = '|'): string =>
  [leadCallId, String(cdr.billsec), serverTime(log.startedAt, 'UTC').local, '800123456', 'OUTBOUND_MANUAL', 'TESTCAMP', String(listId), 'INCALL', '1000'].join(separator);

test.each(['6675', '6667'])('without view_reports or API access (%s): no permission', async (user) => {
  expectVicidialAnswer(await api(`call_id=${leadCallId}`, user), `ERROR: callid_info USER DOES NOT HAVE PERMISSION TO GET CALL INFO: |${user}|0|\n`);
});

test('no call_id, one shorter than 18 or longer than 100: INVALID SEARCH PARAMETERS', async () => {
  expectVicidialAnswer(await api('call_id='), 'ERROR: callid_info INVALID SEARCH PARAMETERS: 6666|\n');
  expectVicidialAnswer(await api('call_id=M1234567890123456'), 'ERROR: callid_info INVALID SEARCH PARAMETERS: 6666|M1234567890123456\n');
  expectVicidialAnswer(await api(`call_id=${'M'.repeat(101)}`), `ERROR: callid_info INVALID SEARCH PARAMETERS: 6666|${'M'.repeat(101)}\n`);
});

test('a call the gateway does not know: CALL NOT FOUND (the agent echoed empty)', async () => {
  expectVicidialAnswer(await api('call_id=M4050908070000012345'), 'ERROR: callid_info CALL NOT FOUND: 6666|\n');
  // VICIdial echoes agent_user there, which the function otherwise ignores.
  expectVicidialAnswer(await api('call_id=M4050908070000012345&agent_user=1000'), 'ERROR: callid_info CALL NOT FOUND: 6666|1000\n');
});

test('a call placed for no lead: its ID and talk time (0 while it is up); with detail=YES, CALL LOG NOT FOUND (no log entry to detail)', async () => {
  expectVicidialAnswer(await api(`call_id=${unloggedCallId}`), `${unloggedCallId}|0\n`);
  expectVicidialAnswer(await api(`call_id=${unloggedCallId}&detail=YES`), 'ERROR: callid_info CALL LOG NOT FOUND: 6666|\n');
  expectVicidialAnswer(await api(`call_id=${unloggedCallId}&detail=YES&agent_user=1006`), 'ERROR: callid_info CALL LOG NOT FOUND: 6666|1006\n');
});

test("a lead call: its ID and the customer's talk time", async () => {
  expectVicidialAnswer(await api(`call_id=${leadCallId}`), `${leadCallId}|${cdr.billsec}\n`);
  expectVicidialAnswer(await api(`call_id=${leadCallId}&header=YES&stage=csv`), `call_id,custtime\n${leadCallId},${cdr.billsec}\n`);
});

test('detail=YES: the log entry (undispositioned: INCALL), with its header, in each format', async () => {
  expectVicidialAnswer(await api(`call_id=${leadCallId}&detail=YES`), `${detailRow()}\n`);
  expectVicidialAnswer(
    await api(`call_id=${leadCallId}&detail=YES&header=YES&stage=tab`),
    `call_id\tcusttime\tcall_date\tphone\tcall_type\tcampaign_id\tlist_id\tstatus\tuser\n${detailRow('\t')}\n`,
  );
});
