import { ADMIN_ACCOUNT, nonAgentAccount, PHONE_ADMINS } from './support/non-agent-provisioning';
import { expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// Non-Agent add_phone and update_phone: every response line, in VICIdial's
// order of checks, and what the phone becomes in Postgres and on the engine.

const gateway = sharedGateway({
  overrides: {
    extraProvisioning: {
      apiUsers: [
        ...PHONE_ADMINS,
        nonAgentAccount('6695', { ...ADMIN_ACCOUNT, user_group: 'AGENTS', user_level: '9', ast_admin_access: '1' }),
        nonAgentAccount('6696', { ...ADMIN_ACCOUNT, vdc_agent_api_access: '0', user_level: '9', ast_admin_access: '1' }),
      ],
      phones: [
        { extension: 'cc101', serverIp: '10.10.10.15', login: 'cc101', pass: 'test', registrationPassword: 'secret101', fullName: 'Phone 101', voicemailId: '101', userGroup: 'ADMIN' },
        { extension: 'cc102', serverIp: '10.10.10.15', login: 'cc102', pass: 'test', registrationPassword: 'secret102', fullName: 'Phone 102', voicemailId: '102' },
      ],
    },
  },
});

const SERVER = '10.10.10.15';
const get = (fn: string, query: string, user = '6691') => nonAgentGet(gateway(), `source=test&user=${user}&pass=1234&function=${fn}&${query}`);
const REQUIRED = {
  extension: '55000',
  dialplan_number: '55000',
  voicemail_id: '55000',
  phone_login: 'p55000',
  phone_pass: 'test',
  server_ip: SERVER,
  protocol: 'SIP',
  registration_password: 'regpw55',
  phone_full_name: 'Extension 55000',
  local_gmt: '-5.00',
  outbound_cid: '7275551212',
};
const addQuery = (changes: Record<string, string | null> = {}): string =>
  Object.entries({ ...REQUIRED, ...changes })
    .filter((entry): entry is [string, string] => entry[1] !== null)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
const endpointStatus = async (resource: string): Promise<number> => (await gateway().engineAri('GET', `/endpoints/PJSIP/${resource}`)).status;

describe('add_phone', () => {
  test.each(['6693', '6694', '6696'])('below level 8, without ast_admin_access or API access (%s): no permission', async (user) => {
    expectVicidialAnswer(await get('add_phone', addQuery(), user), `ERROR: add_phone USER DOES NOT HAVE PERMISSION TO ADD PHONES: |${user}|0\n`);
  });

  test.each([
    ['extension', { extension: '5' }],
    ['dialplan_number', { dialplan_number: '5' }],
    ['voicemail_id', { voicemail_id: null }],
    ['registration_password', { registration_password: null }],
    ['protocol not one of the four', { protocol: 'PJSIP' }],
  ])('a required field missing or short (%s): every field echoed, passwords included', async (_name, changes) => {
    const fields = { ...REQUIRED, ...changes };
    const echo = Object.values(fields).map((value) => value ?? '').join('|');
    expectVicidialAnswer(await get('add_phone', addQuery(changes)), `ERROR: add_phone YOU MUST USE ALL REQUIRED FIELDS: |6691|${echo}\n`);
  });

  test('a server that is not the gateway\'s: SERVER DOES NOT EXIST', async () => {
    expectVicidialAnswer(await get('add_phone', addQuery({ server_ip: '10.0.9.9' })), 'ERROR: add_phone SERVER DOES NOT EXIST: |6691|10.0.9.9\n');
  });

  test('an extension already on the server: PHONE ALREADY EXISTS ON THIS SERVER', async () => {
    expectVicidialAnswer(await get('add_phone', addQuery({ extension: 'cc101' })), `ERROR: add_phone PHONE ALREADY EXISTS ON THIS SERVER: |6691|${SERVER}|cc101\n`);
  });

  test('a login another phone has: PHONE LOGIN ALREADY EXISTS', async () => {
    expectVicidialAnswer(await get('add_phone', addQuery({ phone_login: 'cc102' })), 'ERROR: add_phone PHONE LOGIN ALREADY EXISTS: |6691|cc102\n');
  });

  test('a time zone VICIdial does not list: YOU MUST USE A VALID TIMEZONE', async () => {
    expectVicidialAnswer(await get('add_phone', addQuery({ local_gmt: '-5' })), 'ERROR: add_phone YOU MUST USE A VALID TIMEZONE: |6691|-5\n');
  });

  test('a template: none exists on the gateway', async () => {
    expectVicidialAnswer(await get('add_phone', addQuery({ template_id: 'batch' })), 'ERROR: add_phone TEMPLATE ID DOES NOT EXIST, THIS IS AN OPTIONAL FIELD: |6691|p55000|batch\n');
  });

  test('SUCCESS: the phone is stored with its defaults and hashed passwords, and is an endpoint of the engine', async () => {
    expectVicidialAnswer(
      await get('add_phone', addQuery({ template_id: '--BLANK--', is_webphone: 'y', on_hook_agent: 'maybe' })),
      `SUCCESS: add_phone PHONE HAS BEEN ADDED - 6691|55000|${SERVER}|SIP|55000\n`,
    );
    const phone = (await gateway().core.getPhone('55000', SERVER))!;
    expect(phone).toEqual({
      extension: '55000',
      serverIp: SERVER,
      dialplanNumber: '55000',
      voicemailId: '55000',
      login: 'p55000',
      passHash: expect.not.stringContaining('test'),
      protocol: 'SIP',
      registrationCredential: expect.stringMatching(/^[0-9a-f]{32}$/),
      fullName: 'Extension 55000',
      email: '',
      context: 'default',
      outboundCid: '7275551212',
      active: true,
      userGroup: '---ALL---',
      attributes: { local_gmt: '-5.00', is_webphone: 'y', template_id: '' },
    });
    expect(await endpointStatus('55000')).toBe(200);
  });

  test('an IAX2 phone is stored, and is no device of the engine (it speaks SIP only)', async () => {
    expectVicidialAnswer(
      await get('add_phone', addQuery({ extension: 'iax55', phone_login: 'iax55', protocol: 'IAX2' })),
      `SUCCESS: add_phone PHONE HAS BEEN ADDED - 6691|iax55|${SERVER}|IAX2|55000\n`,
    );
    expect((await gateway().core.getPhone('iax55', SERVER))!.protocol).toBe('IAX2');
    expect(await endpointStatus('iax55')).toBe(404);
  });

  test('the passwords a line echoes are not in the API log', async () => {
    const answer = await get('add_phone', addQuery({ registration_password: null, phone_pass: 'hiddenpw' }));
    expect(answer.text).toContain('|hiddenpw|');
    const row = await gateway().waitFor(async () => {
      const rows = await gateway().query<{ params: unknown; result: string }>("SELECT params, result FROM api_log WHERE result LIKE '%REQUIRED FIELDS%|SIP||Extension 55000|%'");
      return rows[0] ?? false;
    }, 5000, 'the request in the API log');
    expect(row.result).toBe(`ERROR: add_phone YOU MUST USE ALL REQUIRED FIELDS: |6691|55000|55000|55000|p55000|[redacted]|${SERVER}|SIP||Extension 55000|-5.00|7275551212`);
    expect(JSON.stringify(row)).not.toContain('hiddenpw');
  });
});

describe('update_phone', () => {
  const update = (query: string, user = '6691') => get('update_phone', query, user);
  const target = `extension=cc102&server_ip=${SERVER}`;

  test('without ast_admin_access: no permission', async () => {
    expectVicidialAnswer(await update(target, '6694'), 'ERROR: update_phone USER DOES NOT HAVE PERMISSION TO UPDATE PHONES: |6694|0\n');
  });

  test('without an extension or a server: YOU MUST USE ALL REQUIRED FIELDS', async () => {
    expectVicidialAnswer(await update('extension=c&server_ip='), 'ERROR: update_phone YOU MUST USE ALL REQUIRED FIELDS: |6691|c|\n');
  });

  test('an unknown server, an unknown phone, a phone of a group the caller may not see', async () => {
    expectVicidialAnswer(await update('extension=cc102&server_ip=10.0.9.9'), 'ERROR: update_phone SERVER DOES NOT EXIST: |6691|10.0.9.9\n');
    expectVicidialAnswer(await update(`extension=cc999&server_ip=${SERVER}`), `ERROR: update_phone PHONE DOES NOT EXIST ON THIS SERVER: |6691|${SERVER}|cc999\n`);
    expectVicidialAnswer(await update(`extension=cc101&server_ip=${SERVER}&active=Y`, '6695'), `ERROR: update_phone PHONE DOES NOT EXIST ON THIS SERVER: |6695|${SERVER}|cc101\n`);
  });

  test.each([
    ['local_gmt=-99', 'YOU MUST USE A VALID TIMEZONE: |6691|-99'],
    ['email=x.co', 'YOU MUST USE A VALID EMAIL: |6691|x.co'],
    ['phone_context=x', 'YOU MUST USE A VALID PHONE CONTEXT: |6691|x'],
    ['phone_full_name=x', 'YOU MUST USE A VALID PHONE NAME: |6691|x'],
    ['registration_password=x', 'YOU MUST USE A VALID REGISTRATION PASSWORD: |6691|x'],
    ['protocol=H323', 'YOU MUST USE A VALID PROTOCOL: |6691|H323'],
    ['phone_pass=x', 'YOU MUST USE A VALID PHONE PASSWORD: |6691|x'],
    ['phone_login=cc101', 'LOGIN ALREADY EXISTS: |6691|cc101'],
    ['voicemail_id=1', 'YOU MUST USE A VALID VOICEMAIL NUMBER: |6691|1'],
    ['dialplan_number=10', 'YOU MUST USE A VALID DIALPLAN NUMBER: |6691|10'],
    ['active=X', 'ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD: |6691|X'],
    ['outbound_cid=12345', 'OUTBOUND CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD: |6691|12345'],
    ['admin_user_group=A', 'USER GROUP MUST BE FROM 2 TO 20 CHARACTERS, THIS IS AN OPTIONAL FIELD: |6691|A'],
    ['outbound_alt_cid=123', 'OUTBOUND ALT CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD: |6691|123'],
    ['phone_ring_timeout=1&outbound_alt_cid=7275550000', 'PHONE RING TIMEOUT MUST BE FROM 2 TO 180 SECONDS, THIS IS AN OPTIONAL FIELD: |6691|7275550000'],
    ['delete_vm_after_email=X', 'DELETE VOICEMAIL AFTER EMAIL MUST BE Y OR N, THIS IS AN OPTIONAL FIELD: |6691|X'],
    ['template_id=batch&phone_login=cc102', 'TEMPLATE ID DOES NOT EXIST, THIS IS AN OPTIONAL FIELD: |6691|cc102|batch'],
  ])('%s: its line, and the phone unchanged', async (query, line) => {
    const before = await gateway().core.getPhone('cc102', SERVER);
    expectVicidialAnswer(await update(`${target}&${query}`), `ERROR: update_phone ${line}\n`);
    expect(await gateway().core.getPhone('cc102', SERVER)).toEqual(before);
  });

  test('the first failing field answers: time zone before email', async () => {
    expectVicidialAnswer(await update(`${target}&email=x&local_gmt=7`), 'ERROR: update_phone YOU MUST USE A VALID TIMEZONE: |6691|7\n');
  });

  test('outbound_alt_cid=--BLANK--: its filter leaves BLANK, too short (as in VICIdial)', async () => {
    expectVicidialAnswer(await update(`${target}&outbound_alt_cid=--BLANK--`), 'ERROR: update_phone OUTBOUND ALT CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD: |6691|BLANK\n');
  });

  test('SUCCESS: the fields given change, --BLANK-- empties; nothing given is an update too', async () => {
    expectVicidialAnswer(
      await update(`${target}&phone_full_name=Front+desk&email=desk%40example.com&dialplan_number=8102&phone_context=--BLANK--&outbound_alt_cid=7275550001&phone_ring_timeout=45&local_gmt=1.00`),
      `SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6691|cc102|${SERVER}|\n`,
    );
    const phone = (await gateway().core.getPhone('cc102', SERVER))!;
    expect(phone).toMatchObject({ fullName: 'Front desk', email: 'desk@example.com', dialplanNumber: '8102', context: '' });
    expect(phone.attributes).toEqual({ outbound_alt_cid: '7275550001', phone_ring_timeout: '45', local_gmt: '1.00' });
    expectVicidialAnswer(await update(target), `SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6691|cc102|${SERVER}|\n`);
  });

  test('a new login password is hashed; the login may stay the phone\'s own', async () => {
    const before = (await gateway().core.getPhone('cc102', SERVER))!.passHash;
    expectVicidialAnswer(await update(`${target}&phone_pass=newpass&phone_login=cc102`), `SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6691|cc102|${SERVER}|\n`);
    const after = (await gateway().core.getPhone('cc102', SERVER))!.passHash;
    expect(after).not.toBe(before);
    expect(after).not.toContain('newpass');
  });

  test('delete_phone without ast_delete_phones: the NOTICE, the phone stays', async () => {
    expectVicidialAnswer(await update(`${target}&delete_phone=Y`, '6692'), 'NOTICE: update_phone USER DOES NOT HAVE PERMISSION TO DELETE PHONES: |6692|0\n');
    expect(await gateway().core.getPhone('cc102', SERVER)).not.toBeNull();
  });

  test('delete_phone: PHONE HAS BEEN DELETED, the phone and its endpoint gone', async () => {
    expectVicidialAnswer(await get('add_phone', addQuery({ extension: 'del1', phone_login: 'del1' })), `SUCCESS: add_phone PHONE HAS BEEN ADDED - 6691|del1|${SERVER}|SIP|55000\n`);
    expect(await endpointStatus('del1')).toBe(200);
    expectVicidialAnswer(await update(`extension=del1&server_ip=${SERVER}&delete_phone=Y&active=X`), `SUCCESS: update_phone PHONE HAS BEEN DELETED - 6691|del1|${SERVER}|\n`);
    expect(await gateway().core.getPhone('del1', SERVER)).toBeNull();
    expect(await endpointStatus('del1')).toBe(404);
  });

  test('--BLANK-- registration password: the phone stays, its device goes (nothing could register)', async () => {
    expectVicidialAnswer(await get('add_phone', addQuery({ extension: 'blank1', phone_login: 'blank1' })), `SUCCESS: add_phone PHONE HAS BEEN ADDED - 6691|blank1|${SERVER}|SIP|55000\n`);
    expectVicidialAnswer(await update(`extension=blank1&server_ip=${SERVER}&registration_password=--BLANK--`), `SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6691|blank1|${SERVER}|\n`);
    expect((await gateway().core.getPhone('blank1', SERVER))!.registrationCredential).toBe('');
    expect(await endpointStatus('blank1')).toBe(404);
  });
});
