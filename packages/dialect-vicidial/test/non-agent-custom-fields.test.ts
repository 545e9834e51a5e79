import { CUSTOM_FIELDS_PROVISIONING } from './support/custom-fields-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway, type WireResponse } from './support/vicidial-test-kit';

// Lists' own fields (VICIdial's custom list fields), kept in Postgres: the
// Non-Agent functions that define, fill and read them, every response line.

const gateway = sharedGateway({ overrides: { extraProvisioning: CUSTOM_FIELDS_PROVISIONING } });

const call = (fn: string, query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=${fn}&${query}`);

/** The lead number a SUCCESS add_lead line names. */
const addedLeadId = (response: WireResponse): number => Number(/^SUCCESS: add_lead LEAD HAS BEEN ADDED - [^|]*\|[^|]*\|(\d+)\|/.exec(response.text)?.[1]);

/** add_lead's first line for the lead it added, with the offset stored. */
const addedLine = async (listId: number, leadId: number): Promise<string> =>
  `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275558100|${listId}|${leadId}|${(await gateway().core.getLead(leadId))!.gmtOffsetNow}|6666`;

describe('list_custom_fields', () => {
  const api = (query: string, user?: string) => call('list_custom_fields', query, user);
  const HEADER = 'list_id|list_name|campaign_id|active|list_changedate|list_lastcalldate|custom_fields_list_space_delimited';

  test.each(['6675', '6667'])('without modify_lists or API access (%s): no permission', async (user) => {
    expectVicidialAnswer(await api('list_id=101', user), `ERROR: list_custom_fields USER DOES NOT HAVE PERMISSION TO MODIFY LISTS: |${user}|0\n`);
  });

  test('a list_id of fewer than 2 or more than 14 characters: the required fields', async () => {
    expectVicidialAnswer(await api('list_id=1&list_name=My+list&campaign_id=TESTCAMP'), 'ERROR: list_custom_fields YOU MUST USE ALL REQUIRED FIELDS: |6666|1|My list|TESTCAMP\n');
  });

  test("api_list_restrict: a list outside the group's campaigns", async () => {
    expectVicidialAnswer(await api('list_id=300', '6676'), 'ERROR: list_custom_fields NOT AN ALLOWED LIST ID - 300\n');
  });

  test('a list that does not exist', async () => {
    expectVicidialAnswer(await api('list_id=999'), 'ERROR: list_custom_fields LIST DOES NOT EXIST: |6666|999\n');
  });

  test('a list: the fields that keep values, in the order defined; the header when asked', async () => {
    expectVicidialAnswer(await api('list_id=101'), '101|Test campaign list|TESTCAMP|Y|||favorite_color notes best_time\n');
    expectVicidialAnswer(await api('list_id=101&header=YES&stage=csv'), `${HEADER.replace(/\|/g, ',')}\n101,Test campaign list,TESTCAMP,Y,,,favorite_color notes best_time\n`);
    expectVicidialAnswer(await api('list_id=500'), '500|List 500|TESTCAMP|Y|||\n');
  });

  test('custom_order: alpha_up and alpha_down', async () => {
    expectVicidialAnswer(await api('list_id=101&custom_order=alpha_up'), '101|Test campaign list|TESTCAMP|Y|||best_time favorite_color notes\n');
    expectVicidialAnswer(await api('list_id=101&custom_order=alpha_down'), '101|Test campaign list|TESTCAMP|Y|||notes favorite_color best_time\n');
  });

  test('---ALL---: every list the caller may see, by number', async () => {
    expectVicidialAnswer(
      await api('list_id=---ALL---&header=YES'),
      `${HEADER}\n101|Test campaign list|TESTCAMP|Y|||favorite_color notes best_time\n102|List 102|TESTCAMP|Y|||a_field\n300|List 300|OTHERDNC|Y|||\n400|List 400|AUTOCAMP|Y|||\n500|List 500|TESTCAMP|Y|||\n`,
    );
    expectVicidialAnswer(await api('list_id=---ALL---', '6676'), '101|Test campaign list|TESTCAMP|Y|||favorite_color notes best_time\n102|List 102|TESTCAMP|Y|||a_field\n500|List 500|TESTCAMP|Y|||\n');
  });

  test('---ALL--- sorted: the sorted labels carry from one list to the next, as VICIdial keeps one array', async () => {
    expectVicidialAnswer(
      await api('list_id=---ALL---&custom_order=alpha_up'),
      '101|Test campaign list|TESTCAMP|Y|||best_time favorite_color notes\n102|List 102|TESTCAMP|Y|||a_field favorite_color notes\n300|List 300|OTHERDNC|Y|||a_field favorite_color notes\n400|List 400|AUTOCAMP|Y|||a_field favorite_color notes\n500|List 500|TESTCAMP|Y|||a_field favorite_color notes\n',
    );
  });
});

describe('add_lead custom_fields=Y', () => {
  const api = (query: string) => call('add_lead', `phone_number=7275558100&${query}`);

  test('values read from the parameters named by the labels, kept for the lead and its list', async () => {
    const response = await api('list_id=101&custom_fields=Y&favorite_color=deep+blue%3B&notes=call+after+6%22pm%5C&best_time=--BLANK--&banner=x&color_again=y');
    const leadId = addedLeadId(response);
    expectVicidialAnswer(response, `${await addedLine(101, leadId)}\nNOTICE: add_lead CUSTOM FIELDS VALUES ADDED - 7275558100|${leadId}|101|1\n`);
    expect(await gateway().core.leadCustomValues(101, leadId)).toEqual({ favorite_color: 'deep blue', notes: 'call after 6pm', best_time: '' });
  });

  test("a value longer than the field's longest is cut; a field not given is kept empty", async () => {
    const response = await api('list_id=101&custom_fields=Y&favorite_color=turquoise+green');
    const leadId = addedLeadId(response);
    expectVicidialAnswer(response, `${await addedLine(101, leadId)}\nNOTICE: add_lead CUSTOM FIELDS VALUES ADDED - 7275558100|${leadId}|101|1\n`);
    expect(await gateway().core.leadCustomValues(101, leadId)).toEqual({ favorite_color: 'turquoise ', notes: '', best_time: '' });
  });

  test('a list without fields of its own', async () => {
    const response = await api('list_id=300&custom_fields=Y&favorite_color=red');
    const leadId = addedLeadId(response);
    expectVicidialAnswer(response, `${await addedLine(300, leadId)}\nNOTICE: add_lead CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST - 7275558100|${leadId}|300\n`);
    expect(await gateway().core.leadCustomValues(300, leadId)).toBeNull();
  });

  test('a list whose fields keep no values', async () => {
    const response = await api('list_id=500&custom_fields=Y&only_shown=x');
    const leadId = addedLeadId(response);
    expectVicidialAnswer(response, `${await addedLine(500, leadId)}\nNOTICE: add_lead CUSTOM FIELDS NOT ADDED, NO FIELDS DEFINED - 7275558100|${leadId}|500\n`);
  });

  test('without custom_fields=Y the values are not read', async () => {
    const response = await api('list_id=101&favorite_color=red');
    const leadId = addedLeadId(response);
    expectVicidialAnswer(response, `${await addedLine(101, leadId)}\n`);
    expect(await gateway().core.leadCustomValues(101, leadId)).toBeNull();
  });

  test('before the hopper line', async () => {
    const response = await api('list_id=101&custom_fields=Y&favorite_color=red&add_to_hopper=Y');
    const leadId = addedLeadId(response);
    expect(response.text.split('\n').slice(0, 3).map((line) => line.replace(/ - .*/, ''))).toEqual(['SUCCESS: add_lead LEAD HAS BEEN ADDED', 'NOTICE: add_lead CUSTOM FIELDS VALUES ADDED', 'NOTICE: add_lead ADDED TO HOPPER']);
    expect(await gateway().core.leadCustomValues(101, leadId)).toEqual({ favorite_color: 'red', notes: '', best_time: '' });
  });
});

describe('update_lead custom_fields=Y', () => {
  const api = (query: string) => call('update_lead', query);

  test('the fields named take the values given, in the list of the lead; the row counted when changed', async () => {
    expectVicidialAnswer(await api('lead_id=1&custom_fields=Y&favorite_color=green&notes=call+back'), 'NOTICE: update_lead CUSTOM FIELDS VALUES UPDATED - |1|101|101|101|1\n');
    expect(await gateway().core.leadCustomValues(101, 1)).toEqual({ favorite_color: 'green', notes: 'call back' });
    expectVicidialAnswer(await api('lead_id=1&custom_fields=Y&favorite_color=green&first_name=Bobby'), 'SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|1|1|||\nNOTICE: update_lead CUSTOM FIELDS VALUES UPDATED - |1|101|101|101|0\n');
    expectVicidialAnswer(await api('lead_id=1&custom_fields=Y&best_time=--BLANK--&notes=--BLANK--&phone_number=7275551212'), 'NOTICE: update_lead CUSTOM FIELDS VALUES UPDATED - 7275551212|1|101|101|101|1\n');
    expect(await gateway().core.leadCustomValues(101, 1)).toEqual({ favorite_color: 'green', notes: '', best_time: '' });
  });

  test('no field named, or one named first in the request (VICIdial looks for ?label= or &label=): no line', async () => {
    expectVicidialAnswer(await api('lead_id=2&custom_fields=Y&banner=x&first_name=Alicia'), 'SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|2|1|||\n');
    expect(await nonAgentGet(gateway(), 'favorite_color=red&source=test&user=6666&pass=1234&function=update_lead&lead_id=2&custom_fields=Y&city=Miami')).toMatchObject({ text: 'SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|2|1|||\n' });
    expect(await gateway().core.leadCustomValues(101, 2)).toBeNull();
  });

  test('a lead of a list without fields of its own', async () => {
    const leadId = addedLeadId(await call('add_lead', 'phone_number=7275558300&list_id=300'));
    expectVicidialAnswer(await api(`lead_id=${leadId}&custom_fields=Y&favorite_color=red`), `NOTICE: update_lead CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST - |${leadId}|300\n`);
  });

  test('delete_lead=Y: the values go with the lead, in the CUSTOM FIELDS ENTRY DELETED line', async () => {
    const leadId = addedLeadId(await call('add_lead', 'phone_number=7275558600&list_id=101&custom_fields=Y&favorite_color=red'));
    expectVicidialAnswer(
      await api(`lead_id=${leadId}&delete_lead=Y&custom_fields=Y&phone_number=7275558600`),
      `SUCCESS: update_lead LEAD HAS BEEN DELETED 0|0 - 6666|${leadId}|1|0|0|\nNOTICE: update_lead CUSTOM FIELDS ENTRY DELETED - 7275558600|${leadId}|101|101|101|\n`,
    );
    expect(await gateway().core.leadCustomValues(101, leadId)).toBeNull();
  });

  test('delete_lead=Y of a lead holding no values: no custom line; of a list without fields: its NOT ADDED line', async () => {
    const plain = addedLeadId(await call('add_lead', 'phone_number=7275558610&list_id=101'));
    expectVicidialAnswer(await api(`lead_id=${plain}&delete_lead=Y&custom_fields=Y`), `SUCCESS: update_lead LEAD HAS BEEN DELETED 0|0 - 6666|${plain}|1|0|0|\n`);
    const bare = addedLeadId(await call('add_lead', 'phone_number=7275558620&list_id=300'));
    expectVicidialAnswer(
      await api(`lead_id=${bare}&delete_lead=Y&custom_fields=Y`),
      `SUCCESS: update_lead LEAD HAS BEEN DELETED 0|0 - 6666|${bare}|1|0|0|\nNOTICE: update_lead CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST - |${bare}|300\n`,
    );
  });

  test('force_entry_list_id: the list whose fields take the values of a lead whose entry list is below 100, which becomes it', async () => {
    expectVicidialAnswer(await api('lead_id=9099&custom_fields=Y&force_entry_list_id=101&favorite_color=red'), 'NOTICE: update_lead CUSTOM FIELDS VALUES UPDATED - |9099|99|99|101|1\n');
    expect(await gateway().core.leadCustomValues(101, 9099)).toEqual({ favorite_color: 'red' });
    expect((await gateway().core.getLead(9099))!.entryListId).toBe(101);
  });

  test('force_entry_list_id: an entry list of 100 and above wins over it, as in VICIdial', async () => {
    const leadId = addedLeadId(await call('add_lead', 'phone_number=7275558710&list_id=101&custom_fields=Y&favorite_color=red'));
    expectVicidialAnswer(await api(`lead_id=${leadId}&custom_fields=Y&force_entry_list_id=102&favorite_color=blue`), `NOTICE: update_lead CUSTOM FIELDS VALUES UPDATED - |${leadId}|101|101|101|1\n`);
    expect(await gateway().core.leadCustomValues(102, leadId)).toBeNull();
  });

  test('insert_if_not_found=Y: the new lead takes the values, as add_lead', async () => {
    const response = await api('search_method=PHONE_NUMBER&phone_number=7275558200&phone_code=1&list_id=101&insert_if_not_found=Y&custom_fields=Y&favorite_color=pink');
    const leadId = Number(/LEAD HAS BEEN ADDED - [^|]*\|[^|]*\|(\d+)\|/.exec(response.text)?.[1]);
    const lead = (await gateway().core.getLead(leadId))!;
    expectVicidialAnswer(
      response,
      `NOTICE: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|||7275558200\nSUCCESS: update_lead LEAD HAS BEEN ADDED - 7275558200|101|${leadId}|${lead.gmtOffsetNow}|6666\nNOTICE: update_lead CUSTOM FIELDS VALUES ADDED - 7275558200|${leadId}|101|1\n`,
    );
    expect(await gateway().core.leadCustomValues(101, leadId)).toEqual({ favorite_color: 'pink', notes: '', best_time: '' });
  });
});

describe('lead_field_info custom_fields=Y', () => {
  const api = (query: string) => call('lead_field_info', query);
  let leadId = 0;
  beforeAll(async () => {
    leadId = addedLeadId(await call('add_lead', 'phone_number=7275558400&list_id=101&custom_fields=Y&favorite_color=red'));
  });

  test("a field of the lead's entry list: its value alone, names read without case", async () => {
    expectVicidialAnswer(await api(`lead_id=${leadId}&custom_fields=Y&field_name=favorite_color`), 'red');
    expectVicidialAnswer(await api(`lead_id=${leadId}&custom_fields=Y&field_name=FAVORITE_COLOR,notes`), 'red');
    expectVicidialAnswer(await api(`lead_id=${leadId}&custom_fields=Y&field_name=notes`), '');
    expectVicidialAnswer(await api(`lead_id=${leadId}&custom_fields=Y&field_name=lead_id`), String(leadId));
  });

  test('a field that keeps no value, or a lead that holds none there: the field is not found', async () => {
    expectVicidialAnswer(await api(`lead_id=${leadId}&custom_fields=Y&field_name=banner`), `ERROR: lead_field_info LIST FIELD NOT FOUND: 6666|${leadId}\n`);
    expectVicidialAnswer(await api(`lead_id=${leadId}&custom_fields=Y&field_name=favorite_color,nothing`), `ERROR: lead_field_info LIST FIELD NOT FOUND: 6666|${leadId}\n`);
    expectVicidialAnswer(await api('lead_id=3&custom_fields=Y&field_name=favorite_color'), 'ERROR: lead_field_info LIST FIELD NOT FOUND: 6666|3\n');
  });

  test('list_id: another list to read the field from', async () => {
    expectVicidialAnswer(await api(`lead_id=${leadId}&custom_fields=Y&field_name=a_field&list_id=102`), `ERROR: lead_field_info LIST FIELD NOT FOUND: 6666|${leadId}\n`);
    expectVicidialAnswer(await api(`lead_id=${leadId}&custom_fields=Y&field_name=favorite_color&list_id=101`), 'red');
  });
});

describe('lead_all_info custom_fields=Y', () => {
  const api = (query: string) => call('lead_all_info', query);
  let leadId = 0;
  beforeAll(async () => {
    leadId = addedLeadId(await call('add_lead', 'phone_number=7275558500&list_id=101&custom_fields=Y&favorite_color=blue&best_time=MORNING'));
  });

  test("the entry list's fields follow the lead's, in the header and the row", async () => {
    const [header, row] = (await api(`lead_id=${leadId}&header=YES`)).text.split('\n');
    expectVicidialAnswer(await api(`lead_id=${leadId}&header=YES&custom_fields=Y`), `${header}|favorite_color|notes|best_time\n${row}|blue||MORNING\n`);
    expectVicidialAnswer(await api(`lead_id=${leadId}&custom_fields=Y&stage=csv`), `${row!.replace(/\|/g, ',')},blue,,MORNING\n`);
  });

  test("force_entry_list_id: that list's fields are read instead of the entry list's", async () => {
    const forced = addedLeadId(await call('add_lead', 'phone_number=7275558510&list_id=101&custom_fields=Y&favorite_color=teal'));
    await gateway().core.setLeadCustomValues({ leadId: forced, listId: 102, values: { a_field: 'other' } });
    const [header, row] = (await api(`lead_id=${forced}&header=YES`)).text.split('\n');
    expectVicidialAnswer(await api(`lead_id=${forced}&header=YES&custom_fields=Y`), `${header}|a_field\n${row}|other\n`);
    expectVicidialAnswer(await api(`lead_id=${forced}&header=YES&custom_fields=Y&force_entry_list_id=101`), `${header}|favorite_color|notes|best_time\n${row}|teal||\n`);
  });

  test('a lead without values in its entry list: no custom columns', async () => {
    const plain = await api('lead_id=3&header=YES');
    expectVicidialAnswer(await api('lead_id=3&header=YES&custom_fields=Y'), plain.text);
  });
});

describe('add_list and update_list custom_fields_copy', () => {
  const labelsOf = async (listId: number) => (await gateway().core.customFieldsOfList(listId)).map((field) => field.label);

  test('add_list: a list to copy from that does not exist, has no fields, or a caller without custom_fields_modify', async () => {
    expectVicidialAnswer(await call('add_list', 'list_id=3401&list_name=Copy+list&campaign_id=TESTCAMP&custom_fields_copy=9876', '6680'), 'ERROR: add_list CUSTOM FIELDS LIST ID TO COPY FROM DOES NOT EXIST, THIS IS AN OPTIONAL FIELD: |6680|3401|9876|0\n');
    expectVicidialAnswer(await call('add_list', 'list_id=3401&list_name=Copy+list&campaign_id=TESTCAMP&custom_fields_copy=300', '6680'), 'ERROR: add_list CUSTOM FIELDS LIST ID TO COPY FROM HAS NO CUSTOM FIELDS, THIS IS AN OPTIONAL FIELD: |6680|3401|300|0\n');
    expectVicidialAnswer(await call('add_list', 'list_id=3401&list_name=Copy+list&campaign_id=TESTCAMP&custom_fields_copy=101'), 'ERROR: add_list USER DOES NOT HAVE PERMISSION TO MODIFY CUSTOM FIELDS, THIS IS AN OPTIONAL FIELD: |6666|3401|101|0\n');
    expect(await gateway().core.getLeadList(3401)).toBeNull();
  });

  test("add_list: the new list takes the other list's fields", async () => {
    expectVicidialAnswer(await call('add_list', 'list_id=3401&list_name=Copy+list&campaign_id=TESTCAMP&custom_fields_copy=101', '6680'), 'SUCCESS: add_list LIST HAS BEEN ADDED - 6680|3401|Copy list|TESTCAMP\n');
    expect(await labelsOf(3401)).toEqual(await labelsOf(101));
    expectVicidialAnswer(await call('list_custom_fields', 'list_id=3401'), '3401|Copy list|TESTCAMP|N|||favorite_color notes best_time\n');
  });

  test('update_list: the refusals are NOTICE lines after the update', async () => {
    expectVicidialAnswer(await call('update_list', 'list_id=102&custom_fields_copy=300', '6680'), 'NOTICE: update_list NO UPDATES DEFINED: |6680|\nNOTICE: update_list CUSTOM FIELDS LIST ID TO COPY FROM HAS NO CUSTOM FIELDS, THIS IS AN OPTIONAL FIELD: |6680|102|300|0\n');
    expectVicidialAnswer(await call('update_list', 'list_id=102&custom_fields_copy=101'), 'NOTICE: update_list NO UPDATES DEFINED: |6666|\nNOTICE: update_list USER DOES NOT HAVE PERMISSION TO MODIFY CUSTOM FIELDS, THIS IS AN OPTIONAL FIELD: |6666|102|101|0\n');
  });

  test('update_list: APPEND (the default) adds what the list lacks, REPLACE takes the other list\'s fields alone', async () => {
    expectVicidialAnswer(await call('update_list', 'list_id=102&custom_fields_copy=101&custom_copy_method=OTHER', '6680'), 'NOTICE: update_list NO UPDATES DEFINED: |6680|\nNOTICE: update_list COPY CUSTOM FIELDS COMMAND SENT - 6680|102|101|APPEND|SUCCESS: Fields copied|\n');
    expect(await labelsOf(102)).toEqual(['a_field', ...(await labelsOf(101))]);
    expectVicidialAnswer(await call('update_list', 'list_id=102&custom_fields_copy=500&custom_copy_method=REPLACE', '6680'), 'NOTICE: update_list NO UPDATES DEFINED: |6680|\nNOTICE: update_list COPY CUSTOM FIELDS COMMAND SENT - 6680|102|500|REPLACE|SUCCESS: Fields copied|\n');
    expect(await labelsOf(102)).toEqual(['only_shown']);
  });
});
