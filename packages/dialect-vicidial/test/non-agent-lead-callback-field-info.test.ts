import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent lead_field_info and lead_callback_info: every response line and
// export format, over leads and callbacks in Postgres (lists 101 and 102 of
// TESTCAMP, 300 of OTHERDNC, 555 defined nowhere; 6676 restricted to
// TESTCAMP's lists, 6677 restricted in a group that does not exist).

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: {
      ...NON_AGENT_PROVISIONING,
      leads: [
        { id: 90, listId: 101, phoneNumber: '3125550090', vendorLeadCode: 'VEN-90', firstName: 'Ninety', lastName: "O'Hara", dateOfBirth: '1975-06-07', rank: 3 },
        { id: 91, listId: 300, phoneNumber: '3125550091', status: 'SALE' },
        { id: 92, listId: 555, phoneNumber: '3125550092' },
        { id: 93, listId: 101, phoneNumber: '3125550093' },
        { id: 94, listId: 102, phoneNumber: '3125550094' },
      ],
    },
  },
});

const api = (fn: string, query: string, user = '6666') => nonAgentGet(gateway(), `source=test&function=${fn}&user=${user}&pass=1234&${query}`);

describe('lead_field_info', () => {
  test.each(['6675', '6667'])('without modify_leads 1-4 or API access (%s): no permission', async (user) => {
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=first_name', user), `ERROR: lead_field_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO: |${user}|0|\n`);
  });

  test('no lead number, one over 11 digits, or no field name: INVALID SEARCH PARAMETERS', async () => {
    expectVicidialAnswer(await api('lead_field_info', 'field_name=first_name'), 'ERROR: lead_field_info INVALID SEARCH PARAMETERS: 6666||first_name\n');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=123456789012&field_name=first_name'), 'ERROR: lead_field_info INVALID SEARCH PARAMETERS: 6666|123456789012|first_name\n');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=%28%29'), 'ERROR: lead_field_info INVALID SEARCH PARAMETERS: 6666|90|\n');
  });

  test('the value alone, without a newline', async () => {
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=first_name'), 'Ninety');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=last_name'), "O'Hara");
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=date_of_birth'), '1975-06-07');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=phone_number'), '3125550090');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=rank'), '3');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=lead_id'), '90');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=called_since_last_reset'), 'N');
  });

  test('an empty field: an empty answer; the entry date in the server time', async () => {
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=email'), '');
    expect((await api('lead_field_info', 'lead_id=90&field_name=entry_date')).text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  test('column names in any case; of several columns, the first', async () => {
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=VENDOR_LEAD_CODE'), 'VEN-90');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=last_name,+first_name'), "O'Hara");
  });

  test('not a column of the lead table, or custom_fields=Y (no custom fields are kept): LIST FIELD NOT FOUND', async () => {
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=password'), 'ERROR: lead_field_info LIST FIELD NOT FOUND: 6666|90\n');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=first_name,nothing'), 'ERROR: lead_field_info LIST FIELD NOT FOUND: 6666|90\n');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=first_name&custom_fields=Y'), 'ERROR: lead_field_info LIST FIELD NOT FOUND: 6666|90\n');
  });

  test('no such lead, or archived_lead=Y of a lead not archived: LEAD NOT FOUND', async () => {
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=99999&field_name=first_name'), 'ERROR: lead_field_info LEAD NOT FOUND: 6666|99999\n');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=first_name&archived_lead=Y'), 'ERROR: lead_field_info LEAD NOT FOUND: 6666|90\n');
  });

  test("a list not defined, or of a campaign the caller's group does not allow: LIST NOT FOUND", async () => {
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=92&field_name=phone_number'), 'ERROR: lead_field_info LIST NOT FOUND: 6666|92|555\n');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=91&field_name=status', '6676'), 'ERROR: lead_field_info LIST NOT FOUND: 6676|91|300\n');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=91&field_name=status'), 'SALE');
    expectVicidialAnswer(await api('lead_field_info', 'lead_id=90&field_name=first_name', '6676'), 'Ninety');
  });
});

