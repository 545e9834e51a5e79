import { CUSTOM_FIELDS_PROVISIONING } from './support/custom-fields-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Archived leads (VICIdial's vicidial_list_archive) through the Non-Agent
// API, in Postgres: archived_lead=Y in lead_field_info, lead_all_info and
// lead_search, lead_callback_info's ARCHIVE and ALL, and every line of
// lead_dearchive. Leads 71, 72, 74, 75 are provisioned archived (72 in
// list 300 of OTHERDNC, 75 in list 555 defined nowhere); 73 is archived
// here, with values in list 101's own fields and a callback; 70 is an
// active lead with 71's number, 76 an active lead of list 300. 6676 is restricted to TESTCAMP's lists.

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: {
      ...CUSTOM_FIELDS_PROVISIONING,
      leads: [
        ...(CUSTOM_FIELDS_PROVISIONING.leads ?? []),
        { id: 70, listId: 101, phoneNumber: '3125550070', vendorLeadCode: 'VEN-70', firstName: 'Active' },
        { id: 71, listId: 101, phoneNumber: '3125550070', vendorLeadCode: 'VEN-71', firstName: 'Archie', lastName: 'Ives', dateOfBirth: '1960-01-02', status: 'SALE', archived: true },
        { id: 72, listId: 300, phoneNumber: '3125550072', firstName: 'Other', archived: true },
        { id: 73, listId: 101, phoneNumber: '3125550073', firstName: 'Moved' },
        { id: 74, listId: 102, phoneNumber: '3125550074', firstName: 'Back', archived: true },
        { id: 75, listId: 555, phoneNumber: '3125550075', archived: true },
        { id: 76, listId: 300, phoneNumber: '3125550076' },
      ],
    },
  },
});

const api = (fn: string, query: string, user = '6666') => nonAgentGet(gateway(), `source=test&function=${fn}&user=${user}&pass=1234&${query}`);

const DATE = '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}';

beforeAll(async () => {
  expect(await gateway().core.setLeadCustomValues({ leadId: 73, listId: 101, values: { favorite_color: 'teal', notes: 'kept', best_time: 'EVENING' } })).toEqual({ entryListChanged: false });
  expect((await api('update_lead', 'lead_id=73&callback=Y&campaign_id=TESTCAMP&callback_datetime=2030-01-02+10:00:00&callback_type=USERONLY&callback_user=1006&callback_comments=before+archive')).text).toContain('CALLBACK ADDED');
  expect(await gateway().core.archiveLead(73)).toMatchObject({ lead: { id: 73, firstName: 'Moved' }, callbacksArchived: 1 });
});

describe('archiving', () => {
  test('an archived lead leaves the leads, its callbacks the waiting ones, its values in list fields stay', async () => {
    expect(await gateway().core.getLead(73)).toBeNull();
    expect(await gateway().core.getArchivedLead(73)).toMatchObject({ id: 73, listId: 101, phoneNumber: '3125550073' });
    expect(await gateway().core.callbacksOfLead(73)).toEqual([]);
    expect(await gateway().core.archivedCallbacksOfLead(73)).toMatchObject([{ leadId: 73, comments: 'before archive', state: 'ACTIVE' }]);
    expect(await gateway().core.leadCustomValues(101, 73)).toEqual({ favorite_color: 'teal', notes: 'kept', best_time: 'EVENING' });
  });

  test('without archived_lead the functions read the leads only', async () => {
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=71&field_name=first_name'), 'ERROR: lead_field_info LEAD NOT FOUND: 6666|71\n');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=70&field_name=first_name&archived_lead=N'), 'Active');
  });
});

describe('lead_field_info archived_lead=Y', () => {
  test('the value of an archived lead alone; archived_lead filtered to letters and digits', async () => {
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=71&field_name=first_name&archived_lead=Y'), 'Archie');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=71&field_name=date_of_birth&archived_lead=Y%21'), '1960-01-02');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=71&field_name=status&archived_lead=Y'), 'SALE');
  });

  test("its values in its list's own fields, kept where they were", async () => {
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=73&field_name=favorite_color&custom_fields=Y&archived_lead=Y'), 'teal');
  });

  test('an active lead is no archived lead: LEAD NOT FOUND', async () => {
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=70&field_name=first_name&archived_lead=Y'), 'ERROR: lead_field_info LEAD NOT FOUND: 6666|70\n');
  });

  test("an archived lead of a list not defined, or outside the caller's group: LIST NOT FOUND", async () => {
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=75&field_name=first_name&archived_lead=Y'), 'ERROR: lead_field_info LIST NOT FOUND: 6666|75|555\n');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=72&field_name=first_name&archived_lead=Y', '6676'), 'ERROR: lead_field_info LIST NOT FOUND: 6676|72|300\n');
  });

  test('not a column: LIST FIELD NOT FOUND', async () => {
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=71&field_name=password&archived_lead=Y'), 'ERROR: lead_field_info LIST FIELD NOT FOUND: 6666|71\n');
  });
});

