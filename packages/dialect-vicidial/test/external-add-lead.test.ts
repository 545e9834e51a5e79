import type { Lead } from '@pbx-gateway/core';
import { DIALER_PROVISIONING } from './support/dialer-provisioning';
import { AUTH, agentGet, agentPost, expectVicidialAnswer, sharedGateway, type WireResponse } from './support/vicidial-test-kit';

// external_add_lead (seed 002, spec §3.2): every response line, the input
// filters of every lead field, and what is stored, in Postgres.

const gateway = sharedGateway({ overrides: { extraProvisioning: DIALER_PROVISIONING } });

const api = (query: string) => agentGet(gateway(), `${AUTH}&function=external_add_lead&${query}`);
const LINK = `\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`;

/** The lead a SUCCESS line names, as stored. */
async function addedLead(response: WireResponse, expected: (leadId: string) => string): Promise<Lead> {
  const match = /^SUCCESS: lead added - [^|]*\|[^|]*\|[^|]*\|(\d+)\|/.exec(response.text);
  expect(match).not.toBeNull();
  expectVicidialAnswer(response, expected(match![1]!));
  const lead = await gateway().core.getLead(Number(match![1]));
  expect(lead).not.toBeNull();
  return lead!;
}

describe('SUCCESS: lead added', () => {
  test("seed example: a NEW lead in the manual-dial list of the agent's campaign, user = the API user", async () => {
    const response = await api('agent_user=1000&phone_number=7275551212&phone_code=1&first_name=Bob&last_name=Smith=NO&dnc_check=YES');
    const lead = await addedLead(response, (id) => `SUCCESS: lead added - 7275551212|TESTCAMP|101|${id}|1000\n`);
    expect(lead).toMatchObject({
      listId: 101,
      entryListId: 101,
      status: 'NEW',
      user: '6666',
      phoneCode: '1',
      phoneNumber: '7275551212',
      firstName: 'Bob',
      // The seed's `last_name=Smith=NO` loses its `=` to the filter.
      lastName: 'SmithNO',
      gender: 'U',
      rank: 0,
      calledCount: 0,
    });
    // Numbered after the demo's provisioned leads.
    expect(lead.id).toBeGreaterThan(3);
  });

  test("the lead keeps its number's GMT offset, looked up in the phone codes (602: Arizona, no daylight saving), not the one given", async () => {
    const response = await api('agent_user=1000&value=6025557777&phone_code=1&gmt_offset_now=-5.00');
    const lead = await addedLead(response, (id) => `SUCCESS: lead added - 6025557777|TESTCAMP|101|${id}|1000\n`);
    expect(lead.gmtOffsetNow).toBe('-7.00');
  });

  test('value is the number when given; phone_number otherwise', async () => {
    const response = await api('agent_user=1000&value=7275557777&phone_number=7275558888&phone_code=44');
    const lead = await addedLead(response, (id) => `SUCCESS: lead added - 7275557777|TESTCAMP|101|${id}|1000\n`);
    expect(lead).toMatchObject({ phoneNumber: '7275557777', phoneCode: '44' });
  });

  test('lead numbers follow each other', async () => {
    const first = /\|(\d+)\|1000\n$/.exec((await api('agent_user=1000&phone_number=7275550101&phone_code=1')).text);
    const second = /\|(\d+)\|1000\n$/.exec((await api('agent_user=1000&phone_number=7275550102&phone_code=1')).text);
    expect(Number(second![1])).toBe(Number(first![1]) + 1);
  });

  test('every lead field, through its filter (spec §1.3), stored as given', async () => {
    const fields = [
      'phone_code=%2B1X',
      'phone_number=727-555-1000',
      'title=Mr.%3C',
      'first_name=Bob%2BBy!',
      'middle_initial=Q.',
      "last_name=O'Neil-Smith_2",
      'address1=1+Main+St,+%234',
      'address2=c/o:+x@y',
      'address3=Suite+(5)',
      'city=St.+Louis!',
      'state=FL;',
      'province=Ont%2Bario',
      'postal_code=33601-12*',
      'country_code=US1',
      'gender=M',
      'date_of_birth=1970-01-31x',
      'alt_phone=727%23555',
      'email=bob%25x@example.com%3C',
      'security_phrase=pass:word/1',
      'comments=He+said+%22hi%22;+it%27s+ok+%23+yes',
      'source_id=src%271%22',
      'vendor_lead_code=V%22123',
      'rank=1a2',
      'owner=o@wner%23',
      'gmt_offset_now=-5.00',
    ];
    const response = await api(`agent_user=1000&${fields.join('&')}`);
    const lead = await addedLead(response, (id) => `SUCCESS: lead added - 7275551000|TESTCAMP|101|${id}|1000\n`);
    expect(lead).toMatchObject({
      phoneCode: '1X',
      phoneNumber: '7275551000',
      title: 'Mr.',
      firstName: 'Bob By',
      middleInitial: 'Q',
      lastName: "O'Neil-Smith_2",
      address1: '1 Main St 4',
      address2: 'c/o: x@y',
      address3: 'Suite 5',
      city: 'St. Louis',
      state: 'FL',
      province: 'Ont ario',
      postalCode: '33601-12',
      countryCode: 'US',
      gender: 'M',
      dateOfBirth: '1970-01-31',
      altPhone: '727555',
      email: 'bob%x@example.com',
      securityPhrase: 'pass:word/1',
      // Quotes are data: kept and stored as sent (VICIdial's hand-built SQL failed on them).
      comments: `He said "hi" it's ok  yes`,
      sourceId: `src'1"`,
      vendorLeadCode: 'V"123',
      rank: 12,
      owner: 'o@wner',
      // Documented but ignored, as by the product.
      gmtOffsetNow: '0.00',
    });
  });

  test('vendor_id overrides vendor_lead_code; an unknown gender is U', async () => {
    const response = await api('agent_user=1000&phone_number=7275550103&phone_code=1&vendor_lead_code=OLD&vendor_id=NEW+1&gender=X');
    const lead = await addedLead(response, (id) => `SUCCESS: lead added - 7275550103|TESTCAMP|101|${id}|1000\n`);
    expect(lead).toMatchObject({ vendorLeadCode: 'NEW 1', gender: 'U' });
  });

  test('POST form and alt_user find the agent; the close-window link follows', async () => {
    const response = await agentPost(gateway(), '', `${AUTH}&function=external_add_lead&alt_user=876543&phone_number=7275550104&phone_code=1&close_window_link=1`);
    await addedLead(response, (id) => `SUCCESS: lead added - 7275550104|TESTCAMP|101|${id}|1000\n${LINK}`);
  });
});

