import { clearOfDayEnd, DAY_END_WAIT_TIMEOUT_MS } from '@pbx-gateway/test-support';
import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, listChangeTime, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// A list's "called since last reset" marks in Postgres: update_list
// reset_list=Y clears them and counts the reset of the day, list_info prints
// the resets of today, the change time and the dialable count, the lead
// functions print the marks. List 601 of RESETCAMP (dials NEW and NA, at
// most 3 calls a lead), list 602 of PLAINCAMP (no dial settings: NEW).

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: {
      ...NON_AGENT_PROVISIONING,
      campaigns: [
        ...(NON_AGENT_PROVISIONING.campaigns ?? []),
        { id: 'RESETCAMP', settings: { dial_statuses: ' NEW NA -', call_count_limit: '3' } },
        { id: 'PLAINCAMP' },
      ],
      lists: [
        ...(NON_AGENT_PROVISIONING.lists ?? []),
        { id: 601, name: 'Reset list', campaignId: 'RESETCAMP' },
        { id: 602, name: 'Plain list', campaignId: 'PLAINCAMP' },
      ],
      leads: [
        { id: 6011, listId: 601, phoneNumber: '3125556011' },
        { id: 6012, listId: 601, phoneNumber: '3125556012', status: 'NA' },
        { id: 6013, listId: 601, phoneNumber: '3125556013', status: 'SALE' },
        { id: 6014, listId: 601, phoneNumber: '3125556014' },
        { id: 6015, listId: 601, phoneNumber: '3125556015', status: 'NA' },
        { id: 6016, listId: 601, phoneNumber: '3125556016' },
        { id: 6021, listId: 602, phoneNumber: '3125556021' },
        { id: 6022, listId: 602, phoneNumber: '3125556022', status: 'NA' },
      ],
    },
  },
});

const api = (fn: string, query: string) => nonAgentGet(gateway(), `source=test&function=${fn}&user=6666&pass=1234&${query}`);
const listInfo = (query: string) => api('list_info', query);
const markOf = (leadId: number) => api('lead_field_info', `lead_id=${leadId}&field_name=called_since_last_reset`);

// Clear of midnight: resets_today counts the resets of the day they were made.
beforeAll(() => clearOfDayEnd(), DAY_END_WAIT_TIMEOUT_MS);

beforeAll(async () => {
  // Leads dialled before: 6014 once, 6016 twice, 6015 three times (the campaign's call limit) before its list was reset.
  await gateway().query("UPDATE leads SET called_since_last_reset = 'Y', called_count = 1 WHERE id = 6014");
  await gateway().query("UPDATE leads SET called_since_last_reset = 'Y1', called_count = 2 WHERE id = 6016");
  await gateway().query("UPDATE leads SET called_since_last_reset = 'N', called_count = 3 WHERE id = 6015");
});

test('the lead functions print the mark each lead holds', async () => {
  expectVicidialAnswer(await markOf(6011), 'N');
  expectVicidialAnswer(await markOf(6014), 'Y');
  expectVicidialAnswer(await markOf(6016), 'Y1');
});

test('dialable_count=Y: leads of a status the campaign dials, not called since the reset, called fewer times than its call_count_limit', async () => {
  expectVicidialAnswer(await listInfo('list_id=601&dialable_count=Y'), '601|Reset list|RESETCAMP|Y|||2099-12-31|0|2\n');
  expectVicidialAnswer(await listInfo('list_id=601&leads_counts=Y&dialable_count=Y'), '601|Reset list|RESETCAMP|Y|||2099-12-31|0|6|3|2\n');
  expectVicidialAnswer(
    await listInfo('list_id=601&leads_counts=Y&dialable_count=Y&header=YES&stage=csv'),
    'list_id,list_name,campaign_id,active,list_changedate,list_lastcalldate,expiration_date,resets_today,all_leads_count,new_leads_count,dialable_count\n' +
      '601,Reset list,RESETCAMP,Y,,,2099-12-31,0,6,3,2\n',
  );
  expectVicidialAnswer(
    await listInfo('list_id=601&dialable_count=Y&header=YES'),
    'list_id|list_name|campaign_id|active|list_changedate|list_lastcalldate|expiration_date|resets_today|dialable_count\n601|Reset list|RESETCAMP|Y|||2099-12-31|0|2\n',
  );
});