describe('lead_all_info archived_lead=Y', () => {
  test('an archived lead by number, with the values of its own fields', async () => {
    const response = await api('lead_all_info', 'lead_id=73&custom_fields=Y&header=YES&archived_lead=Y');
    expectVicidialAnswer(response, response.text);
    const [header, row] = response.text.split('\n');
    expect(header!.endsWith('|owner|entry_list_id|lead_id|favorite_color|notes|best_time')).toBe(true);
    expect(row).toMatch(/^NEW\|\|\|\|101\|0\.00\|1\|3125550073\|\|Moved\|/);
    expect(row!.endsWith('|101|73|teal|kept|EVENING')).toBe(true);
  });

  test('by phone number: the archived leads of it only, the newest first', async () => {
    const archived = (await api('lead_all_info', 'phone_number=3125550070&archived_lead=Y')).text.split('\n').filter((line) => line !== '');
    expect(archived.map((line) => line.split('|').at(-1))).toEqual(['71']);
    const active = (await api('lead_all_info', 'phone_number=3125550070')).text.split('\n').filter((line) => line !== '');
    expect(active.map((line) => line.split('|').at(-1))).toEqual(['70']);
  });

  test('none archived: LEAD NOT FOUND; of a list not defined: LIST NOT FOUND', async () => {
    expectVicidialAnswer(await api('lead_all_info', 'lead_id=70&archived_lead=Y'), 'ERROR: lead_all_info LEAD NOT FOUND: 6666|70|\n');
    expectVicidialAnswer(await api('lead_all_info', 'lead_id=75&archived_lead=Y'), 'ERROR: lead_all_info LIST NOT FOUND: 6666|75||555\n');
  });
});

describe('lead_search archived_lead=Y', () => {
  test('the archived leads of a number or vendor code', async () => {
    expectVicidialAnswer(await api('lead_search', 'phone_number=3125550070&archived_lead=Y'), '3125550070|1|71\n');
    expectVicidialAnswer(await api('lead_search', 'phone_number=3125550070'), '3125550070|1|70\n');
    expectVicidialAnswer(await api('lead_search', 'search_method=VENDOR_LEAD_CODE&vendor_lead_code=VEN-71&archived_lead=Y'), 'VEN-71|1|71\n');
  });

  test('an active lead is not searched: NO MATCHES FOUND', async () => {
    expectVicidialAnswer(await api('lead_search', 'search_method=VENDOR_LEAD_CODE&vendor_lead_code=VEN-70&archived_lead=Y'), 'ERROR: lead_search NO MATCHES FOUND IN THE SYSTEM: |6666||VEN-70|\n');
  });
});

describe('lead_callback_info search_location', () => {
  test('ARCHIVE: the archived callbacks, of type ARCHIVE', async () => {
    const response = await api('lead_callback_info', 'lead_id=73&search_location=ARCHIVE');
    expectVicidialAnswer(response, response.text);
    expect(response.text).toMatch(new RegExp(`^73\\|ARCHIVE\\|USERONLY\\|ACTIVE\\|CALLBK\\|2030-01-02 10:00:00\\|${DATE}\\|1006\\|101\\|TESTCAMP\\|AGENTS\\|\\|\\|before archive\\n$`));
  });

  test('CURRENT (the default) reads none of them: CALLBACK NOT FOUND', async () => {
    expectVicidialAnswer(await api('lead_callback_info', 'lead_id=73'), 'ERROR: lead_callback_info CALLBACK NOT FOUND: 6666|73|pipe|\n');
  });

  test('ALL: the archived ones first, then the waiting ones', async () => {
    expect((await api('update_lead', 'lead_id=70&callback=Y&campaign_id=TESTCAMP&callback_datetime=2030-02-03+11:00:00&callback_comments=first')).text).toContain('CALLBACK ADDED');
    expect((await api('update_lead', 'lead_id=70&callback=REMOVE')).text).toMatch(/^NOTICE: update_lead SCHEDULED CALLBACK DELETED - 6666\|70\|1\|1/m);
    expect((await api('update_lead', 'lead_id=70&callback=Y&campaign_id=TESTCAMP&callback_datetime=2030-04-05+12:00:00&callback_comments=second')).text).toContain('CALLBACK ADDED');
    const response = await api('lead_callback_info', 'lead_id=70&search_location=ALL&stage=csv&header=YES');
    const lines = response.text.split('\n');
    expect(lines[0]).toBe('lead_id,callback_type,recipient,callback_status,lead_status,callback_date,entry_date,user,list_id,campaign_id,user_group,customer_timezone,customer_time,comments');
    expect(lines.slice(1, 3).map((line) => [line.split(',')[1], line.split(',').at(-1)])).toEqual([
      ['ARCHIVE', 'first'],
      ['CURRENT', 'second'],
    ]);
    expect(lines[3]).toBe('');
  });

  test("api_list_restrict: an archived callback of a list outside the caller's group: LEAD NOT FOUND", async () => {
    expect((await api('update_lead', 'lead_id=76&callback=Y&campaign_id=OTHERDNC&callback_datetime=2030-05-06+08:00:00')).text).toContain('CALLBACK ADDED');
    expect((await api('update_lead', 'lead_id=76&callback=REMOVE')).text).toContain('SCHEDULED CALLBACK DELETED');
    expectVicidialAnswer(await api('lead_callback_info', 'lead_id=76&search_location=ARCHIVE', '6676'), 'ERROR: lead_callback_info LEAD NOT FOUND: |6676|1|\n');
    expect((await api('lead_callback_info', 'lead_id=76&search_location=ARCHIVE')).text).toMatch(/^76\|ARCHIVE\|ANYONE\|ACTIVE\|CALLBK\|2030-05-06 08:00:00\|.*\|\|300\|OTHERDNC\|/);
  });
});

