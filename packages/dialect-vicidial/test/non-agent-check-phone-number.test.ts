import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent check_phone_number: every response line, in VICIdial's check
// order (non_agent_api.php 2.14-202), against the do-not-call lists of the
// shared test data (system: 7275550000, TESTCAMP: 7275550001; OTHERDNC uses
// TESTCAMP's list) and the phone and postal codes of the demo set (213 CA,
// 305 FL, 602 AZ, 808 HI, 61 NSW; postal 33101, 85001, 90001) plus 727 FL.
// The demo's NANPA prefixes (ten: 213, 305, 602, 727 555 and 556, 312 555,
// 808 555) count as loaded.
// The gateway's clock runs from Wednesday 2026-07-15 14:00 UTC: 10:00 in
// Florida (EDT, -4), 07:00 in California (PDT) and Arizona (MST, no DST),
// midnight in Sydney (AEST, winter there). The server itself is in Sydney:
// its own zone no longer matters.

const STARTS_AT = Date.parse('2026-07-15T14:00:00Z');
const startedAt = Date.now();
const clock = { now: () => new Date(STARTS_AT + Date.now() - startedAt) };
const TAMPA = { countryCode: '1', areaCode: '727', state: 'FL', gmtOffset: -5, dst: true, dstRange: 'SSM-FSN', timeZoneCode: 'EST', country: 'USA' };
// A provisioned call time with a day of its own: closed by default, open on Wednesdays from 10:00 to 10:30 local.
const WEDNESDAY_MORNINGS = { id: 'wed-10', name: 'Wednesday mornings', defaultHours: { start: 0, stop: 0 }, days: { wednesday: { start: 1000, stop: 1030 } } };
// State call times for Florida: noon to 5pm; 8 to 11; a rule with an id of two characters (which VICIdial ignores); 11 to noon on Wednesdays.
const FLORIDA_RULES = [
  { id: 'FL-noon', state: 'FL', defaultHours: { start: 1200, stop: 1700 } },
  { id: 'FL-morn', state: 'FL', defaultHours: { start: 800, stop: 1100 } },
  { id: 'FL', state: 'FL', defaultHours: { start: 1200, stop: 1700 } },
  { id: 'FL-wed', state: 'FL', defaultHours: { start: 900, stop: 2100 }, days: { wednesday: { start: 1100, stop: 1200 } } },
];
const allDay = (id: string, stateRules: string[]) => ({ id, defaultHours: { start: 0, stop: 2400 }, stateRules });
const STATE_CALL_TIMES = [allDay('flnoon', ['FL-noon']), allDay('flshort', ['FL']), allDay('flboth', ['FL-noon', 'FL-morn']), allDay('flboth-r', ['FL-morn', 'FL-noon']), allDay('flwed', ['FL-wed'])];
const gateway = sharedGateway({
  overrides: {
    clock,
    extraProvisioning: { ...NON_AGENT_PROVISIONING, phoneCodes: [TAMPA], callTimes: [WEDNESDAY_MORNINGS, ...STATE_CALL_TIMES], stateCallTimes: FLORIDA_RULES },
    dialects: { vicidial: { timeZone: 'Australia/Sydney' } },
  },
});

