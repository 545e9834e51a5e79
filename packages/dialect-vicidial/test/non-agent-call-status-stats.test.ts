import type { LeadCall } from '@pbx-gateway/core';
import { clearOfDayEnd, DAY_END_WAIT_TIMEOUT_MS } from '@pbx-gateway/test-support';
import { serverTime } from '../src/wire/server-time';
import { clearScreen, leadOnScreen } from './support/lead-on-screen';
import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { AUTH, agentGet, expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent call_status_stats: every response line, on three calls agent
// 1000 placed in TESTCAMP today: one given SALE (a person answered), one
// given N (no answer), one left undispositioned (INCALL, a person answered).

const REPORTS_LEVEL_7 = { realm: 'vicidial', login: '6680', secret: '1234', attributes: { user_level: '7', user_group: 'ADMIN', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1', view_reports: '1' } };

const gateway = sharedGateway({
  agentInConference: '1000',
  overrides: { extraProvisioning: { ...NON_AGENT_PROVISIONING, apiUsers: [...(NON_AGENT_PROVISIONING.apiUsers ?? []), REPORTS_LEVEL_7] } },
});

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=call_status_stats&${query}`);

/** The 24 hours of the day, each with its count of the calls given. */
const hourly = (calls: readonly LeadCall[]): string =>
  Array.from({ length: 24 }, (_, hour) => {
    const count = calls.filter((call) => Number(serverTime(call.startedAt, 'UTC').local.slice(11, 13)) === hour).length;
    return `${String(hour).padStart(2, '0')}-${count}`;
  }).join(',');

const ZERO_HOURS = hourly([]);

let calls: LeadCall[];
let today: string;

// Clear of midnight: the report counts the calls of the day they were placed.
beforeAll(() => clearOfDayEnd(), DAY_END_WAIT_TIMEOUT_MS);

beforeAll(async () => {
  calls = [];
  for (const status of ['SALE', 'N', null]) {
    const { callId } = await leadOnScreen(gateway());
    if (status) expect((await agentGet(gateway(), `${AUTH}&function=external_status&value=${status}&agent_user=1000`)).text).toMatch(/^SUCCESS/);
    await gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? false, 5000, 'the CDR');
    const log = await gateway().waitFor(async () => ((await gateway().core.getLeadCall(callId))?.status ?? null) === status && gateway().core.getLeadCall(callId), 5000, 'the log entry');
    expect(log!.campaignId).toBe('TESTCAMP');
    calls.push(log!);
    await clearScreen(gateway());
  }
  today = serverTime(new Date(), 'UTC').local.slice(0, 10);
});

test.each(['6675', '6667', '6680'])('without view_reports, API access or level 8 (%s): no permission', async (user) => {
  expectVicidialAnswer(await api('campaigns=TESTCAMP', user), 'ERROR: call_status_stats USER DOES NOT HAVE PERMISSION TO VIEW STATS\n');
});

test('no campaign, or none that exists: INVALID OR MISSING CAMPAIGNS', async () => {
  for (const query of ['', 'campaigns=', 'campaigns=NOSUCH', 'campaigns=NOSUCH-OTHER', 'campaigns=---']) {
    expectVicidialAnswer(await api(query), 'ERROR: call_status_stats INVALID OR MISSING CAMPAIGNS\n');
  }
});

test('a restricted group reports only on its campaigns', async () => {
  // 6676 is of group AGENTS (campaign TESTCAMP only).
  expectVicidialAnswer(await api('campaigns=AUTOCAMP', '6676'), 'ERROR: call_status_stats INVALID OR MISSING CAMPAIGNS\n');
});

test("a campaign's calls of today: totals, hours and statuses in alphabetical order", async () => {
  const line = `TESTCAMP|3|2|${hourly(calls)}|INCALL-1,N-1,SALE-1|`;
  expectVicidialAnswer(await api('campaigns=TESTCAMP'), `${line}\n`);
  expectVicidialAnswer(await api(`campaigns=TESTCAMP&query_date=${today}`), `${line}\n`);
  // Level 8 with view_reports is enough.
  expectVicidialAnswer(await api('campaigns=TESTCAMP', '6678'), `${line}\n`);
});

test('several campaigns, in the order asked; one without calls has zero counts and no statuses', async () => {
  expectVicidialAnswer(
    await api('campaigns=AUTOCAMP-TESTCAMP-NOSUCH'),
    `AUTOCAMP|0|0|${ZERO_HOURS}||\nTESTCAMP|3|2|${hourly(calls)}|INCALL-1,N-1,SALE-1|\n`,
  );
});

test('---ALL--- and ALLCAMPAIGNS: every campaign, by id', async () => {
  const ids = (await gateway().core.listCampaigns()).map((campaign) => campaign.id).sort();
  expect(ids).toContain('TESTCAMP');
  const expected = `${ids.map((id) => (id === 'TESTCAMP' ? `TESTCAMP|3|2|${hourly(calls)}|INCALL-1,N-1,SALE-1|` : `${id}|0|0|${ZERO_HOURS}||`)).join('\n')}\n`;
  expectVicidialAnswer(await api('campaigns=---ALL---'), expected);
  expectVicidialAnswer(await api('campaigns=ALLCAMPAIGNS'), expected);
});

test('statuses: only the calls given those statuses', async () => {
  const [sale, no] = calls;
  expectVicidialAnswer(await api('campaigns=TESTCAMP&statuses=SALE-N'), `TESTCAMP|2|1|${hourly([sale!, no!])}|N-1,SALE-1|\n`);
  expectVicidialAnswer(await api('campaigns=TESTCAMP&statuses=XFER'), `TESTCAMP|0|0|${ZERO_HOURS}||\n`);
});

test('another day, or a date naming no day: no calls', async () => {
  for (const date of ['2001-01-01', '2001-13-45']) {
    expectVicidialAnswer(await api(`campaigns=TESTCAMP&query_date=${date}`), `TESTCAMP|0|0|${ZERO_HOURS}||\n`);
  }
});