describe('lead_dearchive', () => {
  test.each(['6675', '6678', '6667'])('without modify_leads 1 at level 8 or more, or without API access (%s): no permission', async (user) => {
    expectVicidialAnswer(await api('lead_dearchive', 'lead_id=74', user), `ERROR: lead_dearchive USER DOES NOT HAVE PERMISSION TO MODIFY LEAD INFO: |${user}|0|\n`);
  });

  test('no lead number, or one over 11 digits: INVALID SEARCH PARAMETERS', async () => {
    expectVicidialAnswer(await api('lead_dearchive', 'lead_id='), 'ERROR: lead_dearchive INVALID SEARCH PARAMETERS: 6666|\n');
    expectVicidialAnswer(await api('lead_dearchive', 'lead_id=123456789012'), 'ERROR: lead_dearchive INVALID SEARCH PARAMETERS: 6666|123456789012\n');
  });

  test('no archived lead of that number: ARCHIVED LEAD NOT FOUND, echoing stage and search_location', async () => {
    expectVicidialAnswer(await api('lead_dearchive', 'lead_id=70'), 'ERROR: lead_dearchive ARCHIVED LEAD NOT FOUND: 6666|70||\n');
    expectVicidialAnswer(await api('lead_dearchive', 'lead_id=99999&stage=csv&search_location=ALL'), 'ERROR: lead_dearchive ARCHIVED LEAD NOT FOUND: 6666|99999|csv|ALL\n');
  });

  test("an archived lead of a list outside the caller's group's campaigns: ARCHIVED LEAD NOT FOUND, whatever api_list_restrict says", async () => {
    expectVicidialAnswer(await api('lead_dearchive', 'lead_id=72', '6676'), 'ERROR: lead_dearchive ARCHIVED LEAD NOT FOUND: 6676|72||\n');
    expect(await gateway().core.getArchivedLead(72)).not.toBeNull();
  });

  test('SUCCESS: the lead back among the leads as it was, gone from the archive; asked again, not found', async () => {
    expectVicidialAnswer(await api('lead_dearchive', 'lead_id=74'), 'SUCCESS: lead_dearchive LEAD DE-ARCHIVED: 6666|74|1|1\n');
    expect(await gateway().core.getArchivedLead(74)).toBeNull();
    expect(await gateway().core.getLead(74)).toMatchObject({ id: 74, listId: 102, phoneNumber: '3125550074', firstName: 'Back', status: 'NEW' });
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=74&field_name=first_name'), 'Back');
    expectVicidialAnswer(await api('lead_dearchive', 'lead_id=74'), 'ERROR: lead_dearchive ARCHIVED LEAD NOT FOUND: 6666|74||\n');
  });

  test('a restricted caller brings back a lead of its own lists; its values and archived callbacks stay where they are', async () => {
    expectVicidialAnswer(await api('lead_dearchive', 'lead_id=73', '6676'), 'SUCCESS: lead_dearchive LEAD DE-ARCHIVED: 6676|73|1|1\n');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=73&field_name=favorite_color&custom_fields=Y'), 'teal');
    expect((await api('lead_callback_info', 'lead_id=73&search_location=ARCHIVE')).text).toMatch(/^73\|ARCHIVE\|USERONLY\|/);
  });

  test('a lead of that number among the leads too: NON-ARCHIVED LEAD FOUND with the archived lead\'s list, nothing moved', async () => {
    // Only a lead copied by hand can be in both: new leads are numbered after archived ones.
    await gateway().query("INSERT INTO leads SELECT * FROM archived_leads WHERE id = 71");
    await gateway().query("UPDATE leads SET list_id = 102, first_name = 'Twin' WHERE id = 71");
    expectVicidialAnswer(await api('lead_dearchive', 'lead_id=71'), 'ERROR: lead_dearchive NON-ARCHIVED LEAD FOUND: 6666|71|101\n');
    expect((await gateway().core.getLead(71))?.firstName).toBe('Twin');
    expect((await gateway().core.getArchivedLead(71))?.firstName).toBe('Archie');
  });
});
