import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent update_lead (spec §4.2): the search methods and locations,
// no_update, insert_if_not_found, field changes, every line; leads in Postgres.

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: {
      ...NON_AGENT_PROVISIONING,
      leads: [
        { id: 50, listId: 101, phoneNumber: '3125550050', vendorLeadCode: 'VEN-50', firstName: 'Fifty', city: 'Chicago' },
        { id: 51, listId: 102, phoneNumber: '3125550051', vendorLeadCode: 'VEN-SHARED' },
        { id: 52, listId: 300, phoneNumber: '3125550051', vendorLeadCode: 'VEN-SHARED' },
      ],
    },
  },
});

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=update_lead&${query}`);

test.each(['6675', '6667'])('no permission (%s)', async (user) => {
  expectVicidialAnswer(await api('lead_id=50&first_name=X', user), `ERROR: update_lead USER DOES NOT HAVE PERMISSION TO UPDATE LEADS IN THE SYSTEM: |${user}|0|\n`);
});

test('no key for the search method', async () => {
  expectVicidialAnswer(await api('first_name=X'), 'ERROR: update_lead NO VALID SEARCH METHOD - 6666|LEAD_ID|||\n');
  expectVicidialAnswer(await api('search_method=VENDOR_LEAD_CODE&lead_id=50&phone_number=3125550050'), 'ERROR: update_lead NO VALID SEARCH METHOD - 6666|VENDOR_LEAD_CODE|50||3125550050\n');
});

test('nothing found: NO MATCHES FOUND', async () => {
  expectVicidialAnswer(await api('lead_id=99999&first_name=X'), 'ERROR: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|99999||\n');
  // In list 102 there is no lead 50.
  expectVicidialAnswer(await api('lead_id=50&search_location=LIST&list_id=102&first_name=X'), 'ERROR: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|50||\n');
});

test('no_update=Y: one line, for the lead number asked (else the newest found), with the first lead\'s lists', async () => {
  expectVicidialAnswer(
    await api('search_method=VENDOR_LEAD_CODE&vendor_lead_code=VEN-SHARED&records=5&no_update=Y'),
    'NOTICE: update_lead LEADS FOUND IN THE SYSTEM: |6666|52|VEN-SHARED||300|300\n',
  );
  expectVicidialAnswer(await api('lead_id=50&no_update=Y'), 'NOTICE: update_lead LEADS FOUND IN THE SYSTEM: |6666|50|||101|101\n');
  expectVicidialAnswer(await api('search_method=PHONE_NUMBER&phone_number=3125550051&no_update=Y'), 'NOTICE: update_lead LEADS FOUND IN THE SYSTEM: |6666|52||3125550051|300|300\n');
  // CAMPAIGN: the lists of list 101's campaign (TESTCAMP: 101, 102).
  expectVicidialAnswer(
    await api('search_method=PHONE_NUMBER&phone_number=3125550051&search_location=CAMPAIGN&list_id=101&records=9&no_update=Y'),
    'NOTICE: update_lead LEADS FOUND IN THE SYSTEM: |6666|51||3125550051|102|102\n',
  );
  // A restricted caller searches the lists of its group's campaigns only.
  expectVicidialAnswer(
    await api('search_method=VENDOR_LEAD_CODE&vendor_lead_code=VEN-SHARED&records=5&no_update=Y', '6676'),
    'NOTICE: update_lead LEADS FOUND IN THE SYSTEM: |6676|51|VEN-SHARED||102|102\n',
  );
});

test('the fields given change, --BLANK-- empties one; one line per lead, the newest first', async () => {
  expectVicidialAnswer(await api('lead_id=50&first_name=Fiftyone&city=--BLANK--&status=SALE&comments=called+%22back%22'), 'SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|50|1|||\n');
  expect(await gateway().core.getLead(50)).toMatchObject({ firstName: 'Fiftyone', city: '', status: 'SALE', comments: 'called "back"', vendorLeadCode: 'VEN-50', phoneNumber: '3125550050' });
  expectVicidialAnswer(
    await api('search_method=VENDOR_LEAD_CODE&vendor_lead_code=VEN-SHARED&records=2&owner=team7'),
    'SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|52|1|||\nSUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|51|1|||\n',
  );
  expect((await gateway().core.getLead(52))?.owner).toBe('team7');
});

test('insert_if_not_found=Y: a NOTICE, then the lead added, or the data refused', async () => {
  const response = await api('search_method=PHONE_NUMBER&phone_number=3125550099&insert_if_not_found=Y&list_id=101&phone_code=1&first_name=New');
  const match = /^NOTICE: update_lead NO MATCHES FOUND IN THE SYSTEM: \|6666\|\|\|3125550099\nSUCCESS: update_lead LEAD HAS BEEN ADDED - 3125550099\|101\|(\d+)\|0\.00\|6666\n$/.exec(response.text);
  expect({ body: response.text, matched: match !== null }).toEqual({ body: response.text, matched: true });
  expectVicidialAnswer(response, response.text);
  expect(await gateway().core.getLead(Number(match![1]))).toMatchObject({ listId: 101, phoneNumber: '3125550099', firstName: 'New', status: 'NEW', user: '6666' });
  expectVicidialAnswer(
    await api('search_method=PHONE_NUMBER&phone_number=3125550098&insert_if_not_found=Y&phone_code=1'),
    'NOTICE: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|||3125550098\nERROR: update_lead INVALID DATA FOR LEAD INSERTION - 6666|3125550098|1||Y\n',
  );
});

test('values beyond their columns are kept as VICIdial\'s non-strict MySQL keeps them: SUCCESS, 1 row; the same values again: 0 rows', async () => {
  const query = 'lead_id=50&first_name=Changed&status=TOOLONGSTATUS&state=California&rank=99999&date_of_birth=2024-02-30&owner=ownerwithaverylongname1';
  expectVicidialAnswer(await api(query), 'SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|50|1|||\n');
  expect(await gateway().core.getLead(50)).toMatchObject({ firstName: 'Changed', status: 'TOOLON', state: 'Ca', rank: 32767, dateOfBirth: null, owner: 'ownerwithaverylongna' });
  // Cut to what the lead holds already: MySQL counts no row changed.
  expectVicidialAnswer(await api(query), 'SUCCESS: update_lead LEAD HAS BEEN UPDATED - 6666|50|0|||\n');
});

test('insert_if_not_found=Y: a new lead keeps its values as the columns do, its list number at the column\'s end; the line echoes them as sent', async () => {
  const response = await api('search_method=PHONE_NUMBER&phone_number=3125550097&insert_if_not_found=Y&phone_code=1&list_id=99999999999999999999&state=California&rank=99999');
  const match = /SUCCESS: update_lead LEAD HAS BEEN ADDED - 3125550097\|99999999999999999999\|(\d+)\|/.exec(response.text);
  expectVicidialAnswer(response, `NOTICE: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|||3125550097\nSUCCESS: update_lead LEAD HAS BEEN ADDED - 3125550097|99999999999999999999|${match?.[1]}|0.00|6666\n`);
  expect(await gateway().core.getLead(Number(match![1]))).toMatchObject({ listId: Number.MAX_SAFE_INTEGER, state: 'Ca', rank: 32767 });
});

test('a callback status and comments beyond their columns: cut as VICIdial\'s non-strict MySQL cuts them, echoed as sent', async () => {
  expectVicidialAnswer(
    await api('lead_id=51&callback=Y&campaign_id=TESTCAMP&callback_datetime=2030-01-02+10:00:00&callback_status=TOOLONGSTATUS'),
    'NOTICE: update_lead SCHEDULED CALLBACK ADDED - 51|TESTCAMP|2030-01-02 10:00:00|ANYONE||TOOLONGSTATUS\n',
  );
  expect(await gateway().core.callbacksOfLead(51)).toMatchObject([{ status: 'TOOLON' }]);
  expectVicidialAnswer(
    await api(`lead_id=51&callback=Y&callback_status=LONGERSTATUS&callback_comments=${'y'.repeat(300)}`),
    'NOTICE: update_lead SCHEDULED CALLBACK UPDATED - 51|||||LONGERSTATUS\n',
  );
  expect(await gateway().core.callbacksOfLead(51)).toMatchObject([{ status: 'LONGER', comments: 'y'.repeat(255) }]);
});
