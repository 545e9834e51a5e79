import { serverTime } from '../src/wire/server-time';
import { clearScreen, leadOnScreen } from './support/lead-on-screen';
import { CUSTOM_FIELDS_PROVISIONING } from './support/custom-fields-provisioning';
import { AUTH, agentGet, expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent lead_status_search: every response line, on a lead agent 1000
// called and gave SALE (the dialer's call log in Postgres); lists with
// fields of their own for custom_fields=Y.

const gateway = sharedGateway({ agentInConference: '1000', overrides: { extraProvisioning: CUSTOM_FIELDS_PROVISIONING } });

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=lead_status_search&${query}`);

const NAMES = [
  'lead_id', 'status', 'user', 'vendor_lead_code', 'source_id', 'list_id', 'gmt_offset_now', 'phone_code', 'phone_number', 'title', 'first_name',
  'middle_initial', 'last_name', 'address1', 'address2', 'address3', 'city', 'state', 'province', 'postal_code', 'country_code', 'gender',
  'date_of_birth', 'alt_phone', 'email', 'security_phrase', 'comments', 'called_count', 'last_local_call_time', 'rank', 'owner', 'entry_list_id',
];

let leadId: number;
let day: string;

beforeAll(async () => {
  const called = await leadOnScreen(gateway());
  leadId = called.leadId;
  expect((await agentGet(gateway(), `${AUTH}&function=external_status&value=SALE&agent_user=1000`)).text).toMatch(/^SUCCESS/);
  const log = await gateway().waitFor(async () => ((await gateway().core.getLeadCall(called.callId))?.status === 'SALE' ? gateway().core.getLeadCall(called.callId) : false), 5000, 'the disposition');
  day = serverTime(log!.startedAt, 'UTC').local.slice(0, 10);
  await clearScreen(gateway());
});

/** The record's `name => value` lines, as pairs. */
const pairsOf = (text: string): Array<[string, string]> =>
  text
    .replace(/\n$/, '')
    .split('\n')
    .slice(1)
    .map((line) => line.split(' => ') as [string, string]);

test.each(['6675', '6667'])('without modify_leads 1-4 or API access (%s): no permission', async (user) => {
  expectVicidialAnswer(await api(`lead_id=${leadId}`, user), `ERROR: lead_status_search USER DOES NOT HAVE PERMISSION TO GET LEAD INFO: |${user}|0|\n`);
});

test('neither a lead nor a status with a date of 10 characters: INVALID SEARCH PARAMETERS', async () => {
  expectVicidialAnswer(await api(''), 'ERROR: lead_status_search INVALID SEARCH PARAMETERS: 6666|||\n');
  expectVicidialAnswer(await api('status=SALE&date=2024-1-01'), 'ERROR: lead_status_search INVALID SEARCH PARAMETERS: 6666|SALE|2024-1-01|\n');
  expectVicidialAnswer(await api(`date=${day}`), `ERROR: lead_status_search INVALID SEARCH PARAMETERS: 6666||${day}|\n`);
});

test('by status and day: one record of every field of the lead', async () => {
  const response = await api(`status=SALE&date=${day}`);
  expectVicidialAnswer(response, response.text);
  expect(response.text.split('\n')[0]).toBe(';---------- START OF RECORD 1 ----------');
  const pairs = pairsOf(response.text);
  expect(pairs.map(([name]) => name)).toEqual(NAMES);
  const lead = (await gateway().core.getLead(leadId))!;
  expect(Object.fromEntries(pairs)).toMatchObject({ lead_id: String(leadId), status: 'SALE', phone_number: '800123456', list_id: String(lead.listId), called_count: String(lead.calledCount), entry_list_id: String(lead.entryListId) });
  expect(response.text.endsWith(`entry_list_id => ${lead.entryListId}\n`)).toBe(true);
});

test('by lead (a status without a date of 10 characters is not used)', async () => {
  const response = await api(`lead_id=${leadId}&status=SALE`);
  expect(response.text.startsWith(`;---------- START OF RECORD 1 ----------\nlead_id => ${leadId}\nstatus => SALE\n`)).toBe(true);
});

test('nothing logged: NO RESULTS FOUND, the date never echoed (as VICIdial)', async () => {
  expectVicidialAnswer(await api(`status=NI&date=${day}`), 'ERROR: lead_status_search NO RESULTS FOUND: 6666||NI|\n');
  expectVicidialAnswer(await api('status=SALE&date=2001-01-01'), 'ERROR: lead_status_search NO RESULTS FOUND: 6666||SALE|\n');
  expectVicidialAnswer(await api('status=SALE&date=2024-99-99&lead_id=1'), 'ERROR: lead_status_search NO RESULTS FOUND: 6666|1|SALE|\n');
  expectVicidialAnswer(await api('lead_id=99999999'), 'ERROR: lead_status_search NO RESULTS FOUND: 6666|99999999||\n');
});

test("a restricted caller whose group allows the call's campaign sees it", async () => {
  expect((await api(`status=SALE&date=${day}`, '6676')).text).toMatch(new RegExp(`^;---------- START OF RECORD 1 ----------\\nlead_id => ${leadId}\\n`));
});

test("custom_fields=Y: the lead's values in its entry list's own fields follow its own; list_id reads another list", async () => {
  const plain = (await api(`lead_id=${leadId}`)).text;
  expectVicidialAnswer(await api(`lead_id=${leadId}&custom_fields=Y`), plain);
  await gateway().core.setLeadCustomValues({ leadId, listId: 101, values: { favorite_color: 'teal', notes: 'call at 5' } });
  const lead = (await gateway().core.getLead(leadId))!;
  const now = (await api(`lead_id=${leadId}`)).text;
  expect(lead.entryListId).toBe(101);
  expectVicidialAnswer(await api(`lead_id=${leadId}&custom_fields=Y`), `${now}favorite_color => teal\nnotes => call at 5\nbest_time => \n`);
  expectVicidialAnswer(await api(`lead_id=${leadId}&custom_fields=Y&list_id=102`), now);
});

test('archived_lead=Y: the archived leads of the calls found; once the lead is archived only archived_lead=Y prints it, its own fields still read', async () => {
  expectVicidialAnswer(await api(`lead_id=${leadId}&archived_lead=Y`), `ERROR: lead_status_search NO RESULTS FOUND: 6666|${leadId}||\n`);
  const active = (await api(`status=SALE&date=${day}&custom_fields=Y`)).text;
  expect(await gateway().core.archiveLead(leadId)).toMatchObject({ lead: { id: leadId } });
  expectVicidialAnswer(await api(`status=SALE&date=${day}`), 'ERROR: lead_status_search NO RESULTS FOUND: 6666||SALE|\n');
  expectVicidialAnswer(await api(`status=SALE&date=${day}&custom_fields=Y&archived_lead=Y`), active);
  expect((await api(`lead_id=${leadId}&archived_lead=Y`, '6676')).text).toMatch(new RegExp(`^;---------- START OF RECORD 1 ----------\\nlead_id => ${leadId}\\nstatus => SALE\\n`));
});
