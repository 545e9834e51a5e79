import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent lead_all_info and lead_search: every response line and export
// format, over leads in Postgres (lists 101 and 102 of TESTCAMP, 300 of
// OTHERDNC, 555 defined nowhere).

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: {
      ...NON_AGENT_PROVISIONING,
      leads: [
        { id: 60, listId: 101, phoneNumber: '3125550060', vendorLeadCode: 'VEN-60', firstName: 'Sixty', lastName: "O'Neil", city: 'Chicago', dateOfBirth: '1980-02-03', rank: 5, owner: 'team1', comments: 'a,b' },
        { id: 61, listId: 102, phoneNumber: '3125550061', vendorLeadCode: 'VEN-SHARE' },
        { id: 62, listId: 300, phoneNumber: '3125550061', vendorLeadCode: 'VEN-SHARE', status: 'SALE' },
        { id: 63, listId: 555, phoneNumber: '3125550063' },
      ],
    },
  },
});

const api = (fn: string, query: string, user = '6666') => nonAgentGet(gateway(), `source=test&function=${fn}&user=${user}&pass=1234&${query}`);

const COLUMNS =
  'status|user|vendor_lead_code|source_id|list_id|gmt_offset_now|phone_code|phone_number|title|first_name|middle_initial|last_name|address1|address2|address3|city|state|province|postal_code|country_code|gender|date_of_birth|alt_phone|email|security_phrase|comments|called_count|last_local_call_time|rank|owner|entry_list_id|lead_id';
const LEAD_60 = ['NEW', '', 'VEN-60', '', '101', '0.00', '1', '3125550060', '', 'Sixty', '', "O'Neil", '', '', '', 'Chicago', '', '', '', '', 'U', '1980-02-03', '', '', '', 'a,b', '0', '', '5', 'team1', '101', '60'];
const plain = (id: number, list: number, status = 'NEW') =>
  [status, '', 'VEN-SHARE', '', String(list), '0.00', '1', '3125550061', '', '', '', '', '', '', '', '', '', '', '', '', 'U', '0000-00-00', '', '', '', '', '0', '', '0', '', String(list), String(id)].join('|');

describe('lead_all_info', () => {
  test.each(['6675', '6667', '6679'])('without view_reports, modify_leads 1-5 or API access (%s): no permission', async (user) => {
    expectVicidialAnswer(await api('lead_all_info', 'lead_id=60', user), `ERROR: lead_all_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO: |${user}|0|\n`);
  });

  test('neither a lead number nor a number of 6-19 digits, or no such lead: LEAD NOT FOUND', async () => {
    expectVicidialAnswer(await api('lead_all_info', 'phone_number=12345'), 'ERROR: lead_all_info LEAD NOT FOUND: 6666||12345\n');
    expectVicidialAnswer(await api('lead_all_info', 'lead_id=99999'), 'ERROR: lead_all_info LEAD NOT FOUND: 6666|99999|\n');
    expectVicidialAnswer(await api('lead_all_info', 'phone_number=3125559999'), 'ERROR: lead_all_info LEAD NOT FOUND: 6666||3125559999\n');
  });

  test('one lead, pipe-separated by default; a lead number wins over a phone number', async () => {
    expectVicidialAnswer(await api('lead_all_info', 'lead_id=60'), `${LEAD_60.join('|')}\n`);
    expectVicidialAnswer(await api('lead_all_info', 'lead_id=60&phone_number=3125550061&stage=pipe'), `${LEAD_60.join('|')}\n`);
  });

  test.each([
    ['csv', ','],
    ['tab', '\t'],
    ['newline', '\n'],
    ['xml', '|'],
  ])('stage=%s with header=YES', async (stage, separator) => {
    expectVicidialAnswer(await api('lead_all_info', `lead_id=60&stage=${stage}&header=YES`), `${COLUMNS.split('|').join(separator)}\n${LEAD_60.join(separator)}\n`);
  });

  test('by phone number: every lead of it, the newest first, each after its header', async () => {
    expectVicidialAnswer(await api('lead_all_info', 'phone_number=3125550061'), `${plain(62, 300, 'SALE')}\n${plain(61, 102)}\n`);
    expectVicidialAnswer(await api('lead_all_info', 'phone_number=3125550061&header=YES'), `${COLUMNS}\n${plain(62, 300, 'SALE')}\n${COLUMNS}\n${plain(61, 102)}\n`);
  });

  test("a list the caller's group may not see: left out, said first with api_list_restrict", async () => {
    expectVicidialAnswer(await api('lead_all_info', 'phone_number=3125550061', '6676'), `ERROR: lead_all_info LIST NOT FOUND: 6676||3125550061\n${plain(61, 102)}\n`);
    expectVicidialAnswer(await api('lead_all_info', 'lead_id=62', '6676'), 'ERROR: lead_all_info LIST NOT FOUND: 6676|62|\nERROR: lead_all_info LIST NOT FOUND: 6676|62||300\n');
  });

  test('a lead whose list is not defined: LIST NOT FOUND with that list', async () => {
    expectVicidialAnswer(await api('lead_all_info', 'lead_id=63'), 'ERROR: lead_all_info LIST NOT FOUND: 6666|63||555\n');
  });
});