test('dialable_count=Y of a campaign without dial settings: its NEW leads, as a new VICIdial campaign dials', async () => {
  expectVicidialAnswer(await listInfo('list_id=602&dialable_count=Y'), '602|Plain list|PLAINCAMP|Y|||2099-12-31|0|1\n');
});

test('reset_list=Y: the marks go back to N, the list counts the reset of today and is changed now', async () => {
  const before = Date.now();
  expectVicidialAnswer(await api('update_list', 'list_id=601&reset_list=Y'), 'NOTICE: update_list NO UPDATES DEFINED: |6666|\nNOTICE: update_list LEADS IN LIST HAVE BEEN RESET - 6666|601|\n');
  const changed = await listChangeTime(gateway(), 601, before);
  expectVicidialAnswer(await markOf(6014), 'N');
  expectVicidialAnswer(await markOf(6016), 'N');
  // 6014 and 6016 are dialable again; 6015 is still at the call limit, 6013 of a status not dialled.
  expectVicidialAnswer(await listInfo('list_id=601&dialable_count=Y'), `601|Reset list|RESETCAMP|Y|${changed}||2099-12-31|1|4\n`);
  expectVicidialAnswer(await api('update_list', 'list_id=601&reset_list=Y&active=Y'), 'SUCCESS: update_list LIST HAS BEEN UPDATED - 6666|601\nNOTICE: update_list LEADS IN LIST HAVE BEEN RESET - 6666|601|\n');
  expectVicidialAnswer(await listInfo('list_id=601'), `601|Reset list|RESETCAMP|Y|${await listChangeTime(gateway(), 601, before)}||2099-12-31|2\n`);
  // Another list keeps its marks and counts no reset.
  expectVicidialAnswer(await listInfo('list_id=602'), '602|Plain list|PLAINCAMP|Y|||2099-12-31|0\n');
});

test('resets_today counts the resets of the server\'s day only: a list last reset another day shows 0, its next reset 1', async () => {
  await gateway().query("UPDATE lead_lists SET reset_day = '2020-01-01', resets_that_day = 5 WHERE id = 602");
  expectVicidialAnswer(await listInfo('list_id=602'), '602|Plain list|PLAINCAMP|Y|||2099-12-31|0\n');
  const before = Date.now();
  expectVicidialAnswer(await api('update_list', 'list_id=602&reset_list=Y'), 'NOTICE: update_list NO UPDATES DEFINED: |6666|\nNOTICE: update_list LEADS IN LIST HAVE BEEN RESET - 6666|602|\n');
  expectVicidialAnswer(await listInfo('list_id=602'), `602|Plain list|PLAINCAMP|Y|${await listChangeTime(gateway(), 602, before)}||2099-12-31|1\n`);
});

test('reset_list=Y of a list that is not there (custom_fields_copy goes on with it): no daily limit to read, the reset fails', async () => {
  expectVicidialAnswer(
    await api('update_list', 'list_id=9996&custom_fields_copy=601&reset_list=Y'),
    'NOTICE: update_list NO UPDATES DEFINED: |6666|\n' +
      'NOTICE: update_list LIST RESET FAILED, daily reset limit reached:  /  - 6666|9996\n' +
      'NOTICE: update_list CUSTOM FIELDS LIST ID TO COPY FROM HAS NO CUSTOM FIELDS, THIS IS AN OPTIONAL FIELD: |6666|9996|601|0\n',
  );
  expect(await gateway().core.getLeadList(9996)).toBeNull();
});