test('debug: the action summary names the lead and list, never SQL', async () => {
  const response = await api('agent_user=1000&phone_number=7275550109&phone_code=1&format=debug');
  const match = /\n<!-- external_add_lead: lead (\d+) added to list 101 -->SUCCESS: lead added - 7275550109\|TESTCAMP\|101\|(\d+)\|1000\n/.exec(response.text);
  expect(match).not.toBeNull();
  expect(match![1]).toBe(match![2]);
  expect(response.text).not.toMatch(/INSERT|SELECT/i);
});

describe('ERROR lines', () => {
  test('not valid: no agent, no phone_code, a number shorter than 2 (ends the script)', async () => {
    expectVicidialAnswer(await api('phone_number=7275551212&phone_code=1&close_window_link=1'), 'ERROR: external_add_lead not valid - 7275551212|1||\n');
    expectVicidialAnswer(await api('agent_user=1&alt_user=1&phone_number=7275551212&phone_code=1'), 'ERROR: external_add_lead not valid - 7275551212|1|1|1\n');
    expectVicidialAnswer(await api('agent_user=1000&phone_number=7275551212'), 'ERROR: external_add_lead not valid - 7275551212||1000|\n');
    // A phone_number shorter than 2 is not taken: the number echoed stays empty.
    expectVicidialAnswer(await api('agent_user=1000&phone_number=7&phone_code=1'), 'ERROR: external_add_lead not valid - |1|1000|\n');
    expectVicidialAnswer(await api('agent_user=1000&value=7&phone_number=7275551212&phone_code=1'), 'ERROR: external_add_lead not valid - 7|1|1000|\n');
    expectVicidialAnswer(await api('agent_user=1000&phone_code=1'), 'ERROR: external_add_lead not valid - |1|1000|\n');
  });

  test('allow-list: the permission line with the number (ends the script)', async () => {
    const response = await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=external_add_lead&agent_user=1000&phone_number=7275551212&phone_code=1&close_window_link=1');
    expectVicidialAnswer(response, 'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 7275551212|6668|external_add_lead|AGENTS\n');
  });

  test('seed: no user found, then not logged in', async () => {
    expectVicidialAnswer(
      await api('alt_user=6666&phone_number=7275551212&phone_code=1'),
      'ERROR: no user found - 6666\nERROR: agent_user is not logged in - \n',
    );
  });

  test('seed: agent_user is not logged in', async () => {
    expectVicidialAnswer(await api('agent_user=6666&phone_number=7275551212&phone_code=1'), 'ERROR: agent_user is not logged in - 6666\n');
  });

  test('campaign manual dial list undefined: an agent without a campaign, a campaign without a manual-dial list', async () => {
    expectVicidialAnswer(await api('agent_user=1001&phone_number=7275551212&phone_code=1'), 'ERROR: campaign manual dial list undefined - 7275551212||1001\n');
    expectVicidialAnswer(
      await api('agent_user=1003&phone_number=7275551212&phone_code=1&close_window_link=1'),
      `ERROR: campaign manual dial list undefined - 7275551212||1003\n${LINK}`,
    );
  });

  test('seed: PHONE NUMBER IN DNC, with dnc_check YES or Y only', async () => {
    expectVicidialAnswer(await api('agent_user=1000&phone_number=7275550000&phone_code=1&dnc_check=YES'), 'ERROR: add_lead PHONE NUMBER IN DNC - 7275550000|1000\n');
    expectVicidialAnswer(await api('agent_user=1000&value=7275550000&phone_code=1&dnc_check=Y'), 'ERROR: add_lead PHONE NUMBER IN DNC - 7275550000|1000\n');
    // Only the system list was asked for: the campaign's number passes.
    await addedLead(await api('agent_user=1000&phone_number=7275550001&phone_code=1&dnc_check=YES'), (id) => `SUCCESS: lead added - 7275550001|TESTCAMP|101|${id}|1000\n`);
    await addedLead(await api('agent_user=1000&phone_number=7275550000&phone_code=1&dnc_check=NO'), (id) => `SUCCESS: lead added - 7275550000|TESTCAMP|101|${id}|1000\n`);
  });

  test("seed: PHONE NUMBER IN CAMPAIGN DNC, the agent's campaign or the one it uses instead", async () => {
    expectVicidialAnswer(
      await api('agent_user=1000&phone_number=7275550001&phone_code=1&campaign_dnc_check=YES'),
      'ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - 7275550001|TESTCAMP|1000\n',
    );
    expectVicidialAnswer(
      await api('agent_user=1004&phone_number=7275550001&phone_code=1&campaign_dnc_check=Y'),
      'ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - 7275550001|OTHERDNC|1004\n',
    );
    await addedLead(await api('agent_user=1000&phone_number=7275550000&phone_code=1&campaign_dnc_check=YES'), (id) => `SUCCESS: lead added - 7275550000|TESTCAMP|101|${id}|1000\n`);
  });

  test('a number on both lists: both lines', async () => {
    expectVicidialAnswer(
      await api('agent_user=1000&phone_number=7275550002&phone_code=1&dnc_check=YES&campaign_dnc_check=YES&close_window_link=1'),
      `ERROR: add_lead PHONE NUMBER IN DNC - 7275550002|1000\nERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - 7275550002|TESTCAMP|1000\n${LINK}`,
    );
  });

  test('a field longer than its column is cut as the product\'s MySQL (non-strict) cuts it, a day that does not exist is none, a rank beyond the column its end: SUCCESS', async () => {
    const added = async (query: string, number: string) => {
      const { text } = await api(query);
      const leadId = /^SUCCESS: lead added - (.*)\|TESTCAMP\|101\|(\d+)\|1000\n/.exec(text);
      expect(leadId?.[1]).toBe(number);
      return (await gateway().core.getLead(Number(leadId![2])))!;
    };
    const long = await added(`agent_user=1000&phone_number=${'7'.repeat(19)}&phone_code=1&first_name=${'B'.repeat(31)}&state=California`, '7'.repeat(19));
    expect(long).toMatchObject({ phoneNumber: '7'.repeat(18), firstName: 'B'.repeat(30), state: 'Ca', status: 'NEW' });
    expect(await added('agent_user=1000&phone_number=7275550106&phone_code=1&date_of_birth=1970-02-30&rank=99999', '7275550106')).toMatchObject({ dateOfBirth: null, rank: 32767 });
    expect(await added('agent_user=1000&phone_number=7275550107&phone_code=1&date_of_birth=1970-2-3', '7275550107')).toMatchObject({ dateOfBirth: '1970-02-03' });
  });
});