describe('lead_search', () => {
  test.each(['6675', '6667'])('without modify_leads 1-5, level 8 or API access (%s): no permission', async (user) => {
    expectVicidialAnswer(await api('lead_search', 'phone_number=3125550060', user), `ERROR: lead_search USER DOES NOT HAVE PERMISSION TO SEARCH FOR LEADS: |${user}|0|\n`);
  });

  test('no key the method can use', async () => {
    expectVicidialAnswer(await api('lead_search', 'phone_number=12345'), 'ERROR: lead_search NO VALID SEARCH METHOD - 6666|PHONE_NUMBER|(0)|(0)|12345(0)\n');
    expectVicidialAnswer(await api('lead_search', 'search_method=VENDOR_LEAD_CODE&phone_number=3125550060'), 'ERROR: lead_search NO VALID SEARCH METHOD - 6666|VENDOR_LEAD_CODE|(0)|(0)|3125550060(0)\n');
  });

  test('nothing found', async () => {
    expectVicidialAnswer(await api('lead_search', 'phone_number=3125559999,4075551212'), 'ERROR: lead_search NO MATCHES FOUND IN THE SYSTEM: |6666|||3125559999,4075551212\n');
  });

  test('one line per number asked (shorter than 6 digits dropped), the leads newest first; header=YES', async () => {
    expectVicidialAnswer(await api('lead_search', 'phone_number=3125550061,3125550060,4075551212,123'), '3125550061|2|62-61\n3125550060|1|60\n4075551212|0|\n');
    expectVicidialAnswer(await api('lead_search', 'phone_number=3125550060&header=YES'), 'search_keyrecords_foundlead_ids\n3125550060|1|60\n');
  });

  test('records limits the leads found in all, the newest kept', async () => {
    expectVicidialAnswer(await api('lead_search', 'phone_number=3125550061,3125550060&records=1'), '3125550061|1|62\n3125550060|0|\n');
  });

  test('search_location LIST, or CAMPAIGN of list_id', async () => {
    expectVicidialAnswer(await api('lead_search', 'phone_number=3125550061&search_location=LIST&list_id=102'), '3125550061|1|61\n');
    expectVicidialAnswer(await api('lead_search', 'phone_number=3125550061,3125550060&search_location=CAMPAIGN&list_id=102'), '3125550061|1|61\n3125550060|1|60\n');
  });

  test('by vendor code', async () => {
    expectVicidialAnswer(await api('lead_search', 'search_method=VENDOR_LEAD_CODE&vendor_lead_code=VEN-SHARE,VEN-60'), 'VEN-SHARE|2|62-61\nVEN-60|1|60\n');
  });

  test('by lead number: found, but lines are printed for numbers and vendor codes only', async () => {
    expectVicidialAnswer(await api('lead_search', 'search_method=LEAD_ID&lead_id=60'), '');
    expectVicidialAnswer(await api('lead_search', 'search_method=LEAD_ID_PHONE_NUMBER&lead_id=60&phone_number=3125550060'), '3125550060|0|\n');
  });

  test("api_list_restrict: a list_id outside the group's campaigns, or a group that does not exist", async () => {
    expectVicidialAnswer(await api('lead_search', 'phone_number=3125550061&list_id=300', '6676'), 'ERROR: lead_search NOT AN ALLOWED LIST ID - 3125550061|300\n');
    expectVicidialAnswer(await api('lead_search', 'phone_number=3125550061&list_id=102&search_location=LIST', '6676'), '3125550061|1|61\n');
    expectVicidialAnswer(await api('lead_search', 'phone_number=3125550061&list_id=102', '6677'), 'ERROR: user_group DOES NOT EXIST: |6677|NOGROUP|\n');
  });
});
