import { ADMIN_ACCOUNT, NON_AGENT_PROVISIONING, nonAgentAccount, nonAgentProvisioningWith } from './support/non-agent-provisioning';
import { expectVicidialAnswer, listChangeTime, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent update_list: every response line, over lists of TESTCAMP made
// for it (501 changed, 502 deleted, 503 whose two leads are deleted),
// accounts that may delete lists (6682) but not leads (6683), and the
// restricted ones of the Non-Agent test data.

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: nonAgentProvisioningWith(
      [
        nonAgentAccount('6682', { ...ADMIN_ACCOUNT, modify_lists: '1', delete_lists: '1', modify_leads: '1' }),
        nonAgentAccount('6683', { ...ADMIN_ACCOUNT, modify_lists: '1', delete_lists: '1', modify_leads: '0' }),
        nonAgentAccount('6684', { ...ADMIN_ACCOUNT, modify_lists: '1', api_allowed_functions: ' update_list ' }),
      ],
      {
        lists: [
          ...(NON_AGENT_PROVISIONING.lists ?? []),
          { id: 501, name: 'List to change', campaignId: 'TESTCAMP' },
          { id: 502, name: 'List to delete', campaignId: 'TESTCAMP' },
          { id: 503, name: 'List to empty', campaignId: 'TESTCAMP' },
        ],
        leads: [
          { id: 5031, listId: 503, phoneNumber: '3125550031' },
          { id: 5032, listId: 503, phoneNumber: '3125550032' },
        ],
      },
    ),
  },
});

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&function=update_list&user=${user}&pass=1234&${query}`);
const listInfo = (listId: number) => nonAgentGet(gateway(), `source=test&function=list_info&user=6666&pass=1234&list_id=${listId}&leads_counts=Y`);

test('no modify_lists: no permission', async () => {
  expectVicidialAnswer(await api('list_id=501', '6675'), 'ERROR: update_list USER DOES NOT HAVE PERMISSION TO UPDATE LISTS: |6675|0\n');
});

test('list_id of fewer than 2 or more than 14 digits: the required fields, echoed', async () => {
  expectVicidialAnswer(await api('list_id=5x&list_name=Some+name&campaign_id=TESTCAMP'), 'ERROR: update_list YOU MUST USE ALL REQUIRED FIELDS: |6666|5|Some name|TESTCAMP\n');
  expectVicidialAnswer(await api('list_id=123456789012345'), 'ERROR: update_list YOU MUST USE ALL REQUIRED FIELDS: |6666|123456789012345||\n');
});

test('api_list_restrict: a list outside the group\'s campaigns; a group that does not exist', async () => {
  expectVicidialAnswer(await api('list_id=400&active=N', '6676'), 'ERROR: update_list NOT AN ALLOWED LIST ID - 400\n');
  expectVicidialAnswer(await api('list_id=501&active=N', '6677'), 'ERROR: user_group DOES NOT EXIST: |6677|NOGROUP|\n');
});

test('a list that does not exist', async () => {
  expectVicidialAnswer(await api('list_id=9999&active=N'), 'ERROR: update_list LIST DOES NOT EXIST: |6666|9999\n');
});

test('insert_if_not_found=Y: sent to add_list, which answers the same request', async () => {
  expectVicidialAnswer(
    await api('list_id=9001&insert_if_not_found=Y&list_name=Inserted+list&campaign_id=TESTCAMP&active=Y'),
    'NOTICE: update_list LIST DOES NOT EXIST, SENDING TO add_list FUNCTION: |6666|9001\nSUCCESS: add_list LIST HAS BEEN ADDED - 6666|9001|Inserted list|TESTCAMP\n',
  );
  expectVicidialAnswer(await listInfo(9001), '9001|Inserted list|TESTCAMP|Y|||2099-12-31|0|0|0\n');
  expectVicidialAnswer(
    await api('list_id=9002&insert_if_not_found=Y&campaign_id=TESTCAMP'),
    'NOTICE: update_list LIST DOES NOT EXIST, SENDING TO add_list FUNCTION: |6666|9002\nERROR: add_list YOU MUST USE ALL REQUIRED FIELDS: |6666|9002||TESTCAMP\n',
  );
  expectVicidialAnswer(
    await api('list_id=9003&insert_if_not_found=Y&list_name=Inserted+list&campaign_id=TESTCAMP', '6684'),
    'NOTICE: update_list LIST DOES NOT EXIST, SENDING TO add_list FUNCTION: |6684|9003\nERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |6684|add_list|\n',
  );
});

test.each([
  ['campaign_id=NOCAMP', 'CAMPAIGN DOES NOT EXIST', 'NOCAMP'],
  ['script=DEMOSCRIPT', 'SCRIPT DOES NOT EXIST', 'DEMOSCRIPT'],
  ['drop_inbound_group=FAKE_IN', 'IN-GROUP DOES NOT EXIST', 'FAKE_IN'],
  ['list_name=short', 'LIST NAME MUST BE FROM 6 TO 30 CHARACTERS', 'short'],
  ['active=X', 'ACTIVE MUST BE Y OR N', 'X'],
  ['outbound_cid=12345', 'OUTBOUND CID MUST BE FROM 6 TO 18 DIGITS', '12345'],
  [`am_message=${'1'.repeat(101)}`, 'ANSWERING MACHINE MESSAGE MUST LESS THAN 101 DIGITS', '1'.repeat(101)],
  ['reset_time=012', 'RESET TIME IS NOT VALID', '012'],
  ['tz_method=NOPE', 'TIME ZONE METHOD IS NOT VALID', 'NOPE'],
  ['local_call_time=8am-10pm', 'LOCAL CALL TIME DOES NOT EXIST', '8am-10pm'],
  [`xferconf_three=${'2'.repeat(51)}`, 'TRANSFER CONF OVERRIDE THREE IS NOT VALID', '2'.repeat(51)],
])('%s: its line, and nothing changes', async (query, reason, data) => {
  expectVicidialAnswer(await api(`list_id=501&list_name=Never+this+name&${query}`.replace('list_name=Never+this+name&list_name', 'list_name')), `ERROR: update_list ${reason}, THIS IS AN OPTIONAL FIELD: |6666|${data}\n`);
  expectVicidialAnswer(await listInfo(501), '501|List to change|TESTCAMP|Y|||2099-12-31|0|0|0\n');
});

test('a campaign outside the caller\'s group\'s is one that does not exist', async () => {
  expectVicidialAnswer(await api('list_id=102&campaign_id=AUTOCAMP', '6676'), 'ERROR: update_list CAMPAIGN DOES NOT EXIST, THIS IS AN OPTIONAL FIELD: |6676|AUTOCAMP\n');
});

test('no field given: NO UPDATES DEFINED', async () => {
  expectVicidialAnswer(await api('list_id=501'), 'NOTICE: update_list NO UPDATES DEFINED: |6666|\n');
});

test('name, campaign and active changed; settings the gateway does not keep still count as an update; each update is the list\'s change time', async () => {
  let before = Date.now();
  expectVicidialAnswer(await api('list_id=501&list_name=Changed+list+name&campaign_id=AUTOCAMP&active=N'), 'SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|501\n');
  expectVicidialAnswer(await listInfo(501), `501|Changed list name|AUTOCAMP|N|${await listChangeTime(gateway(), 501, before)}||2099-12-31|0|0|0\n`);
  expectVicidialAnswer(await api('list_id=501&campaign_id=TESTCAMP&active=Y&list_name=List+to+change'), 'SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|501\n');
  before = Date.now();
  expectVicidialAnswer(await api('list_id=501&script=--BLANK--&outbound_cid=7275551212&web_form_address=http://example.com/'), 'SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|501\n');
  expectVicidialAnswer(await listInfo(501), `501|List to change|TESTCAMP|Y|${await listChangeTime(gateway(), 501, before)}||2099-12-31|0|0|0\n`);
});

test('reset_list=Y: the reset line after the update line (its count empty, as VICIdial prints it); the list counts the reset (non-agent-list-reset has the marks)', async () => {
  expectVicidialAnswer(await api('list_id=501&reset_list=Y'), 'NOTICE: update_list NO UPDATES DEFINED: |6666|\nNOTICE: update_list LEADS IN LIST HAVE BEEN RESET - 6666|501|\n');
  expect((await gateway().core.getLeadList(501))?.lastReset).toMatchObject({ count: 1 });
});

test('delete_list=Y: without delete_lists the notice ends the answer; with it the list goes, its leads stay', async () => {
  expectVicidialAnswer(
    await api('list_id=502&delete_list=Y&delete_leads=Y&active=Y'),
    'SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|502\nNOTICE: update_list USER DOES NOT HAVE PERMISSION TO DELETE LISTS: |6666|0\n',
  );
  expectVicidialAnswer(await api('list_id=502&delete_list=Y', '6682'), 'NOTICE: update_list NO UPDATES DEFINED: |6682|\nNOTICE: update_list LIST HAS BEEN DELETED - 6682|502|1\n');
  expectVicidialAnswer(await api('list_id=502&active=Y'), 'ERROR: update_list LIST DOES NOT EXIST: |6666|502\n');
});

test('delete_leads=Y: without modify_leads the notice ends the answer; with it the list keeps no lead', async () => {
  expectVicidialAnswer(await api('list_id=503&delete_leads=Y', '6683'), 'NOTICE: update_list NO UPDATES DEFINED: |6683|\nNOTICE: update_list USER DOES NOT HAVE PERMISSION TO DELETE LEADS: |6683|0\n');
  expectVicidialAnswer(await listInfo(503), '503|List to empty|TESTCAMP|Y|||2099-12-31|0|2|2\n');
  expectVicidialAnswer(await api('list_id=503&delete_leads=Y', '6682'), 'NOTICE: update_list NO UPDATES DEFINED: |6682|\nNOTICE: update_list LEADS IN LIST HAVE BEEN DELETED - 6682|503|2\n');
  expectVicidialAnswer(await listInfo(503), '503|List to empty|TESTCAMP|Y|||2099-12-31|0|0|0\n');
});

test('custom_fields_copy: the gateway keeps no custom fields; a list not there is still worked on, as VICIdial does', async () => {
  expectVicidialAnswer(
    await api('list_id=501&custom_fields_copy=102'),
    'NOTICE: update_list NO UPDATES DEFINED: |6666|\nNOTICE: update_list CUSTOM FIELDS LIST ID TO COPY FROM HAS NO CUSTOM FIELDS, THIS IS AN OPTIONAL FIELD: |6666|501|102|0\n',
  );
  expectVicidialAnswer(
    await api('list_id=9998&custom_fields_copy=9997&active=Y'),
    'SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|9998\nNOTICE: update_list CUSTOM FIELDS LIST ID TO COPY FROM DOES NOT EXIST, THIS IS AN OPTIONAL FIELD: |6666|9998|9997|0\n',
  );
  expectVicidialAnswer(await api('list_id=9998&active=Y'), 'ERROR: update_list LIST DOES NOT EXIST: |6666|9998\n');
});
