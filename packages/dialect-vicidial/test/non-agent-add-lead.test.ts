import type { Lead } from '@pbx-gateway/core';
import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway, type WireResponse } from './support/vicidial-test-kit';

// Non-Agent add_lead (spec §4.1, §4.2): the per-function rules and every
// response line, with the leads stored in Postgres.

// Besides the demo's ten NANPA prefixes (loaded), an exchange of Chicago kept without daylight saving, so that its offset does not follow the date.
const CHICAGO_556 = { areaCode: '312', prefix: '556', gmtOffset: -6, dst: false, type: 'C', city: 'Chicago', state: 'IL' };
const gateway = sharedGateway({ overrides: { extraProvisioning: { ...NON_AGENT_PROVISIONING, nanpaPrefixes: [CHICAGO_556] } } });

const api = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=add_lead&${query}`);

/** The lead a SUCCESS line names, as stored. */
async function addedLead(response: WireResponse, expected: (leadId: string) => string): Promise<Lead> {
  const match = /^SUCCESS: add_lead LEAD HAS BEEN ADDED - [^|]*\|[^|]*\|(\d+)\|/.exec(response.text);
  expect({ body: response.text, matched: match !== null }).toEqual({ body: response.text, matched: true });
  expectVicidialAnswer(response, expected(match![1]!));
  return (await gateway().core.getLead(Number(match![1])))!;
}

describe('the rules every function passes (spec §4.1)', () => {
  test('a source shorter than 2: two lines', async () => {
    expectVicidialAnswer(await nonAgentGet(gateway(), 'source=x&user=6666&pass=1234&function=add_lead&phone_number=7275559000'), 'ERROR: Invalid Source - x\nERROR: Invalid Source: |x|\n');
  });

  test('a function outside the allow-list', async () => {
    expectVicidialAnswer(await api('phone_number=7275559000', '6668'), 'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |6668|add_lead|\n');
  });

  test.each([
    ['6675', 'modify_leads 0'],
    ['6667', 'no API access (vdc_agent_api_access 0)'],
  ])('no permission to add leads: %s (%s)', async (user) => {
    expectVicidialAnswer(await api('phone_number=7275559000', user), `ERROR: add_lead USER DOES NOT HAVE PERMISSION TO ADD LEADS TO THE SYSTEM: |${user}|0|\n`);
  });

  test('api_list_restrict with a group that does not exist', async () => {
    expectVicidialAnswer(await api('phone_number=7275559000&list_id=101', '6677'), 'ERROR: user_group DOES NOT EXIST: |6677|NOGROUP|\n');
  });
});

describe('add_lead refusals (spec §4.2)', () => {
  test("api_list_restrict: a list outside the group's campaigns, or not defined", async () => {
    expectVicidialAnswer(await api('phone_number=7275559000&list_id=300', '6676'), 'ERROR: add_lead NOT AN ALLOWED LIST ID - 7275559000|300\n');
    expectVicidialAnswer(await api('phone_number=7275559000&list_id=12345', '6676'), 'ERROR: add_lead NOT AN ALLOWED LIST ID - 7275559000|12345\n');
  });

  test('list_exists_check=Y and a list that is not defined', async () => {
    expectVicidialAnswer(await api('phone_number=7275559000&list_id=12345&list_exists_check=Y'), 'ERROR: add_lead NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED - 7275559000|12345\n');
  });

  test.each(['72755', '72755512121212121'])('a number of other than 6 to 16 digits: %s', async (number) => {
    expectVicidialAnswer(await api(`phone_number=${number}&list_id=101`), `ERROR: add_lead INVALID PHONE NUMBER LENGTH - ${number}|6666\n`);
  });

  test('the number keeps digits only', async () => {
    expectVicidialAnswer(await api('phone_number=72a7-5%2B5&list_id=101'), 'ERROR: add_lead INVALID PHONE NUMBER LENGTH - 72755|6666\n');
  });

  test('usacan_prefix_check=Y: a fourth digit of 0 or 1; usacan_areacode_check=Y: an area code the phone codes of country 1 do not hold (the demo set holds 213, 305, 602, 808)', async () => {
    expectVicidialAnswer(await api('phone_number=3051551234&list_id=101&usacan_prefix_check=Y'), 'ERROR: add_lead INVALID PHONE NUMBER PREFIX - 3051551234|6666\n');
    expectVicidialAnswer(await api('phone_number=7275551234&list_id=101&usacan_areacode_check=Y&usacan_prefix_check=Y'), 'ERROR: add_lead INVALID PHONE NUMBER AREACODE - 7275551234|6666\n');
    // The length is checked first; a known area code passes whatever the number's length.
    expectVicidialAnswer(await api('phone_number=72755&list_id=101&usacan_areacode_check=Y'), 'ERROR: add_lead INVALID PHONE NUMBER LENGTH - 72755|6666\n');
    expect((await api('phone_number=6025551&list_id=101&usacan_areacode_check=Y&usacan_prefix_check=Y')).text).toMatch(/^SUCCESS: add_lead LEAD HAS BEEN ADDED - 6025551\|101\|[0-9]+\|-7.00\|6666\n$/);
  });

  test('nanpa_ac_prefix_check=Y: an exchange the NANPA prefixes do not hold, after the area code check; no NOTICE while the data is loaded', async () => {
    expectVicidialAnswer(await api('phone_number=7275579003&list_id=101&nanpa_ac_prefix_check=Y'), 'ERROR: add_lead INVALID PHONE NUMBER NANPA AREACODE PREFIX - 7275579003|6666\n');
    expectVicidialAnswer(await api('phone_number=3125559003&list_id=101&nanpa_ac_prefix_check=Y&usacan_areacode_check=Y'), 'ERROR: add_lead INVALID PHONE NUMBER AREACODE - 3125559003|6666\n');
    expect((await api('phone_number=3125569003&list_id=101&nanpa_ac_prefix_check=Y')).text).toMatch(/^SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125569003\|101\|[0-9]+\|0.00\|6666\n$/);
  });

  test('tz_method naming NANPA: the offset of the number\'s exchange (the area code 312 has no phone code); an exchange not held: the area code\'s', async () => {
    const response = await api('phone_number=3125569004&list_id=101&tz_method=NANPA');
    expect(response.text).toMatch(/^SUCCESS: add_lead LEAD HAS BEEN ADDED - 3125569004\|101\|[0-9]+\|-6.00\|6666\n$/);
    const leadId = Number(/\|101\|(\d+)\|/.exec(response.text)![1]);
    expect((await gateway().core.getLead(leadId))?.gmtOffsetNow).toBe('-6.00');
    expect((await api('phone_number=6025579004&list_id=101&tz_method=nanpa')).text).toMatch(/^SUCCESS: add_lead LEAD HAS BEEN ADDED - 6025579004\|101\|[0-9]+\|-7.00\|6666\n$/);
  });

  test('dnc_check: the system list (Y or AREACODE)', async () => {
    expectVicidialAnswer(await api('phone_number=7275550000&list_id=101&dnc_check=Y'), 'ERROR: add_lead PHONE NUMBER IN DNC - 7275550000|6666\n');
    expectVicidialAnswer(await api('phone_number=7275550000&list_id=101&dnc_check=AREACODE'), 'ERROR: add_lead PHONE NUMBER IN DNC - 7275550000|6666\n');
  });

  test("campaign_dnc_check: the list's campaign's list (or the one it uses)", async () => {
    expectVicidialAnswer(await api('phone_number=7275550001&list_id=101&campaign_dnc_check=Y'), 'ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - 7275550001|TESTCAMP|6666\n');
    expectVicidialAnswer(await api('phone_number=7275550001&list_id=300&campaign_dnc_check=Y'), 'ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - 7275550001|OTHERDNC|6666\n');
  });

  test('a number on both lists: the system line only', async () => {
    expectVicidialAnswer(await api('phone_number=7275550002&list_id=101&dnc_check=Y&campaign_dnc_check=Y'), 'ERROR: add_lead PHONE NUMBER IN DNC - 7275550002|6666\n');
  });

  test('duplicate_check DUPLIST, DUPCAMP, DUPSYS name the earlier lead (and its list)', async () => {
    // The demo's lead 1 has 7275551212 in list 101 (TESTCAMP).
    expectVicidialAnswer(await api('phone_number=7275551212&list_id=101&duplicate_check=DUPLIST'), 'ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST - 7275551212|101|1\n');
    expectVicidialAnswer(await api('phone_number=7275551212&list_id=102&duplicate_check=DUPCAMP'), 'ERROR: add_lead DUPLICATE PHONE NUMBER IN CAMPAIGN LISTS - 7275551212|102|1|101\n');
    // Checked in turn: nothing in list 300, lead 1 elsewhere in the system.
    expectVicidialAnswer(await api('phone_number=7275551212&list_id=300&duplicate_check=DUPLIST-DUPSYS'), 'ERROR: add_lead DUPLICATE PHONE NUMBER IN SYSTEM - 7275551212|300|1|101\n');
    expectVicidialAnswer(await api('phone_number=7275551212&list_id=300&duplicate_check=DUPSYS'), 'ERROR: add_lead DUPLICATE PHONE NUMBER IN SYSTEM - 7275551212|300|1|101\n');
  });

  describe('the other duplicate checks: number or alternate, title and alternate, names and number', () => {
    // One earlier lead in list 101 (TESTCAMP; 102 is its other list, 300 another campaign's).
    let earlier: Lead;
    beforeAll(async () => {
      earlier = await addedLead(
        await api('phone_number=7275559301&alt_phone=7275559302&title=MR&first_name=Ann&last_name=Lee&list_id=101'),
        (id) => `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275559301|101|${id}|0.00|6666\n`,
      );
    });

    test('DUPPHONEALT<scope>: the number as the earlier lead\'s number (PHONE) or its alternate (ALT)', async () => {
      const id = earlier.id;
      expectVicidialAnswer(await api('phone_number=7275559301&list_id=101&duplicate_check=DUPPHONEALTLIST'), `ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST - 7275559301|101|${id}|PHONE\n`);
      expectVicidialAnswer(await api('phone_number=7275559302&list_id=101&duplicate_check=DUPPHONEALTLIST'), `ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST - 7275559302|101|${id}|ALT\n`);
      expectVicidialAnswer(await api('phone_number=7275559302&list_id=102&duplicate_check=DUPPHONEALTCAMP'), `ERROR: add_lead DUPLICATE PHONE NUMBER IN CAMPAIGN LISTS - 7275559302|102|${id}|101|ALT\n`);
      expectVicidialAnswer(await api('phone_number=7275559302&list_id=300&duplicate_check=DUPPHONEALTSYS'), `ERROR: add_lead DUPLICATE PHONE NUMBER IN SYSTEM - 7275559302|300|${id}|101|ALT\n`);
    });

    test('DUPTITLEALTPHONE<scope>: the same title and alternate number', async () => {
      const id = earlier.id;
      const asked = 'phone_number=7275559309&title=MR&alt_phone=7275559302';
      expectVicidialAnswer(await api(`${asked}&list_id=101&duplicate_check=DUPTITLEALTPHONELIST`), `ERROR: add_lead DUPLICATE TITLE ALT_PHONE IN LIST - MR|7275559302|101|${id}\n`);
      expectVicidialAnswer(await api(`${asked}&list_id=102&duplicate_check=DUPTITLEALTPHONECAMP`), `ERROR: add_lead DUPLICATE TITLE ALT_PHONE IN CAMPAIGN LISTS - MR|7275559302|102|${id}|101\n`);
      expectVicidialAnswer(await api(`${asked}&list_id=300&duplicate_check=DUPTITLEALTPHONESYS`), `ERROR: add_lead DUPLICATE TITLE ALT_PHONE IN SYSTEM - MR|7275559302|300|${id}|101\n`);
    });

    test('DUPNAMEPHONE<scope>: the same first and last names and number', async () => {
      const id = earlier.id;
      const asked = 'phone_number=7275559301&first_name=Ann&last_name=Lee';
      expectVicidialAnswer(await api(`${asked}&list_id=101&duplicate_check=DUPNAMEPHONELIST`), `ERROR: add_lead DUPLICATE NAME PHONE IN LIST - Ann|Lee|7275559301|101|${id}\n`);
      expectVicidialAnswer(await api(`${asked}&list_id=102&duplicate_check=DUPNAMEPHONECAMP`), `ERROR: add_lead DUPLICATE NAME PHONE IN CAMPAIGN LISTS - Ann|Lee|7275559301|102|${id}|101\n`);
      expectVicidialAnswer(await api(`${asked}&list_id=300&duplicate_check=DUPNAMEPHONESYS`), `ERROR: add_lead DUPLICATE NAME PHONE IN SYSTEM - Ann|Lee|7275559301|300|${id}|101\n`);
    });

    test('the flag in either case; checks in VICIdial\'s order; no match: the lead is added', async () => {
      const id = earlier.id;
      expectVicidialAnswer(await api('phone_number=7275559302&list_id=101&duplicate_check=dupphonealtlist'), `ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST - 7275559302|101|${id}|ALT\n`);
      // The number check comes before the names check, whatever the flag's order.
      expectVicidialAnswer(
        await api('phone_number=7275559301&first_name=Ann&last_name=Lee&list_id=101&duplicate_check=DUPNAMEPHONELIST-DUPLIST'),
        `ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST - 7275559301|101|${id}\n`,
      );
      await addedLead(await api('phone_number=7275559301&first_name=Bob&last_name=Lee&title=MS&alt_phone=7275559302&list_id=300&duplicate_check=DUPNAMEPHONESYS-DUPTITLEALTPHONESYS'), (added) => `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275559301|300|${added}|0.00|6666\n`);
    });
  });

});

describe('SUCCESS: add_lead LEAD HAS BEEN ADDED', () => {
  test('values beyond their columns are kept as VICIdial\'s non-strict MySQL keeps them; the line echoes them as sent', async () => {
    const lead = await addedLead(
      await api('phone_number=7275559001&list_id=101&date_of_birth=2024-13-45&state=California&title=Doctor&rank=99999&first_name=Bartholomew+Alexander+Montgomery'),
      (id) => `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275559001|101|${id}|0.00|6666\n`,
    );
    expect(lead).toMatchObject({ listId: 101, dateOfBirth: null, state: 'Ca', title: 'Doct', rank: 32767, firstName: 'Bartholomew Alexander Montgome' });
    const low = await addedLead(await api('phone_number=7275559002&list_id=101&rank=99999999999999999999999999&date_of_birth=1970-2-3'), (id) => `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275559002|101|${id}|0.00|6666\n`);
    // The rank filter keeps digits only: no number below the column's start reaches it.
    expect(low).toMatchObject({ rank: 32767, dateOfBirth: '1970-02-03' });
  });

  test('a list number beyond the list column: kept at its end, echoed as sent', async () => {
    const lead = await addedLead(await api('phone_number=7275559003&list_id=99999999999999999999'), (id) => `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275559003|99999999999999999999|${id}|0.00|6666\n`);
    expect(lead.listId).toBe(Number.MAX_SAFE_INTEGER);
  });

  test('defaults: list 999 (no definition needed), phone code 1, gender U, rank 0, NEW, user = the API user', async () => {
    const lead = await addedLead(await api('phone_number=7275559100&first_name=Ann'), (id) => `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275559100|999|${id}|0.00|6666\n`);
    expect(lead).toMatchObject({ listId: 999, entryListId: 999, phoneCode: '1', phoneNumber: '7275559100', firstName: 'Ann', gender: 'U', rank: 0, status: 'NEW', user: '6666' });
  });

  test('every lead field, through its filter', async () => {
    const query =
      'phone_number=7275559101&phone_code=44&list_id=101&vendor_lead_code=V-1&source_id=src&title=Mr&first_name=Bob&middle_initial=J&last_name=Smith' +
      '&address1=1+Main+St&city=Tampa&state=FL&postal_code=33601&country_code=USA&gender=M&date_of_birth=1970-01-02&alt_phone=555&email=b%40x.org' +
      '&security_phrase=sp&comments=hi+%22there%22&rank=5&owner=own';
    const lead = await addedLead(await api(query), (id) => `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275559101|101|${id}|0.00|6666\n`);
    expect(lead).toMatchObject({
      listId: 101,
      phoneCode: '44',
      vendorLeadCode: 'V-1',
      sourceId: 'src',
      title: 'Mr',
      firstName: 'Bob',
      middleInitial: 'J',
      lastName: 'Smith',
      address1: '1 Main St',
      city: 'Tampa',
      state: 'FL',
      postalCode: '33601',
      countryCode: 'USA',
      gender: 'M',
      dateOfBirth: '1970-01-02',
      altPhone: '555',
      email: 'b@x.org',
      securityPhrase: 'sp',
      comments: 'hi "there"',
      rank: 5,
      owner: 'own',
    });
  });

  test('checks that pass add the lead; a restricted user adds to its own lists', async () => {
    const first = await addedLead(
      await api('phone_number=7275559102&list_id=101&dnc_check=Y&campaign_dnc_check=Y&duplicate_check=DUPLIST', '6676'),
      (id) => `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275559102|101|${id}|0.00|6676\n`,
    );
    expect(first.user).toBe('6676');
    // The same number again is a duplicate in that list, but not in another campaign's.
    expectVicidialAnswer(await api('phone_number=7275559102&list_id=101&duplicate_check=DUPLIST'), `ERROR: add_lead DUPLICATE PHONE NUMBER IN LIST - 7275559102|101|${first.id}\n`);
    await addedLead(await api('phone_number=7275559102&list_id=300&duplicate_check=DUPCAMP30DAY'), (id) => `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275559102|300|${id}|0.00|6666\n`);
  });
});

describe('add_lead callbacks (callback=Y)', () => {
  const leadIdOf = (text: string): number => Number(/^SUCCESS: add_lead LEAD HAS BEEN ADDED - [^|]*\|[^|]*\|(\d+)\|/.exec(text)![1]);

  test('SCHEDULED CALLBACK ADDED: the lead held (CBHOLD), the callback stored for its campaign', async () => {
    const response = await api(
      'phone_number=7275559200&list_id=101&callback=Y&callback_status=CALLBK&callback_datetime=2030-01-02+10:00:00&callback_type=USERONLY&callback_user=1000&callback_comments=call+me',
    );
    const id = leadIdOf(response.text);
    expectVicidialAnswer(response, `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275559200|101|${id}|0.00|6666\nNOTICE: add_lead SCHEDULED CALLBACK ADDED - ${id}|TESTCAMP|2030-01-02 10:00:00|USERONLY|1000|CALLBK\n`);
    expect((await gateway().core.getLead(id))?.status).toBe('CBHOLD');
    expect(await gateway().core.callbacksOfLead(id)).toMatchObject([
      { leadId: id, listId: 101, campaignId: 'TESTCAMP', state: 'ACTIVE', status: 'CALLBK', callbackAt: new Date('2030-01-02T10:00:00Z'), recipient: 'USERONLY', agentId: '1000', comments: 'call me' },
    ]);
  });

  test('<n>DAYS from now, for anyone, scheduled by the API user', async () => {
    const response = await api('phone_number=7275559201&list_id=101&callback=Y&callback_datetime=2DAYS');
    const id = leadIdOf(response.text);
    const [callback] = await gateway().core.callbacksOfLead(id);
    const lead = await gateway().core.getLead(id);
    const local = callback!.callbackAt.toISOString().slice(0, 19).replace('T', ' ');
    expectVicidialAnswer(response, `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275559201|101|${id}|0.00|6666\nNOTICE: add_lead SCHEDULED CALLBACK ADDED - ${id}|TESTCAMP|${local}|ANYONE|6666|CALLBK\n`);
    // Two days after the request, which the lead's entry follows.
    const ahead = callback!.callbackAt.getTime() - lead!.entryDate.getTime();
    expect(ahead).toBeLessThanOrEqual(2 * 86_400_000);
    expect(ahead).toBeGreaterThan(2 * 86_400_000 - 60_000);
    expect(callback).toMatchObject({ recipient: 'ANYONE', agentId: '6666' });
  });

  test('NOT ADDED, CAMPAIGN NOT VALID: a list without a campaign; the lead stays NEW', async () => {
    const response = await api('phone_number=7275559202&list_id=999&callback=Y&callback_datetime=NOW');
    const id = leadIdOf(response.text);
    expectVicidialAnswer(response, `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275559202|999|${id}|0.00|6666\nNOTICE: add_lead SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID - ${id}|\n`);
    expect((await gateway().core.getLead(id))?.status).toBe('NEW');
    expect(await gateway().core.callbacksOfLead(id)).toEqual([]);
  });

  test('NOT ADDED, USER NOT VALID: USERONLY for a user that does not exist', async () => {
    const response = await api('phone_number=7275559203&list_id=101&callback=Y&callback_type=USERONLY&callback_user=9999');
    const id = leadIdOf(response.text);
    expectVicidialAnswer(response, `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275559203|101|${id}|0.00|6666\nNOTICE: add_lead SCHEDULED CALLBACK NOT ADDED, USER NOT VALID - ${id}|TESTCAMP|9999|USERONLY\n`);
    expect(await gateway().core.callbacksOfLead(id)).toEqual([]);
  });

  test('a callback status and comments beyond their columns: cut as VICIdial\'s non-strict MySQL cuts them, echoed as sent', async () => {
    const response = await api(`phone_number=7275559204&list_id=101&callback=Y&callback_status=TOOLONGSTATUS&callback_datetime=2030-01-02+10:00:00&callback_comments=${'x'.repeat(300)}`);
    const id = leadIdOf(response.text);
    expectVicidialAnswer(response, `SUCCESS: add_lead LEAD HAS BEEN ADDED - 7275559204|101|${id}|0.00|6666\nNOTICE: add_lead SCHEDULED CALLBACK ADDED - ${id}|TESTCAMP|2030-01-02 10:00:00|ANYONE|6666|TOOLONGSTATUS\n`);
    expect(await gateway().core.callbacksOfLead(id)).toMatchObject([{ status: 'TOOLON', comments: 'x'.repeat(255) }]);
  });
});
