import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, listChangeTime, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent list_info: every response line and the export formats, on the
// demo list 101 of TESTCAMP (the demo leads 1-3, lead 3 no longer NEW).

const gateway = sharedGateway({ overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=list_info&${query}`);

const ROW = ['101', 'Test campaign list', 'TESTCAMP', 'Y', '', '', '2099-12-31', '0'];
const HEADER = ['list_id', 'list_name', 'campaign_id', 'active', 'list_changedate', 'list_lastcalldate', 'expiration_date', 'resets_today'];

beforeAll(async () => {
  await gateway().core.updateLead({ leadId: 3, changes: { status: 'SALE' } });
});

test.each(['6675', '6667'])('without modify_lists or API access (%s): no permission', async (user) => {
  expectVicidialAnswer(await api('list_id=101', user), `ERROR: list_info USER DOES NOT HAVE PERMISSION TO MODIFY LISTS: |${user}|0\n`);
});

test('a list_id of fewer than 2 or more than 14 digits: the required fields, list_name and campaign_id echoed', async () => {
  expectVicidialAnswer(await api('list_id=1'), 'ERROR: list_info YOU MUST USE ALL REQUIRED FIELDS: |6666|1||\n');
  expectVicidialAnswer(await api('list_id=123456789012345'), 'ERROR: list_info YOU MUST USE ALL REQUIRED FIELDS: |6666|123456789012345||\n');
  expectVicidialAnswer(await api('list_id=&list_name=My+list&campaign_id=TESTCAMP'), 'ERROR: list_info YOU MUST USE ALL REQUIRED FIELDS: |6666||My list|TESTCAMP\n');
});

test("api_list_restrict: a list outside the group's campaigns, or a group that does not exist", async () => {
  expectVicidialAnswer(await api('list_id=300', '6676'), 'ERROR: list_info NOT AN ALLOWED LIST ID - 300\n');
  expectVicidialAnswer(await api('list_id=999', '6676'), 'ERROR: list_info NOT AN ALLOWED LIST ID - 999\n');
  expectVicidialAnswer(await api('list_id=1x1', '6676'), 'ERROR: list_info NOT AN ALLOWED LIST ID - 1x1\n');
  expectVicidialAnswer(await api('list_id=101', '6677'), 'ERROR: user_group DOES NOT EXIST: |6677|NOGROUP|\n');
});

test("a list that does not exist, or one of a campaign outside the caller's group", async () => {
  expectVicidialAnswer(await api('list_id=999'), 'ERROR: list_info LIST DOES NOT EXIST: |6666|999\n');
  expectVicidialAnswer(await api('list_id=10a%2B1'), 'ERROR: list_info LIST DOES NOT EXIST: |6666|10a1\n');
  expectVicidialAnswer(await api('list_id=300', '6679'), 'ERROR: list_info LIST DOES NOT EXIST: |6679|300\n');
});

test('a list: its row, the header when asked, in each format', async () => {
  expectVicidialAnswer(await api('list_id=101'), `${ROW.join('|')}\n`);
  expectVicidialAnswer(await api('list_id=101', '6676'), `${ROW.join('|')}\n`);
  expectVicidialAnswer(await api('list_id=101&header=YES&stage=csv'), `${HEADER.join(',')}\n${ROW.join(',')}\n`);
  expectVicidialAnswer(await api('list_id=101&stage=tab'), `${ROW.join('\t')}\n`);
});

test('leads_counts=Y: all its leads and the NEW ones', async () => {
  expectVicidialAnswer(await api('list_id=101&leads_counts=Y'), `${[...ROW, '3', '2'].join('|')}\n`);
  expectVicidialAnswer(
    await api('list_id=101&leads_counts=Y&header=YES'),
    `${[...HEADER, 'all_leads_count', 'new_leads_count'].join('|')}\n${[...ROW, '3', '2'].join('|')}\n`,
  );
  expectVicidialAnswer(await api('list_id=300&leads_counts=Y'), `${['300', 'List 300', 'OTHERDNC', 'Y', '', '', '2099-12-31', '0', '0', '0'].join('|')}\n`);
});

test('expiration_date: the one add_list or update_list kept; the other settings kept too; list_changedate the time of the update', async () => {
  const updateList = (query: string) => nonAgentGet(gateway(), `source=test&user=6666&pass=1234&function=update_list&list_id=300&${query}`);
  const before = Date.now();
  expectVicidialAnswer(await updateList('expiration_date=2031-05-06'), 'SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|300\n');
  expectVicidialAnswer(await api('list_id=300'), `${['300', 'List 300', 'OTHERDNC', 'Y', await listChangeTime(gateway(), 300, before), '', '2031-05-06', '0'].join('|')}\n`);
  expect((await gateway().core.getLeadList(300))?.settings).toEqual({ expiration_date: '2031-05-06' });
  // Other settings leave it as it is.
  expectVicidialAnswer(await updateList('list_description=Spring+leads&outbound_cid=3125550000'), 'SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|300\n');
  expect((await gateway().core.getLeadList(300))?.settings).toEqual({ expiration_date: '2031-05-06', list_description: 'Spring leads', outbound_cid: '3125550000' });
  // A date of fewer than 10 characters (--BLANK-- too) is no update, as VICIdial reads it; other settings empty with --BLANK--.
  expectVicidialAnswer(await updateList('expiration_date=--BLANK--'), 'NOTICE: update_list NO UPDATES DEFINED: |6666|\n');
  expectVicidialAnswer(await updateList('list_description=--BLANK--'), 'SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|300\n');
  expect((await gateway().core.getLeadList(300))?.settings).toEqual({ expiration_date: '2031-05-06', list_description: '', outbound_cid: '3125550000' });
  const added = nonAgentGet(gateway(), 'source=test&user=6666&pass=1234&function=add_list&list_id=3301&list_name=Expiring+list&campaign_id=OTHERDNC&active=Y&expiration_date=2030-12-31');
  expectVicidialAnswer(await added, 'SUCCESS: add_list LIST HAS BEEN ADDED - 6666|3301|Expiring list|OTHERDNC\n');
  expectVicidialAnswer(await api('list_id=3301'), `${['3301', 'Expiring list', 'OTHERDNC', 'Y', '', '', '2030-12-31', '0'].join('|')}\n`);
});