describe('lead_callback_info', () => {
  const HEADER = 'lead_id|callback_type|recipient|callback_status|lead_status|callback_date|entry_date|user|list_id|campaign_id|user_group|customer_timezone|customer_time|comments';
  const DATE = '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}';

  beforeAll(async () => {
    const update = (query: string) => api('update_lead', query);
    expect((await update('lead_id=93&callback=Y&campaign_id=TESTCAMP&callback_datetime=2030-01-02+10:00:00&callback_type=USERONLY&callback_user=1006&callback_comments=after+lunch')).text).toContain('CALLBACK ADDED');
    expect((await update('lead_id=94&callback=Y&campaign_id=TESTCAMP&callback_datetime=2030-03-04+09:30:00&callback_status=CBX2')).text).toContain('CALLBACK ADDED');
    expect((await update('lead_id=91&callback=Y&campaign_id=OTHERDNC&callback_datetime=2030-05-06+08:00:00')).text).toContain('CALLBACK ADDED');
  });

  test.each(['6675', '6667'])('without view_reports or API access (%s): no permission', async (user) => {
    expectVicidialAnswer(await api('lead_callback_info', 'lead_id=93', user), `ERROR: lead_callback_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO: |${user}|0|\n`);
  });

  test('no lead number, or one over 11 digits: INVALID SEARCH PARAMETERS', async () => {
    expectVicidialAnswer(await api('lead_callback_info', 'lead_id='), 'ERROR: lead_callback_info INVALID SEARCH PARAMETERS: 6666|\n');
    expectVicidialAnswer(await api('lead_callback_info', 'lead_id=123456789012'), 'ERROR: lead_callback_info INVALID SEARCH PARAMETERS: 6666|123456789012\n');
  });

  test('the callback of a lead, pipe-separated by default: its agent and its agent group', async () => {
    const response = await api('lead_callback_info', 'lead_id=93');
    expectVicidialAnswer(response, response.text);
    expect(response.text).toMatch(new RegExp(`^93\\|CURRENT\\|USERONLY\\|ACTIVE\\|CALLBK\\|2030-01-02 10:00:00\\|${DATE}\\|1006\\|101\\|TESTCAMP\\|AGENTS\\|\\|\\|after lunch\\n$`));
  });

  test('ANYONE: a callback of no agent, so of no agent group', async () => {
    expect((await api('lead_callback_info', 'lead_id=94')).text).toMatch(new RegExp(`^94\\|CURRENT\\|ANYONE\\|ACTIVE\\|CBX2\\|2030-03-04 09:30:00\\|${DATE}\\|\\|102\\|TESTCAMP\\|\\|\\|\\|\\n$`));
  });

  test.each([
    ['csv', ','],
    ['tab', '\t'],
    ['newline', '\n'],
    ['pipe', '|'],
  ])('stage=%s with header=YES', async (stage, separator) => {
    const text = (await api('lead_callback_info', `lead_id=94&stage=${stage}&header=YES`)).text;
    const [header, ...row] = text.split('\n');
    if (stage === 'newline') {
      expect(text.startsWith(`${HEADER.split('|').join('\n')}\n94\nCURRENT\nANYONE\n`)).toBe(true);
      return;
    }
    expect(header).toBe(HEADER.split('|').join(separator));
    expect(row.join('\n')).toMatch(new RegExp(`^94\\${separator}CURRENT\\${separator}ANYONE\\${separator}`));
  });

  test('a lead with no callback, ARCHIVE of a lead with no archived callback, or a location not known: CALLBACK NOT FOUND, the stage as used', async () => {
    expectVicidialAnswer(await api('lead_callback_info', 'lead_id=90'), 'ERROR: lead_callback_info CALLBACK NOT FOUND: 6666|90|pipe|\n');
    expectVicidialAnswer(await api('lead_callback_info', 'lead_id=90&stage=csv&header=YES'), 'ERROR: lead_callback_info CALLBACK NOT FOUND: 6666|90|csv|\n');
    expectVicidialAnswer(await api('lead_callback_info', 'lead_id=93&search_location=ARCHIVE&stage=xml'), 'ERROR: lead_callback_info CALLBACK NOT FOUND: 6666|93|pipe|ARCHIVE\n');
    expectVicidialAnswer(await api('lead_callback_info', 'lead_id=93&search_location=ELSEWHERE'), 'ERROR: lead_callback_info CALLBACK NOT FOUND: 6666|93|pipe|ELSEWHERE\n');
  });

  test('ALL and CURRENT read the waiting callbacks; a header other than YES or NO prints nothing, as VICIdial', async () => {
    expect((await api('lead_callback_info', 'lead_id=93&search_location=ALL&header=NO')).text).toMatch(/^93\|CURRENT\|USERONLY\|/);
    expect((await api('lead_callback_info', 'lead_id=93&search_location=CURRENT')).text).toMatch(/^93\|CURRENT\|USERONLY\|/);
    expectVicidialAnswer(await api('lead_callback_info', 'lead_id=93&header=Y'), 'ERROR: lead_callback_info CALLBACK NOT FOUND: 6666|93|pipe|\n');
  });

  test("api_list_restrict: a callback of a list the caller's group does not allow, or a group that does not exist: LEAD NOT FOUND", async () => {
    expectVicidialAnswer(await api('lead_callback_info', 'lead_id=91', '6676'), 'ERROR: lead_callback_info LEAD NOT FOUND: |6676|1|\n');
    expectVicidialAnswer(await api('lead_callback_info', 'lead_id=93', '6677'), 'ERROR: lead_callback_info LEAD NOT FOUND: |6677|1|\n');
    expect((await api('lead_callback_info', 'lead_id=93', '6676')).text).toMatch(/^93\|CURRENT\|/);
    expect((await api('lead_callback_info', 'lead_id=91')).text).toMatch(/^91\|CURRENT\|ANYONE\|ACTIVE\|CALLBK\|2030-05-06 08:00:00\|.*\|\|300\|OTHERDNC\|\|\|\|\n$/);
  });
});
