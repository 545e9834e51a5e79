import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent add_list: every response line, and the list it adds in Postgres
// (read back with list_info).

const gateway = sharedGateway({ overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=add_list&${query}`);

const REQUIRED = 'list_id=1101&list_name=Test+API+list&campaign_id=TESTCAMP';

test.each(['6675', '6667'])('without modify_lists or API access (%s): no permission', async (user) => {
  expectVicidialAnswer(await api(REQUIRED, user), `ERROR: add_list USER DOES NOT HAVE PERMISSION TO ADD LISTS: |${user}|0\n`);
});

test.each([
  ['list_id=1&list_name=Test+API+list&campaign_id=TESTCAMP', '1|Test API list|TESTCAMP'],
  ['list_id=123456789012345&list_name=Test+API+list&campaign_id=TESTCAMP', '123456789012345|Test API list|TESTCAMP'],
  ['list_id=1101&list_name=x&campaign_id=TESTCAMP', '1101|x|TESTCAMP'],
  ['list_id=1101&list_name=&campaign_id=TESTCAMP', '1101||TESTCAMP'],
  [`list_id=1101&list_name=${'x'.repeat(31)}&campaign_id=TESTCAMP`, `1101|${'x'.repeat(31)}|TESTCAMP`],
  ['list_id=1101&list_name=Test+API+list&campaign_id=', '1101|Test API list|'],
  ['list_id=1101&list_name=Test+API+list&campaign_id=TESTCAMP9', '1101|Test API list|TESTCAMP9'],
])('a required field missing or out of bounds (%s)', async (query, echo) => {
  expectVicidialAnswer(await api(query), `ERROR: add_list YOU MUST USE ALL REQUIRED FIELDS: |6666|${echo}\n`);
});

test("a campaign that does not exist, or one outside the caller's group", async () => {
  expectVicidialAnswer(await api('list_id=1101&list_name=Test+API+list&campaign_id=TESTCIMP'), 'ERROR: add_list CAMPAIGN DOES NOT EXIST: |6666|TESTCIMP\n');
  expectVicidialAnswer(await api('list_id=1101&list_name=Test+API+list&campaign_id=AUTOCAMP', '6679'), 'ERROR: add_list CAMPAIGN DOES NOT EXIST: |6679|AUTOCAMP\n');
});

test('a list id in use: LIST ALREADY EXISTS', async () => {
  expectVicidialAnswer(await api('list_id=101&list_name=Test+API+list&campaign_id=TESTCAMP'), 'ERROR: add_list LIST ALREADY EXISTS: |6666|101\n');
});

test.each([
  ['script=DEMOSCRIPT', 'SCRIPT DOES NOT EXIST', 'DEMOSCRIPT'],
  ['drop_inbound_group=TEST_IN8', 'IN-GROUP DOES NOT EXIST', 'TEST_IN8'],
  ['reset_time=012', 'RESET TIME IS NOT VALID', '012'],
  ['custom_fields_copy=999', 'CUSTOM FIELDS LIST ID TO COPY FROM DOES NOT EXIST', '1101|999|0'],
  ['custom_fields_copy=101', 'CUSTOM FIELDS LIST ID TO COPY FROM HAS NO CUSTOM FIELDS', '1101|101|0'],
  ['tz_method=AREA', 'TIME ZONE METHOD IS NOT VALID', 'AREA'],
  ['local_call_time=8am-10pm', 'LOCAL CALL TIME DOES NOT EXIST', '8am-10pm'],
  [`xferconf_one=${'1'.repeat(51)}`, 'TRANSFER CONF OVERRIDE ONE IS NOT VALID', '1'.repeat(51)],
  [`xferconf_five=${'5'.repeat(51)}`, 'TRANSFER CONF OVERRIDE FIVE IS NOT VALID', '5'.repeat(51)],
])('an optional field it cannot take (%s): its line, nothing added', async (query, reason, data) => {
  expectVicidialAnswer(await api(`${REQUIRED}&${query}`), `ERROR: add_list ${reason}, THIS IS AN OPTIONAL FIELD: |6666|${data}\n`);
  expect(await gateway().core.getLeadList(1101)).toBeNull();
});

test('added: inactive by default, active with active=Y, the optional fields it can take accepted', async () => {
  expectVicidialAnswer(await api(`${REQUIRED}&drop_inbound_group=TEST_IN&local_call_time=campaign&tz_method=POSTAL_CODE&reset_time=0900`), 'SUCCESS: add_list LIST HAS BEEN ADDED - 6666|1101|Test API list|TESTCAMP\n');
  // The settings given are kept by VICIdial's names.
  expect(await gateway().core.getLeadList(1101)).toEqual({
    id: 1101,
    name: 'Test API list',
    campaignId: 'TESTCAMP',
    active: false,
    settings: { drop_inbound_group: 'TEST_IN', local_call_time: 'campaign', tz_method: 'POSTAL_CODE', reset_time: '0900' },
  });
  expectVicidialAnswer(await api('list_id=1102&list_name=Second+API+list&campaign_id=TESTCAMP&active=Y'), 'SUCCESS: add_list LIST HAS BEEN ADDED - 6666|1102|Second API list|TESTCAMP\n');
  expect(await gateway().core.getLeadList(1102)).toEqual({ id: 1102, name: 'Second API list', campaignId: 'TESTCAMP', active: true, settings: {} });
  expectVicidialAnswer(await api(REQUIRED), 'ERROR: add_list LIST ALREADY EXISTS: |6666|1101\n');
  // A name of 2 bytes is enough (fewer than 6 were refused before 2.14-194); an installed call time is one that exists.
  expectVicidialAnswer(await api('list_id=1103&list_name=Q4&campaign_id=TESTCAMP&local_call_time=9am-9pm'), 'SUCCESS: add_list LIST HAS BEEN ADDED - 6666|1103|Q4|TESTCAMP\n');
  expect(await gateway().core.getLeadList(1103)).toEqual({ id: 1103, name: 'Q4', campaignId: 'TESTCAMP', active: false, settings: { local_call_time: '9am-9pm' } });
  expectVicidialAnswer(
    await nonAgentGet(gateway(), 'source=test&user=6666&pass=1234&function=list_info&list_id=1102&leads_counts=Y'),
    '1102|Second API list|TESTCAMP|Y|||2099-12-31|0|0|0\n',
  );
});
