import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent add_dnc_phone and delete_dnc_phone: every response line, and the
// lists as add_lead's DNC checks then see them.

const gateway = sharedGateway({ overrides: { extraProvisioning: NON_AGENT_PROVISIONING } });

const api = (fn: string, query: string, user = '6666') => nonAgentGet(gateway(), `source=test&function=${fn}&user=${user}&pass=1234&${query}`);
const addLead = (query: string) => api('add_lead', `list_id=101&${query}`);

describe('add_dnc_phone', () => {
  test('without modify_lists, level 8 or API access: no permission', async () => {
    expectVicidialAnswer(await api('add_dnc_phone', 'phone_number=7275551111&campaign_id=TESTCAMP', '6675'), 'ERROR: add_dnc_phone USER DOES NOT HAVE PERMISSION TO ADD DNC NUMBERS: |6675|0\n');
    expectVicidialAnswer(await api('add_dnc_phone', 'phone_number=7275551111&campaign_id=TESTCAMP', '6667'), 'ERROR: add_dnc_phone USER DOES NOT HAVE PERMISSION TO ADD DNC NUMBERS: |6667|0\n');
  });

  test.each([
    ['phone_number=72755&campaign_id=TESTCAMP', '|6666|72755|TESTCAMP'],
    ['phone_number=7275551111', '|6666|7275551111|'],
    ['phone_number=72-75-5&campaign_id=TEST%27CAMP', '|6666|72755|TESTCAMP'],
  ])('a number shorter than 6 digits or no list: %s', async (query, echo) => {
    expectVicidialAnswer(await api('add_dnc_phone', query), `ERROR: add_dnc_phone YOU MUST USE ALL REQUIRED FIELDS: ${echo}\n`);
  });

  test('a number on the list already', async () => {
    expectVicidialAnswer(await api('add_dnc_phone', 'phone_number=7275550001&campaign_id=TESTCAMP'), 'ERROR: add_dnc_phone DNC NUMBER ALREADY EXISTS: |6666|7275550001|TESTCAMP\n');
    expectVicidialAnswer(await api('add_dnc_phone', 'phone_number=7275550000&campaign_id=SYSTEM_INTERNAL'), 'ERROR: add_dnc_phone DNC NUMBER ALREADY EXISTS: |6666|7275550000|SYSTEM_INTERNAL\n');
  });

  test("SUCCESS on a campaign's list: add_lead's campaign check refuses the number, the system check does not", async () => {
    expectVicidialAnswer(await api('add_dnc_phone', 'phone_number=7275551201&campaign_id=TESTCAMP'), 'SUCCESS: add_dnc_phone DNC NUMBER HAS BEEN ADDED - 6666|7275551201|TESTCAMP\n');
    expectVicidialAnswer(await addLead('phone_number=7275551201&campaign_dnc_check=Y'), 'ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - 7275551201|TESTCAMP|6666\n');
    expect((await addLead('phone_number=7275551201&dnc_check=Y')).text).toMatch(/^SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275551201\|101\|/);
  });

  test('SUCCESS on the system list (SYSTEM_INTERNAL), by a level-8 account', async () => {
    expectVicidialAnswer(await api('add_dnc_phone', 'phone_number=7275551202&campaign_id=SYSTEM_INTERNAL', '6678'), 'SUCCESS: add_dnc_phone DNC NUMBER HAS BEEN ADDED - 6678|7275551202|SYSTEM_INTERNAL\n');
    expectVicidialAnswer(await addLead('phone_number=7275551202&dnc_check=Y'), 'ERROR: add_lead PHONE NUMBER IN DNC - 7275551202|6666\n');
  });
});

describe('delete_dnc_phone', () => {
  test('modify_lists without delete_from_dnc: no permission', async () => {
    expectVicidialAnswer(await api('delete_dnc_phone', 'phone_number=7275550001&campaign_id=TESTCAMP', '6679'), 'ERROR: delete_dnc_phone USER DOES NOT HAVE PERMISSION TO DELETE DNC NUMBERS: |6679|0\n');
  });

  test('a number shorter than 6 digits or no list', async () => {
    expectVicidialAnswer(await api('delete_dnc_phone', 'phone_number=12345&campaign_id=TESTCAMP'), 'ERROR: delete_dnc_phone YOU MUST USE ALL REQUIRED FIELDS: |6666|12345|TESTCAMP\n');
    expectVicidialAnswer(await api('delete_dnc_phone', 'phone_number=7275550001'), 'ERROR: delete_dnc_phone YOU MUST USE ALL REQUIRED FIELDS: |6666|7275550001|\n');
  });

  test('a number not on that list (it is on the other one)', async () => {
    expectVicidialAnswer(await api('delete_dnc_phone', 'phone_number=7275550001&campaign_id=SYSTEM_INTERNAL'), 'ERROR: delete_dnc_phone DNC NUMBER DOES NOT EXIST: |6666|7275550001|SYSTEM_INTERNAL\n');
    expectVicidialAnswer(await api('delete_dnc_phone', 'phone_number=7275550000&campaign_id=TESTCAMP'), 'ERROR: delete_dnc_phone DNC NUMBER DOES NOT EXIST: |6666|7275550000|TESTCAMP\n');
  });

  test('SUCCESS: the number leaves that list only', async () => {
    expectVicidialAnswer(await api('add_dnc_phone', 'phone_number=7275551301&campaign_id=TESTCAMP'), 'SUCCESS: add_dnc_phone DNC NUMBER HAS BEEN ADDED - 6666|7275551301|TESTCAMP\n');
    expectVicidialAnswer(await api('add_dnc_phone', 'phone_number=7275551301&campaign_id=SYSTEM_INTERNAL'), 'SUCCESS: add_dnc_phone DNC NUMBER HAS BEEN ADDED - 6666|7275551301|SYSTEM_INTERNAL\n');
    expectVicidialAnswer(await api('delete_dnc_phone', 'phone_number=7275551301&campaign_id=TESTCAMP', '6678'), 'SUCCESS: delete_dnc_phone DNC NUMBER HAS BEEN DELETED - 6678|7275551301|TESTCAMP\n');
    expectVicidialAnswer(await api('delete_dnc_phone', 'phone_number=7275551301&campaign_id=TESTCAMP'), 'ERROR: delete_dnc_phone DNC NUMBER DOES NOT EXIST: |6666|7275551301|TESTCAMP\n');
    expectVicidialAnswer(await addLead('phone_number=7275551301&dnc_check=Y'), 'ERROR: add_lead PHONE NUMBER IN DNC - 7275551301|6666\n');
    expectVicidialAnswer(await api('delete_dnc_phone', 'phone_number=7275551301&campaign_id=SYSTEM_INTERNAL'), 'SUCCESS: delete_dnc_phone DNC NUMBER HAS BEEN DELETED - 6666|7275551301|SYSTEM_INTERNAL\n');
    expect((await addLead('phone_number=7275551301&dnc_check=Y&campaign_dnc_check=Y')).text).toMatch(/^SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275551301\|101\|/);
  });
});
