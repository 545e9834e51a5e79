import type { LeadCall } from '@pbx-gateway/core';
import { clearOfDayEnd, DAY_END_WAIT_TIMEOUT_MS } from '@pbx-gateway/test-support';
import { serverTime } from '../src/wire/server-time';
import { clearScreen, leadOnScreen } from './support/lead-on-screen';
import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { AUTH, agentGet, expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent call_dispo_report: every response line, on four calls agent
// 1000 placed in TESTCAMP today: given SALE, N, SALE, and one left
// undispositioned (INCALL).

const gateway = sharedGateway({ agentInConference: '1000', overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=call_dispo_report&${query}`);

let calls: LeadCall[];
let today: string;

// Clear of midnight: the report counts the calls of the day they were placed.
beforeAll(() => clearOfDayEnd(), DAY_END_WAIT_TIMEOUT_MS);

beforeAll(async () => {
  calls = [];
  for (const status of ['SALE', 'N', 'SALE', null]) {
    const { callId } = await leadOnScreen(gateway());
    if (status) expect((await agentGet(gateway(), `${AUTH}&function=external_status&value=${status}&agent_user=1000`)).text).toMatch(/^SUCCESS/);
    const log = await gateway().waitFor(async () => ((await gateway().core.getLeadCall(callId))?.status ?? null) === status && gateway().core.getLeadCall(callId), 5000, 'the log entry');
    expect(log!.campaignId).toBe('TESTCAMP');
    calls.push(log!);
    await clearScreen(gateway());
  }
  today = serverTime(new Date(), 'UTC').local.slice(0, 10);
});

test.each(['6675', '6667', '6678'])('without view_reports, API access or level 9 (%s): no permission', async (user) => {
  expectVicidialAnswer(await api('campaigns=TESTCAMP', user), 'ERROR: call_dispo_report USER DOES NOT HAVE PERMISSION TO VIEW STATS\n');
});

test('no campaign, or none that exists or that the group allows: INVALID OR MISSING CAMPAIGNS, INGROUPS, OR DIDS', async () => {
  for (const query of ['', 'campaigns=NOSUCH', 'campaigns=---', 'ingroups=T', 'did_patterns=3125559999', 'did_ids=99999']) {
    expectVicidialAnswer(await api(query), 'ERROR: call_dispo_report INVALID OR MISSING CAMPAIGNS, INGROUPS, OR DIDS\n');
  }
  // 6676 is of group AGENTS (campaign TESTCAMP only).
  expectVicidialAnswer(await api('campaigns=AUTOCAMP', '6676'), 'ERROR: call_dispo_report INVALID OR MISSING CAMPAIGNS, INGROUPS, OR DIDS\n');
});

test('an in-group asked alone reports its calls (none here: the calls were placed)', async () => {
  expectVicidialAnswer(await api('ingroups=TEST_IN2'), 'CAMPAIGN,TOTAL CALLS\nTEST_IN2,0\nTOTAL,0\n');
  expectVicidialAnswer(await api('campaigns=TESTCAMP&ingroups=TEST_IN2'), 'CAMPAIGN,TOTAL CALLS\nTESTCAMP,4\nTEST_IN2,0\nTOTAL,4\n');
});

test('the calls of each campaign asked, then their total', async () => {
  expectVicidialAnswer(await api('campaigns=TESTCAMP'), 'CAMPAIGN,TOTAL CALLS\nTESTCAMP,4\nTOTAL,4\n');
  expectVicidialAnswer(await api(`campaigns=AUTOCAMP-TESTCAMP&query_date=${today}&end_date=${today}`), 'CAMPAIGN,TOTAL CALLS\nAUTOCAMP,0\nTESTCAMP,4\nTOTAL,4\n');
});

test('status_breakdown=1: a column per status, in the order first given', async () => {
  expect(calls.map((call) => call.status)).toEqual(['SALE', 'N', 'SALE', null]);
  expectVicidialAnswer(await api('campaigns=TESTCAMP-AUTOCAMP&status_breakdown=1'), 'CAMPAIGN,TOTAL CALLS,SALE,N,INCALL\nTESTCAMP,4,2,1,1\nAUTOCAMP,0,0,0,0\nTOTAL,4,2,1,1\n');
});

test('show_percentages=1: each count with its share of the line, one decimal', async () => {
  expectVicidialAnswer(
    await api('campaigns=TESTCAMP-AUTOCAMP&status_breakdown=1&show_percentages=1'),
    'CAMPAIGN,TOTAL CALLS,SALE,N,INCALL\nTESTCAMP,4,2 (50.0%),1 (25.0%),1 (25.0%)\nAUTOCAMP,0,0 (0.0%),0 (0.0%),0 (0.0%)\nTOTAL,4,2 (50.0%),1 (25.0%),1 (25.0%)\n',
  );
  // Without the breakdown there is nothing to show a share of.
  expectVicidialAnswer(await api('campaigns=TESTCAMP&show_percentages=1'), 'CAMPAIGN,TOTAL CALLS\nTESTCAMP,4\nTOTAL,4\n');
});

test('statuses and users: only those calls', async () => {
  expectVicidialAnswer(await api('campaigns=TESTCAMP&statuses=N-INCALL&status_breakdown=1'), 'CAMPAIGN,TOTAL CALLS,N,INCALL\nTESTCAMP,2,1,1\nTOTAL,2,1,1\n');
  expectVicidialAnswer(await api('campaigns=TESTCAMP&users=1000'), 'CAMPAIGN,TOTAL CALLS\nTESTCAMP,4\nTOTAL,4\n');
  expectVicidialAnswer(await api('campaigns=TESTCAMP&users=1006-1007&status_breakdown=1'), 'CAMPAIGN,TOTAL CALLS\nTESTCAMP,0\nTOTAL,0\n');
});

test('days without calls, or a date naming no day: zero calls', async () => {
  for (const query of ['query_date=2001-01-01&end_date=2001-01-31', 'query_date=2001-13-45', `query_date=${today}&end_date=2001-01-01`]) {
    expectVicidialAnswer(await api(`campaigns=TESTCAMP&${query}`), 'CAMPAIGN,TOTAL CALLS\nTESTCAMP,0\nTOTAL,0\n');
  }
});
