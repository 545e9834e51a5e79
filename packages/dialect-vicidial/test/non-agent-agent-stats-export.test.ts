import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { agentGet, expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent agent_stats_export: every response line and export format, from
// the agents' state span log (spans written straight into it for exact
// times; one test drives the log through the agent API).

const gateway = sharedGateway({ overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&function=agent_stats_export&user=${user}&pass=1234&${query}`);

const DAY = 'datetime_start=2024-03-05+00:00:00&datetime_end=2024-03-05+23:59:59';

/** A span of 2024-03-05 (the server's time zone is UTC), `[agent, session, campaign, state, start, end, call]`. */
type Span = [string, string, string, string, string, string, string | null];
const SPANS: Span[] = [
  ['1006', 'S1', 'TESTCAMP', 'paused', '09:00:00', '09:00:54', null],
  ['1006', 'S1', 'TESTCAMP', 'ready', '09:00:54', '09:01:26', null],
  ['1006', 'S1', 'TESTCAMP', 'in_call', '09:01:26', '09:01:42', 'c1'],
  ['1006', 'S1', 'TESTCAMP', 'wrap_up', '09:01:42', '09:01:52', null],
  ['1006', 'S1', 'TESTCAMP', 'paused', '09:01:52', '09:02:00', null],
  ['1007', 'S2', 'TESTCAMP', 'ready', '10:00:00', '10:00:30', null],
  ['1007', 'S2', 'TESTCAMP', 'in_call', '10:00:30', '10:01:30', 'c2'],
  ['1007', 'S2', 'TESTCAMP', 'in_call', '10:01:30', '10:03:00', 'c3'],
  ['1007', 'S2', 'TESTCAMP', 'wrap_up', '10:03:00', '10:03:20', null],
  ['1007', 'S3', 'SECOND', 'paused', '11:00:00', '11:10:00', null],
  ['1007', 'S3', 'SECOND', 'ready', '11:10:00', '11:10:05', null],
  ['1000', 'S4', 'TESTCAMP', 'ready', '12:00:00', '12:00:10', null],
];

beforeAll(async () => {
  for (const [agent, session, campaign, state, start, end, call] of [...SPANS, ['1006', 'S5', 'TESTCAMP', 'ready', '2024-03-06 08:00:00', '2024-03-06 08:01:00', null] as Span]) {
    const time = (clock: string) => (clock.includes(' ') ? `${clock}+00` : `2024-03-05 ${clock}+00`);
    await gateway().query(
      'INSERT INTO agent_state_spans (agent_id, session_id, campaign_id, state, call_id, started_at, ended_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [agent, session, campaign, state, call, time(start), time(end)],
    );
  }
});

const AGENT_1000 = '1000|Demo Agent||0|0:00:10|0:00:00|0:00:00|0:00:00|0%|0|1|0:00:10|0|0:00:00|0%|0|0:00:10|0:00:00|0:00:00|0:00:00';
const AGENT_1006 = '1006|Agent Six|AGENTS|1|0:02:00|0:00:16|0:00:16|0:00:32|33.3%|62|1|0:02:00|2|0:00:31|51.7%|2|0:00:32|0:00:16|0:00:10|0:00:00';
const AGENT_1007 = '1007|Agent Seven|AGENTS|2|0:13:25|0:02:30|0:01:15|0:00:18|66.7%|600|2|0:06:43|1|0:10:00|74.5%|1|0:00:35|0:02:30|0:00:20|0:00:00';

test('without view_reports: no permission', async () => {
  expectVicidialAnswer(await api(DAY, '6675'), 'ERROR: agent_stats_export USER DOES NOT HAVE PERMISSION TO GET AGENT INFO - 6675|0\n');
});

test('no period, or one that ends before it starts: invalid search parameters', async () => {
  expectVicidialAnswer(await api(''), 'ERROR: agent_stats_export INVALID SEARCH PARAMETERS - 6666||||\n');
  expectVicidialAnswer(
    await api('agent_user=1006&datetime_start=2024-03-05+10:00:00&datetime_end=2024-03-05+09:00:00'),
    'ERROR: agent_stats_export INVALID SEARCH PARAMETERS - 6666|1006|2024-03-05 10:00:00|2024-03-05 09:00:00|\n',
  );
  expectVicidialAnswer(await api('datetime_start=2024-13-05+10:00:00&datetime_end=2024-03-05+11:00:00'), 'ERROR: agent_stats_export INVALID SEARCH PARAMETERS - 6666||2024-13-05 10:00:00|2024-03-05 11:00:00|\n');
});

test('a period without activity: no records found', async () => {
  expectVicidialAnswer(
    await api('datetime_start=2023-01-01+00:00:00&datetime_end=2023-01-01+23:59:59'),
    'ERROR: agent_stats_export NO RECORDS FOUND - 6666||2023-01-01 00:00:00|2023-01-01 23:59:59|\n',
  );
  expectVicidialAnswer(await api(`${DAY}&agent_user=1008`), 'ERROR: agent_stats_export NO RECORDS FOUND - 6666|1008|2024-03-05 00:00:00|2024-03-05 23:59:59|\n');
});

test('every agent of the day, by id: pipe-separated, times as hours (HF)', async () => {
  expectVicidialAnswer(await api(DAY), `${AGENT_1000}\n${AGENT_1006}\n${AGENT_1007}\n`);
});

test('header=YES names the columns; csv and tab separate with , and a tab', async () => {
  const header = 'user|full_name|user_group|calls|login_time|total_talk_time|avg_talk_time|avg_wait_time|pct_of_queue|pause_time|sessions|avg_session|pauses|avg_pause_time|pause_pct|pauses_per_session|wait_time|talk_time|dispo_time|dead_time';
  expectVicidialAnswer(await api(`${DAY}&header=YES`), `${header}\n${AGENT_1000}\n${AGENT_1006}\n${AGENT_1007}\n`);
  // One agent asked: its calls are all the calls.
  const alone = AGENT_1006.replace('33.3%', '100%');
  expectVicidialAnswer(await api(`${DAY}&agent_user=1006&stage=csv&header=YES`), `${header.replace(/\|/g, ',')}\n${alone.replace(/\|/g, ',')}\n`);
  expectVicidialAnswer(await api(`${DAY}&agent_user=1006&stage=tab`), `${alone.replace(/\|/g, '\t')}\n`);
});

test('one agent: its share of the calls is of its own calls', async () => {
  expectVicidialAnswer(await api(`${DAY}&agent_user=1007`), `${AGENT_1007.replace('66.7%', '100%')}\n`);
});

test('time_format M, S and H', async () => {
  expectVicidialAnswer(await api(`${DAY}&agent_user=1007&time_format=M`), '1007|Agent Seven|AGENTS|2|13:25|2:30|1:15|0:18|100%|600|2|6:43|1|10:00|74.5%|1|0:35|2:30|0:20|0:00\n');
  expectVicidialAnswer(await api(`${DAY}&agent_user=1007&time_format=S`), '1007|Agent Seven|AGENTS|2|805|150|75|18|100%|600|2|403|1|600|74.5%|1|35|150|20|0\n');
  expectVicidialAnswer(await api(`${DAY}&agent_user=1000&time_format=H`), '1000|Demo Agent||0|0:00:10|0:00:00|0:00:00|0:00:00|0%|0|1|0:00:10|0|0:00:00|0%|0|0:00:10|0:00:00|0:00:00|0:00:00\n');
});

test('group_by_campaign=YES: a line per campaign of each agent, the campaign first', async () => {
  expectVicidialAnswer(
    await api(`${DAY}&agent_user=1007&group_by_campaign=YES&header=YES`),
    [
      'campaign_id|user|full_name|user_group|calls|login_time|total_talk_time|avg_talk_time|avg_wait_time|pct_of_queue|pause_time|sessions|avg_session|pauses|avg_pause_time|pause_pct|pauses_per_session|wait_time|talk_time|dispo_time|dead_time',
      'SECOND|1007|Agent Seven|AGENTS|0|0:10:05|0:00:00|0:00:00|0:00:00|0%|600|1|0:10:05|1|0:10:00|99.2%|1|0:00:05|0:00:00|0:00:00|0:00:00',
      'TESTCAMP|1007|Agent Seven|AGENTS|2|0:03:20|0:02:30|0:01:15|0:00:15|100%|0|1|0:03:20|0|0:00:00|0%|0|0:00:30|0:02:30|0:00:20|0:00:00',
      '',
    ].join('\n'),
  );
});

test('campaign_id: the activity in that campaign only', async () => {
  expectVicidialAnswer(await api(`${DAY}&campaign_id=SECOND`), '1007|Agent Seven|AGENTS|0|0:10:05|0:00:00|0:00:00|0:00:00|0%|600|1|0:10:05|1|0:10:00|99.2%|1|0:00:05|0:00:00|0:00:00|0:00:00\n');
});

test('the spans that started in the period count, whole', async () => {
  expectVicidialAnswer(
    await api('agent_user=1006&datetime_start=2024-03-05+09:01:00&datetime_end=2024-03-05+09:01:52'),
    '1006|Agent Six|AGENTS|1|0:00:34|0:00:16|0:00:16|0:00:00|100%|8|1|0:00:34|1|0:00:08|23.5%|1|0:00:00|0:00:16|0:00:10|0:00:00\n',
  );
});

test("agents of groups the caller's group may not see are left out", async () => {
  expectVicidialAnswer(await api(DAY, '6676'), `${AGENT_1006}\n${AGENT_1007}\n`);
  expectVicidialAnswer(await api(`${DAY}&agent_user=1000`, '6676'), 'ERROR: agent_stats_export NO RECORDS FOUND - 6676|1000|2024-03-05 00:00:00|2024-03-05 23:59:59|\n');
});

test("an agent's pause and resume through the agent API are logged as spans and counted", async () => {
  const before = new Date(Date.now() - 3_600_000);
  expect((await agentGet(gateway(), 'source=test&user=6666&pass=1234&function=external_pause&value=PAUSE&agent_user=1006')).text).toMatch(/^SUCCESS: external_pause/);
  await gateway().waitFor(async () => (await gateway().query("SELECT 1 FROM agent_state_spans WHERE agent_id = '1006' AND state = 'paused' AND ended_at IS NULL")).length === 1);
  expect((await agentGet(gateway(), 'source=test&user=6666&pass=1234&function=external_pause&value=RESUME&agent_user=1006')).text).toMatch(/^SUCCESS: external_pause/);
  await gateway().waitFor(async () => (await gateway().query("SELECT 1 FROM agent_state_spans WHERE agent_id = '1006' AND state = 'ready' AND ended_at IS NULL AND started_at > now() - interval '1 hour'")).length === 1);
  const spans = await gateway().query<{ state: string; ended: boolean }>(
    "SELECT state, ended_at IS NOT NULL AS ended FROM agent_state_spans WHERE agent_id = '1006' AND started_at > $1 ORDER BY started_at, id",
    [before],
  );
  expect(spans).toEqual([
    { state: 'ready', ended: true },
    { state: 'paused', ended: true },
    { state: 'ready', ended: false },
  ]);
  const text = (date: Date) => date.toISOString().slice(0, 19).replace('T', '+');
  const answer = await api(`agent_user=1006&datetime_start=${text(before)}&datetime_end=${text(new Date(Date.now() + 3_600_000))}`);
  expect(answer.text).toMatch(/^1006\|Agent Six\|AGENTS\|0\|\d+:\d\d:\d\d\|0:00:00\|0:00:00\|0:00:00\|0%\|\d+\|1\|\d+:\d\d:\d\d\|1\|\d+:\d\d:\d\d\|[\d.]+%\|1\|\d+:\d\d:\d\d\|0:00:00\|0:00:00\|0:00:00\n$/);
});
