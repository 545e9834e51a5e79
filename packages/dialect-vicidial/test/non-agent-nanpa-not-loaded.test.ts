import { demoProvisioning } from '@pbx-gateway/server';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// The NANPA options while fewer than ten NANPA prefixes are kept (here the
// demo's first nine): check_phone_number refuses them, add_lead prints
// VICIdial's NOTICE first, then goes on without them.

const demo = demoProvisioning({ callbackUrl: 'http://127.0.0.1:9/demo/callbacks', nodeIp: '127.0.0.1' });
const gateway = sharedGateway({ overrides: { provisioning: { ...demo, nanpaPrefixes: (demo.nanpaPrefixes ?? []).slice(0, 9), dnc: [{ phoneNumber: '3125550000' }] } } });

const api = (fn: string, query: string) => nonAgentGet(gateway(), `source=test&user=6666&pass=1234&function=${fn}&${query}`);

test.each(['nanpa_ac_prefix_check=Y', 'tz_method=AREACODENANPA', 'tz_method=nanpa'])('check_phone_number, NANPA asked (%s): refused, with how many prefixes are kept, before the number is checked', async (option) => {
  expectVicidialAnswer(await api('check_phone_number', `phone_number=72&local_call_time=24hours&${option}`), 'ERROR: check_phone_number NANPA options disabled, NANPA prefix data not loaded - 9|6666\n');
});

test('check_phone_number without NANPA options: answered as usual', async () => {
  expectVicidialAnswer(await api('check_phone_number', 'phone_number=6025551234&local_call_time=24hours&nanpa_ac_prefix_check=N'), 'AREACODE: 1|-7.00#PHONE: 6025551234|1||||\n');
});

test('add_lead, nanpa_ac_prefix_check=Y: the NOTICE, then the lead added without the prefix check', async () => {
  const response = await api('add_lead', 'phone_number=3125579001&nanpa_ac_prefix_check=Y');
  const leadId = /LEAD HAS BEEN ADDED - 3125579001\|999\|(\d+)\|/.exec(response.text)?.[1];
  expectVicidialAnswer(response, `NOTICE: add_lead NANPA options disabled, NANPA prefix data not loaded - 9|6666\nSUCCESS: add_lead LEAD HAS BEEN ADDED - 3125579001|999|${leadId}|0.00|6666\n`);
});

test('add_lead, tz_method naming NANPA: the NOTICE, then the number located by the rest of the method (POSTAL here)', async () => {
  const response = await api('add_lead', 'phone_number=3125559002&tz_method=POSTALNANPA&postal_code=85001');
  const leadId = /LEAD HAS BEEN ADDED - 3125559002\|999\|(\d+)\|/.exec(response.text)?.[1];
  expectVicidialAnswer(response, `NOTICE: add_lead NANPA options disabled, NANPA prefix data not loaded - 9|6666\nSUCCESS: add_lead LEAD HAS BEEN ADDED - 3125559002|999|${leadId}|-7.00|6666\n`);
  expect((await gateway().core.getLead(Number(leadId)))?.gmtOffsetNow).toBe('-7.00');
});

test('add_lead: the NOTICE comes before a refusal too', async () => {
  expectVicidialAnswer(
    await api('add_lead', 'phone_number=72755&nanpa_ac_prefix_check=Y'),
    'NOTICE: add_lead NANPA options disabled, NANPA prefix data not loaded - 9|6666\nERROR: add_lead INVALID PHONE NUMBER LENGTH - 72755|6666\n',
  );
});

test('add_lead: the NOTICE comes before a refusal of the core too (the number on the system do-not-call list)', async () => {
  expectVicidialAnswer(
    await api('add_lead', 'phone_number=3125550000&tz_method=NANPA&dnc_check=Y'),
    'NOTICE: add_lead NANPA options disabled, NANPA prefix data not loaded - 9|6666\nERROR: add_lead PHONE NUMBER IN DNC - 3125550000|6666\n',
  );
});
