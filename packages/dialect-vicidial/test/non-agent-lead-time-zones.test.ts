import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway, type WireResponse } from './support/vicidial-test-kit';

// A new lead's GMT offset (add_lead, update_lead's insert) and a callback's customer time zone and time (lead_callback_info), from
// the phone and postal codes of the demo set (213 CA, 305 FL, 602 AZ, 808
// HI, 61 NSW; postal 33101, 85001, 90001). The gateway's clock runs from
// 2026-07-15 14:00 UTC (summer in the north); the server is on UTC.

const STARTS_AT = Date.parse('2026-07-15T14:00:00Z');
const startedAt = Date.now();
const clock = { now: () => new Date(STARTS_AT + Date.now() - startedAt) };
const gateway = sharedGateway({ overrides: { clock, extraProvisioning: NON_AGENT_PROVISIONING } });

const nonAgent = (fn: string, query: string) => nonAgentGet(gateway(), `source=test&user=6666&pass=1234&function=${fn}&${query}`);
const leadIdOf = (response: WireResponse): number => Number(/LEAD HAS BEEN ADDED - [0-9]+\|[0-9]+\|([0-9]+)\|/.exec(response.text)?.[1]);
const storedOffset = async (leadId: number): Promise<string | undefined> => (await gateway().core.getLead(leadId))?.gmtOffsetNow;

describe('add_lead: the offset found now, printed as VICIdial prints it and kept with two decimals', () => {
  test.each([
    // By area code; daylight saving adds an hour the PHP way (-5.00 + 1: -4).
    ['phone_number=3055550101', '-4', '-4.00'],
    ['phone_number=6025550101', '-7.00', '-7.00'],
    ['phone_number=2135550101', '-7', '-7.00'],
    // tz_method POSTAL: the postal code's (country 1); TZCODE: the owner's code.
    ['phone_number=3055550102&tz_method=POSTAL&postal_code=85001', '-7.00', '-7.00'],
    ['phone_number=3055550103&tz_method=POSTAL&postal_code=99999', '-4', '-4.00'],
    ['phone_number=3055550104&tz_method=TZCODE&owner=HST', '-10.00', '-10.00'],
    // In Australia by state, else the country's first code: winter there.
    ['phone_number=0212345678&phone_code=61', '10.00', '10.00'],
    // No phone code of the area or country: 0.00.
    ['phone_number=7275550105', '0.00', '0.00'],
    ['phone_number=2071234567&phone_code=44', '0.00', '0.00'],
  ])('%s: %s', async (query, printed, kept) => {
    const response = await nonAgent('add_lead', `${query}&list_id=101`);
    const leadId = leadIdOf(response);
    const phone = /phone_number=([0-9]+)/.exec(query)![1];
    expectVicidialAnswer(response, `SUCCESS: add_lead LEAD HAS BEEN ADDED - ${phone}|101|${leadId}|${printed}|6666\n`);
    expect(await storedOffset(leadId)).toBe(kept);
  });

  test('a gmt_offset_now given is not what the lead keeps: the lookup is', async () => {
    const leadId = leadIdOf(await nonAgent('add_lead', 'phone_number=3055550106&list_id=101&gmt_offset_now=3.00'));
    expect(await storedOffset(leadId)).toBe('-4.00');
  });
});

test("update_lead's insert_if_not_found: the new lead's offset, by tz_method as add_lead", async () => {
  const response = await nonAgent('update_lead', 'search_method=PHONE_NUMBER&phone_number=8085550107&insert_if_not_found=Y&list_id=101&phone_code=1');
  const leadId = leadIdOf(response);
  expectVicidialAnswer(response, `NOTICE: update_lead NO MATCHES FOUND IN THE SYSTEM: |6666|||8085550107\nSUCCESS: update_lead LEAD HAS BEEN ADDED - 8085550107|101|${leadId}|-10.00|6666\n`);
  const postal = await nonAgent('update_lead', 'search_method=PHONE_NUMBER&phone_number=3055550108&insert_if_not_found=Y&list_id=101&phone_code=1&tz_method=POSTAL&postal_code=90001');
  expect(postal.text).toContain(`|101|${leadIdOf(postal)}|-7|6666\n`);
  expect(await storedOffset(leadIdOf(postal))).toBe('-7.00');
});

test("lead_callback_info: the customer's time zone at the callback's time and the callback's time there", async () => {
  const summer = leadIdOf(await nonAgent('add_lead', 'phone_number=3055550110&list_id=101&campaign_id=TESTCAMP&callback=Y&callback_datetime=2026-08-01+16:00:00&callback_type=ANYONE'));
  const winter = leadIdOf(await nonAgent('add_lead', 'phone_number=3055550111&list_id=101&campaign_id=TESTCAMP&callback=Y&callback_datetime=2027-01-15+16:00:00&callback_type=ANYONE'));
  const unknown = leadIdOf(await nonAgent('add_lead', 'phone_number=7275550112&list_id=101&campaign_id=TESTCAMP&callback=Y&callback_datetime=2027-01-15+16:00:00&callback_type=ANYONE'));
  const row = async (leadId: number): Promise<string[]> => (await nonAgent('lead_callback_info', `lead_id=${leadId}`)).text.trimEnd().split('|');
  expect((await row(summer)).slice(5, 6).concat((await row(summer)).slice(11, 13))).toEqual(['2026-08-01 16:00:00', '-4', '2026-08-01 12:00:00']);
  expect((await row(winter)).slice(11, 13)).toEqual(['-5.00', '2027-01-15 11:00:00']);
  expect((await row(unknown)).slice(11, 13)).toEqual(['', '']);
});
