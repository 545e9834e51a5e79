import type { Cdr, LeadCall } from '@pbx-gateway/core';
import { clearOfDayEnd, DAY_END_WAIT_TIMEOUT_MS } from '@pbx-gateway/test-support';
import { serverTime } from '../src/wire/server-time';
import { clearScreen, leadOnScreen } from './support/lead-on-screen';
import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { AUTH, agentGet, expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent phone_number_log: every response line and export format, on two
// calls agent 1000 placed to 800123456 (the first given SALE, the second
// left undispositioned), both hung up by the agent.

const gateway = sharedGateway({ agentInConference: '1000', overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=phone_number_log&${query}`);

const HEADER = 'phone_number|call_date|list_id|length_in_sec|lead_status|hangup_reason|call_status|source_id|user';

let rows: string[][];
let today: string;

// Clear of midnight: the log is asked for the day of the calls just placed.
beforeAll(() => clearOfDayEnd(), DAY_END_WAIT_TIMEOUT_MS);

beforeAll(async () => {
  const calls: Array<{ log: LeadCall; cdr: Cdr; listId: number }> = [];
  for (const status of ['SALE', null]) {
    const { leadId, callId } = await leadOnScreen(gateway());
    if (status) expect((await agentGet(gateway(), `${AUTH}&function=external_status&value=${status}&agent_user=1000`)).text).toMatch(/^SUCCESS/);
    const cdr = await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? false, 5000, 'the CDR');
    const log = await gateway().waitFor(async () => ((await gateway().core.getLeadCall(callId))?.status ?? null) === status && gateway().core.getLeadCall(callId), 5000, 'the log entry');
    calls.push({ log: log!, cdr, listId: (await gateway().core.getLead(leadId))!.listId });
    await clearScreen(gateway());
  }
  // The latest first; the lead's status now (SALE once dispositioned, else as the call left it).
  rows = await Promise.all(
    calls.reverse().map(async ({ log, cdr, listId }) => {
      const lead = (await gateway().core.getLead(log.leadId))!;
      return ['800123456', serverTime(log.startedAt, 'UTC').local, String(listId), String(cdr.durationSec), lead.status, 'AGENT', log.status ?? 'INCALL', lead.sourceId, '1000'];
    }),
  );
  today = serverTime(new Date(), 'UTC').local.slice(0, 10);
});

test.each(['6675', '6667'])('without view_reports or API access (%s): no permission', async (user) => {
  expectVicidialAnswer(await api('phone_number=800123456', user), `ERROR: phone_number_log USER DOES NOT HAVE PERMISSION TO GET CALL LOG INFO - ${user}|0\n`);
});

test('no number of 6 to 18 digits: NO VALID PHONE NUMBERS DEFINED, with the day', async () => {
  expectVicidialAnswer(await api('phone_number=312,12345'), `ERROR: phone_number_log NO VALID PHONE NUMBERS DEFINED - 6666|312,12345|${today}\n`);
  expectVicidialAnswer(await api(''), `ERROR: phone_number_log NO VALID PHONE NUMBERS DEFINED - 6666||${today}\n`);
});

test('no call to the numbers, or none of the type asked: NO RECORDS FOUND', async () => {
  expectVicidialAnswer(await api('phone_number=3125559999'), `ERROR: phone_number_log NO RECORDS FOUND - 6666|3125559999|${today}\n`);
  expectVicidialAnswer(await api('phone_number=800123456&type=IN'), `ERROR: phone_number_log NO RECORDS FOUND - 6666|800123456|${today}\n`);
});

test('the calls placed to a number, the latest first; the hang-up reason AGENT', async () => {
  expectVicidialAnswer(await api('phone_number=800123456'), `${rows.map((row) => row.join('|')).join('\n')}\n`);
  expectVicidialAnswer(await api('phone_number=800123456,3125559999,12&type=ALL'), `${rows.map((row) => row.join('|')).join('\n')}\n`);
  expect(rows.map((row) => row[6])).toEqual(['INCALL', 'SALE']);
});

test('detail=LAST: the latest call of each number', async () => {
  expectVicidialAnswer(await api('phone_number=800123456&detail=LAST'), `${rows[0]!.join('|')}\n`);
});

test.each([
  ['csv', ','],
  ['tab', '\t'],
  ['xml', '|'],
])('stage=%s with header=YES', async (stage, separator) => {
  expectVicidialAnswer(await api(`phone_number=800123456&stage=${stage}&header=YES`), `${[HEADER.split('|'), ...rows].map((row) => row.join(separator)).join('\n')}\n`);
});