const check = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=check_phone_number&${query}`);
const VALID = 'phone_number=7275551234&local_call_time=24hours';

test('source shorter than 2: both Invalid Source lines', async () => {
  expectVicidialAnswer(
    await nonAgentGet(gateway(), `source=t&user=6666&pass=1234&function=check_phone_number&${VALID}`),
    'ERROR: Invalid Source - t\nERROR: Invalid Source: |t|\n',
  );
});

test('no API access or level 7 or less: no permission (VICIdial echoes an unset variable: empty)', async () => {
  expectVicidialAnswer(await check(VALID, '6667'), 'ERROR: check_phone_number USER DOES NOT HAVE PERMISSION TO CHECK PHONE NUMBERS: |6667||\n');
});

test.each([
  ['phone_number=7275551234', ''],
  ['phone_number=7275551234&local_call_time=8am-10pm', '8am-10pm'],
  ['phone_number=72&local_call_time=24HOURS', '24HOURS'],
])('a call time that does not exist, checked before the number (%s)', async (query, callTime) => {
  expectVicidialAnswer(await check(query), `ERROR: check_phone_number THIS IS NOT A VALID CALL TIME: |6666|${callTime}|\n`);
});

test.each(['nanpa_ac_prefix_check=Y', 'tz_method=AREACODENANPA', 'tz_method=nanpa'])('NANPA asked (%s) with the prefix data loaded: the number is checked as usual', async (option) => {
  expectVicidialAnswer(await check(`phone_number=72&local_call_time=24hours&${option}`), 'ERROR: check_phone_number INVALID PHONE NUMBER LENGTH - 72|6666\n');
});

test('nanpa_ac_prefix_check=Y: an exchange the NANPA prefixes do not hold, checked after the area code', async () => {
  expectVicidialAnswer(await check('phone_number=7275571234&local_call_time=24hours&nanpa_ac_prefix_check=Y'), 'ERROR: check_phone_number INVALID PHONE NUMBER NANPA AREACODE PREFIX - 7275571234|6666\n');
  expectVicidialAnswer(await check('phone_number=3125551212&local_call_time=24hours&nanpa_ac_prefix_check=Y&usacan_areacode_check=Y'), 'ERROR: check_phone_number INVALID PHONE NUMBER AREACODE - 3125551212|6666\n');
  // Only Y asks for it.
  expectVicidialAnswer(await check('phone_number=7275571234&local_call_time=24hours&nanpa_ac_prefix_check=YES'), 'AREACODE: 1|-4#PHONE: 7275571234|1||||\n');
  // An exchange the prefixes hold passes; its area code has no phone code: no offset, dialled on GMT.
  expectVicidialAnswer(await check('phone_number=3125551212&local_call_time=24hours&nanpa_ac_prefix_check=Y'), 'AREACODE: 1|#PHONE: 3125551212|1||||\n');
});

test('NANPA: the exchange\'s offset (Chicago, CDT: -6.00 + 1), after the other methods; an exchange not held falls back to the area code', async () => {
  expectVicidialAnswer(await check('phone_number=3125551212&local_call_time=9am-5pm&tz_method=NANPA'), 'NANPA: 1|-5#PHONE: 3125551212|1||||\n');
  expectVicidialAnswer(await check('phone_number=3125551212&local_call_time=12pm-5pm&tz_method=nanpa'), 'NANPA: 0|-5#PHONE: 3125551212|1||||\n');
  expectVicidialAnswer(
    await check('phone_number=3125551212&local_call_time=24hours&tz_method=NANPATZCODEPOSTALAREACODE&postal_code=33101&owner=EST'),
    'AREACODE: 1|#POSTAL: 1|-4#TZCODE: 1|-4#NANPA: 1|-5#PHONE: 3125551212|1|33101||EST|\n',
  );
  // Phoenix keeps no daylight saving: the stored offset as it is.
  expectVicidialAnswer(await check('phone_number=6025561212&local_call_time=24hours&tz_method=NANPA'), 'NANPA: 1|-7.00#PHONE: 6025561212|1||||\n');
  expectVicidialAnswer(await check('phone_number=2135571234&local_call_time=9am-5pm&tz_method=NANPA'), 'NANPA: 0|-7#PHONE: 2135571234|1||||\n');
});

describe('state call times: a call time\'s rule for the number\'s state (10:00 in Florida)', () => {
  test('the rule of that state holds its hours; another state, or none, keeps the call time\'s', async () => {
    expectVicidialAnswer(await check('phone_number=7275551234&local_call_time=flnoon&state=FL'), 'AREACODE: 0|-4#PHONE: 7275551234|1||FL||\n');
    expectVicidialAnswer(await check('phone_number=7275551234&local_call_time=flnoon&state=GA'), 'AREACODE: 1|-4#PHONE: 7275551234|1||GA||\n');
    expectVicidialAnswer(await check('phone_number=7275551234&local_call_time=flnoon'), 'AREACODE: 1|-4#PHONE: 7275551234|1||||\n');
    // The state is compared exactly.
    expectVicidialAnswer(await check('phone_number=7275551234&local_call_time=flnoon&state=fl'), 'AREACODE: 1|-4#PHONE: 7275551234|1||fl||\n');
  });

  test('the last rule of the state named wins; a rule with an id of two characters is not read; a rule\'s day keeps its own hours', async () => {
    expectVicidialAnswer(await check('phone_number=7275551234&local_call_time=flboth&state=FL'), 'AREACODE: 1|-4#PHONE: 7275551234|1||FL||\n');
    expectVicidialAnswer(await check('phone_number=7275551234&local_call_time=flboth-r&state=FL'), 'AREACODE: 0|-4#PHONE: 7275551234|1||FL||\n');
    expectVicidialAnswer(await check('phone_number=7275551234&local_call_time=flshort&state=FL'), 'AREACODE: 1|-4#PHONE: 7275551234|1||FL||\n');
    expectVicidialAnswer(await check('phone_number=7275551234&local_call_time=flwed&state=FL'), 'AREACODE: 0|-4#PHONE: 7275551234|1||FL||\n');
  });

  test('the demo\'s statelaw: 9am to 9pm, Florida 8 to 8, for every method', async () => {
    expectVicidialAnswer(await check('phone_number=7275551234&local_call_time=statelaw&state=FL&tz_method=AREACODENANPA'), 'AREACODE: 1|-4#NANPA: 1|-4#PHONE: 7275551234|1||FL||\n');
    // 07:00 in California: before either's hours.
    expectVicidialAnswer(await check('phone_number=2135551234&local_call_time=statelaw&state=FL'), 'AREACODE: 0|-7#PHONE: 2135551234|1||FL||\n');
  });
});

test.each([
  ['phone_number=72755', '72755'],
  ['phone_number=12345678901234567', '12345678901234567'],
  ['phone_number=727-55', '72755'],
  ['phone_number=', ''],
])('a number not of 6 to 16 digits (%s)', async (query, number) => {
  expectVicidialAnswer(await check(`${query}&local_call_time=24hours`), `ERROR: check_phone_number INVALID PHONE NUMBER LENGTH - ${number}|6666\n`);
});

test('usacan_prefix_check=Y: a fourth digit of 0 or 1 is an invalid prefix', async () => {
  expectVicidialAnswer(await check('phone_number=7271551234&local_call_time=24hours&usacan_prefix_check=Y'), 'ERROR: check_phone_number INVALID PHONE NUMBER PREFIX - 7271551234|6666\n');
  expectVicidialAnswer(await check('phone_number=7270551234&local_call_time=24hours&usacan_prefix_check=Y&usacan_areacode_check=Y'), 'ERROR: check_phone_number INVALID PHONE NUMBER PREFIX - 7270551234|6666\n');
  expect((await check('phone_number=7271551234&local_call_time=24hours')).text).toMatch(/^AREACODE: 1\|/);
});

test.each(['1275551234', '9115551234', '3125551234'])('usacan_areacode_check=Y: %s has an area code the phone codes of country 1 do not hold', async (number) => {
  expectVicidialAnswer(await check(`phone_number=${number}&local_call_time=24hours&usacan_areacode_check=Y`), `ERROR: check_phone_number INVALID PHONE NUMBER AREACODE - ${number}|6666\n`);
});

test('usacan_areacode_check=Y: an area code of the phone codes passes, whatever the number\'s length', async () => {
  expectVicidialAnswer(await check('phone_number=6025551&local_call_time=24hours&usacan_areacode_check=Y'), 'AREACODE: 1|-7.00#PHONE: 6025551|1||||\n');
});

test('dnc_check=Y or AREACODE: a number on the system list (YES checks nothing)', async () => {
  expectVicidialAnswer(await check('phone_number=7275550000&local_call_time=24hours&dnc_check=Y'), 'ERROR: check_phone_number PHONE NUMBER IN DNC - 7275550000|6666\n');
  expectVicidialAnswer(await check('phone_number=7275550000&local_call_time=24hours&dnc_check=AREACODE'), 'ERROR: check_phone_number PHONE NUMBER IN DNC - 7275550000|6666\n');
  expect((await check('phone_number=7275550000&local_call_time=24hours&dnc_check=YES')).text).toMatch(/^AREACODE: 1\|/);
  // On a campaign's list only: the system check lets it through.
  expect((await check('phone_number=7275550001&local_call_time=24hours&dnc_check=Y')).text).toMatch(/^AREACODE: 1\|/);
});

test("campaign_dnc_check=Y: the campaign's list, or the one it uses", async () => {
  expectVicidialAnswer(
    await check('phone_number=7275550001&local_call_time=24hours&campaign_dnc_check=Y&campaign_id=TESTCAMP'),
    'ERROR: check_phone_number PHONE NUMBER IN CAMPAIGN DNC - 7275550001|TESTCAMP|6666\n',
  );
  expectVicidialAnswer(
    await check('phone_number=7275550001&local_call_time=24hours&campaign_dnc_check=AREACODE&campaign_id=OTHERDNC'),
    'ERROR: check_phone_number PHONE NUMBER IN CAMPAIGN DNC - 7275550001|OTHERDNC|6666\n',
  );
  expect((await check('phone_number=7275550001&local_call_time=24hours&campaign_dnc_check=Y&campaign_id=NOLIST')).text).toMatch(/^AREACODE: 1\|/);
  // The system list is checked first.
  expectVicidialAnswer(
    await check('phone_number=7275550002&local_call_time=24hours&dnc_check=Y&campaign_dnc_check=Y&campaign_id=TESTCAMP'),
    'ERROR: check_phone_number PHONE NUMBER IN DNC - 7275550002|6666\n',
  );
});

test('dialable: AREACODE by default, its offset during daylight saving the PHP way (-5.00 + 1: -4), then the number, phone code (1 by default), postal code, state and owner', async () => {
  expectVicidialAnswer(await check(VALID), 'AREACODE: 1|-4#PHONE: 7275551234|1||||\n');
  expectVicidialAnswer(
    await check(`${VALID}&postal_code=33701&state=FL&owner=EST&dnc_check=Y&campaign_dnc_check=Y&campaign_id=TESTCAMP&usacan_prefix_check=Y&usacan_areacode_check=Y`),
    'AREACODE: 1|-4#PHONE: 7275551234|1|33701|FL|EST|\n',
  );
});

test.each([
  // 10:00 in Tampa, 07:00 in Los Angeles and Phoenix, 04:00 in Hawaii.
  ['7275551234', '9am-5pm', 'AREACODE: 1|-4#'],
  ['2135551234', '9am-5pm', 'AREACODE: 0|-7#'],
  ['6025551234', '9am-5pm', 'AREACODE: 0|-7.00#'],
  ['8085551234', '24hours', 'AREACODE: 1|-10.00#'],
  ['3055551234', '12pm-5pm', 'AREACODE: 0|-4#'],
  // An area code no phone code holds has no offset: dialled on GMT (14:00).
  ['5555551234', '24hours', 'AREACODE: 1|#'],
  ['5555551234', '5pm-9pm', 'AREACODE: 0|#'],
])('the area code %s with the call time %s: %s', async (number, callTime, part) => {
  expectVicidialAnswer(await check(`phone_number=${number}&local_call_time=${callTime}`), `${part}PHONE: ${number}|1||||\n`);
});

test("a provisioned call time: the local day's own hours (Wednesday 10:00 in Tampa, 07:00 in Los Angeles)", async () => {
  expectVicidialAnswer(await check('phone_number=7275551234&local_call_time=wed-10'), 'AREACODE: 1|-4#PHONE: 7275551234|1||||\n');
  expectVicidialAnswer(await check('phone_number=2135551234&local_call_time=wed-10'), 'AREACODE: 0|-7#PHONE: 2135551234|1||||\n');
  expectVicidialAnswer(await check('phone_number=2135551234&local_call_time=WED-10'), 'ERROR: check_phone_number THIS IS NOT A VALID CALL TIME: |6666|WED-10|\n');
});

test('another country: by state in Australia (midnight in Sydney, winter: 10.00); a country without phone codes has no offset and is dialled on GMT', async () => {
  expectVicidialAnswer(await check('phone_number=0212345678&phone_code=61&state=NSW&local_call_time=24hours'), 'AREACODE: 1|10.00#PHONE: 0212345678|61||NSW||\n');
  expectVicidialAnswer(await check('phone_number=0212345678&phone_code=61&state=NSW&local_call_time=9am-5pm'), 'AREACODE: 0|10.00#PHONE: 0212345678|61||NSW||\n');
  expectVicidialAnswer(await check('phone_number=2071234567&phone_code=44&local_call_time=12pm-5pm'), 'AREACODE: 1|#PHONE: 2071234567|44||||\n');
  expectVicidialAnswer(await check('phone_number=2071234567&phone_code=44&local_call_time=5pm-9pm'), 'AREACODE: 0|#PHONE: 2071234567|44||||\n');
});

test('each time zone method named, in VICIdial order; POSTAL needs a 5-character postal code, TZCODE an owner of 1 to 6', async () => {
  expectVicidialAnswer(await check(`${VALID}&tz_method=TZCODEPOSTALAREACODE&postal_code=85001&owner=PST`), 'AREACODE: 1|-4#POSTAL: 1|-7.00#TZCODE: 1|-7#PHONE: 7275551234|1|85001||PST|\n');
  expectVicidialAnswer(await check(`${VALID}&tz_method=POSTALTZCODE&postal_code=3370&owner=LONGZONE`), 'POSTAL: 0|#TZCODE: 0|#PHONE: 7275551234|1|3370||LONGZONE|\n');
  expectVicidialAnswer(await check(`${VALID}&tz_method=OTHER`), 'PHONE: 7275551234|1||||\n');
});

test('POSTAL: the postal code\'s offset (country 1), else the area code\'s', async () => {
  expectVicidialAnswer(await check('phone_number=7275551234&local_call_time=9am-5pm&tz_method=postal&postal_code=90001'), 'POSTAL: 0|-7#PHONE: 7275551234|1|90001|||\n');
  expectVicidialAnswer(await check('phone_number=7275551234&local_call_time=9am-5pm&tz_method=POSTAL&postal_code=99999'), 'POSTAL: 1|-4#PHONE: 7275551234|1|99999|||\n');
  expectVicidialAnswer(await check('phone_number=0212345678&phone_code=61&state=NSW&local_call_time=24hours&tz_method=POSTAL&postal_code=85001'), 'POSTAL: 1|10.00#PHONE: 0212345678|61|85001|NSW||\n');
});

test('TZCODE: the owner\'s time-zone code among the country\'s phone codes, else the area code\'s', async () => {
  expectVicidialAnswer(await check('phone_number=7275551234&local_call_time=9am-5pm&tz_method=TZCODE&owner=MST'), 'TZCODE: 0|-7.00#PHONE: 7275551234|1|||MST|\n');
  expectVicidialAnswer(await check('phone_number=7275551234&local_call_time=9am-5pm&tz_method=TZCODE&owner=XYZ'), 'TZCODE: 1|-4#PHONE: 7275551234|1|||XYZ|\n');
  // An owner of one character is looked up by the area code (VICIdial needs two for a code).
  expectVicidialAnswer(await check('phone_number=2135551234&local_call_time=24hours&tz_method=TZCODE&owner=E'), 'TZCODE: 1|-7#PHONE: 2135551234|1|||E|\n');
});
