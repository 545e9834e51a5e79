import { testEngine } from '@pbx-gateway/test-support';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// add_phone / update_phone carried out on the engine: the phone a CRM adds
// is a PJSIP endpoint the engine has (on pbx-sim and on the real Asterisk
// alike), with an auth that takes the registration password and no other,
// that follows a new password and goes when the phone is deleted.

const ADMIN = { realm: 'vicidial', secret: '1234' } as const;
const gateway = sharedGateway({
  overrides: {
    extraProvisioning: {
      apiUsers: [
        { ...ADMIN, login: '6690', attributes: { user_level: '9', user_group: 'ADMIN', api_allowed_functions: ' ALL_FUNCTIONS ', vdc_agent_api_access: '1', ast_admin_access: '1', ast_delete_phones: '1' } },
      ],
    },
  },
});

const api = (fn: string, query: string) => nonAgentGet(gateway(), `source=test&user=6690&pass=1234&function=${fn}&${query}`);
const endpoint = (resource: string) => gateway().engineAri('GET', `/endpoints/PJSIP/${resource}`);
const configObject = (type: string, id: string) => gateway().engineAri('GET', `/asterisk/config/dynamic/res_pjsip/${type}/${id}`);
const attribute = (body: unknown, name: string): string | undefined =>
  (body as Array<{ attribute: string; value: string }>).find((tuple) => tuple.attribute === name)?.value;

const ADD = 'extension=7701&dialplan_number=7701&voicemail_id=7701&phone_login=p7701&phone_pass=loginpw&server_ip=10.10.10.15&protocol=SIP&registration_password=regSecret1&phone_full_name=Desk+7701&local_gmt=-5.00&outbound_cid=7275551212';

test(`${testEngine()}: add_phone makes an endpoint that registers with the registration password only; update_phone and delete_phone follow`, async () => {
  expect((await endpoint('7701')).status).toBe(404);
  expectVicidialAnswer(await api('add_phone', ADD), 'SUCCESS: add_phone PHONE HAS BEEN ADDED - 6690|7701|10.10.10.15|SIP|7701\n');

  // The engine has the endpoint, offline until the phone registers; its auth keeps a digest, not the password.
  expect(await endpoint('7701')).toEqual({ status: 200, body: { technology: 'PJSIP', resource: '7701', state: 'offline', channel_ids: [] } });
  const auth = await configObject('auth', '7701');
  expect(auth.status).toBe(200);
  expect(attribute(auth.body, 'username')).toBe('7701');
  expect(attribute(auth.body, 'password')).toBe('');
  expect(attribute(auth.body, 'password_digest')).toMatch(/^MD5:[0-9a-f]{32}$/);
  expect(JSON.stringify(auth.body)).not.toContain('regSecret1');
  expect(attribute((await configObject('endpoint', '7701')).body, 'context')).toBe('from-phones');

  // A wrong password is refused; the right one registers the phone, which comes online.
  await expect(gateway().farEnd.registerPhone('7701', 'TestPhone/1.0', { username: '7701', password: 'wrong' })).rejects.toThrow();
  const phone = await gateway().farEnd.registerPhone('7701', 'TestPhone/1.0', { username: '7701', password: 'regSecret1' });
  await gateway().waitFor(async () => ((await endpoint('7701')).body as { state: string }).state === 'online', 10000, 'the registered phone online');
  await phone.unregister();

  // A new registration password: the old one no longer registers, the new one does.
  expectVicidialAnswer(await api('update_phone', 'extension=7701&server_ip=10.10.10.15&registration_password=newSecret2'), 'SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6690|7701|10.10.10.15|\n');
  await expect(gateway().farEnd.registerPhone('7701', 'TestPhone/1.0', { username: '7701', password: 'regSecret1' })).rejects.toThrow();
  const again = await gateway().farEnd.registerPhone('7701', 'TestPhone/1.0', { username: '7701', password: 'newSecret2' });
  await again.unregister();

  // Inactive: the device goes; active again: it is back.
  expectVicidialAnswer(await api('update_phone', 'extension=7701&server_ip=10.10.10.15&active=N'), 'SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6690|7701|10.10.10.15|\n');
  expect((await endpoint('7701')).status).toBe(404);
  expectVicidialAnswer(await api('update_phone', 'extension=7701&server_ip=10.10.10.15&active=Y'), 'SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6690|7701|10.10.10.15|\n');
  expect((await endpoint('7701')).status).toBe(200);

  expectVicidialAnswer(await api('update_phone', 'extension=7701&server_ip=10.10.10.15&delete_phone=Y'), 'SUCCESS: update_phone PHONE HAS BEEN DELETED - 6690|7701|10.10.10.15|\n');
  expect((await endpoint('7701')).status).toBe(404);
  expect((await configObject('auth', '7701')).status).toBe(404);
  expect((await configObject('aor', '7701')).status).toBe(404);
  expect(await gateway().core.getPhone('7701', '10.10.10.15')).toBeNull();
}, 60000);

test(`${testEngine()}: a phone whose extension is a device of the engine's own configuration is refused, and not kept`, async () => {
  expectVicidialAnswer(
    await api('add_phone', ADD.replace('extension=7701', 'extension=1000').replace('phone_login=p7701', 'phone_login=p1000')),
    'ERROR: add_phone error - service unavailable - 6690\n',
  );
  expect(await gateway().core.getPhone('1000', '10.10.10.15')).toBeNull();
  // pjsip.conf's phone is still there as it was.
  expect((await endpoint('1000')).status).toBe(200);
}, 30000);

test(`${testEngine()}: the stored phone keeps neither password in clear`, async () => {
  expectVicidialAnswer(await api('add_phone', ADD.replace(/7701/g, '7702')), 'SUCCESS: add_phone PHONE HAS BEEN ADDED - 6690|7702|10.10.10.15|SIP|7702\n');
  const stored = (await gateway().core.getPhone('7702', '10.10.10.15'))!;
  expect(JSON.stringify(stored)).not.toMatch(/loginpw|regSecret1/);
  expect(stored.registrationCredential).toBe(attribute((await configObject('auth', '7702')).body, 'md5_cred'));
}, 30000);
