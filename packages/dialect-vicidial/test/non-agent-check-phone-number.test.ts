import { serverTime } from '../src/wire/server-time';
import { NON_AGENT_PROVISIONING } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent check_phone_number: every response line, in VICIdial's check
// order, against the do-not-call lists of the shared test data (system:
// 7275550000, TESTCAMP: 7275550001; OTHERDNC uses TESTCAMP's list). The
// server is in Sydney, so the offsets printed depend on its daylight saving.

const ZONE = 'Australia/Sydney';
const gateway = sharedGateway({ overrides: { extraProvisioning: NON_AGENT_PROVISIONING, dialects: { vicidial: { timeZone: ZONE } } } });

const check = (query: string, user = '6666') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=check_phone_number&${query}`);
const VALID = 'phone_number=7275551234&local_call_time=24hours';

/** The server's offset now as VICIdial prints a number's: `10.00`, or `11` during daylight saving. */
const gmtNow = (): string => (serverTime(new Date(), ZONE).dst ? '11' : '10.00');

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

test.each(['nanpa_ac_prefix_check=Y', 'tz_method=AREACODENANPA', 'tz_method=nanpa'])('NANPA asked (%s): no prefix data is loaded', async (option) => {
  expectVicidialAnswer(await check(`phone_number=72&local_call_time=24hours&${option}`), 'ERROR: check_phone_number NANPA options disabled, NANPA prefix data not loaded - 0|6666\n');
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

test.each(['1275551234', '9115551234', '0005551234'])('usacan_areacode_check=Y: %s has no North American area code', async (number) => {
  expectVicidialAnswer(await check(`phone_number=${number}&local_call_time=24hours&usacan_areacode_check=Y`), `ERROR: check_phone_number INVALID PHONE NUMBER AREACODE - ${number}|6666\n`);
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

test('dialable: AREACODE by default, then the number, phone code (1 by default), postal code, state and owner', async () => {
  expectVicidialAnswer(await check(VALID), `AREACODE: 1|${gmtNow()}#PHONE: 7275551234|1||||\n`);
  expectVicidialAnswer(
    await check(`${VALID}&phone_code=61&postal_code=33701&state=FL&owner=EST&dnc_check=Y&campaign_dnc_check=Y&campaign_id=TESTCAMP&usacan_prefix_check=Y&usacan_areacode_check=Y`),
    `AREACODE: 1|${gmtNow()}#PHONE: 7275551234|61|33701|FL|EST|\n`,
  );
});

test('each time zone method named, in VICIdial order; POSTAL needs a 5-character postal code, TZCODE an owner of 1 to 6', async () => {
  const gmt = gmtNow();
  expectVicidialAnswer(await check(`${VALID}&tz_method=TZCODEPOSTALAREACODE&postal_code=33701&owner=EST`), `AREACODE: 1|${gmt}#POSTAL: 1|${gmt}#TZCODE: 1|${gmt}#PHONE: 7275551234|1|33701||EST|\n`);
  expectVicidialAnswer(await check(`${VALID}&tz_method=POSTALTZCODE&postal_code=3370&owner=LONGZONE`), 'POSTAL: 0|#TZCODE: 0|#PHONE: 7275551234|1|3370||LONGZONE|\n');
  expectVicidialAnswer(await check(`${VALID}&tz_method=postal&postal_code=33701`), `POSTAL: 1|${gmt}#PHONE: 7275551234|1|33701|||\n`);
  expectVicidialAnswer(await check(`${VALID}&tz_method=OTHER`), 'PHONE: 7275551234|1||||\n');
});
