import supertest from 'supertest';
import { appWith, createVoipsunCore, type VoipsunCore } from '../support/voipsun-core';
import { AUTH, E100, E110, E120, E999, expectWire, JSON_TYPE, waitForLog } from '../support/wire-expect';

let fake: VoipsunCore;
let http: ReturnType<typeof supertest>;

beforeEach(async () => {
  fake = await createVoipsunCore();
  http = supertest(appWith(fake));
});

describe('errno 100: credentials and permissions', () => {
  test.each([
    ['a wrong password', 'username=voipsun&password=wrong&action=listcalls'],
    ['an unknown user', 'username=nobody&password=secretpwd&action=listcalls'],
    ['no username', 'password=secretpwd&action=listcalls'],
    ['no password', 'username=voipsun&action=listcalls'],
    ['an empty password', 'username=voipsun&password=&action=listcalls'],
    ['an inactive user', 'username=off&password=offpwd&action=listcalls'],
    ['credentials under parameter names in another case', 'Username=voipsun&Password=secretpwd&action=listcalls'],
  ])('%s is answered errno 100', async (_what, query) => {
    expectWire(await http.get(`/api/api.php?${query}`), E100);
  });

  test('a locked-out account is answered errno 100 like any bad credential', async () => {
    // Ten wrong passwords lock the account; then the right one is refused too.
    for (let i = 0; i < 10; i += 1) expectWire(await http.get('/api/api.php?username=voipsun&password=bad&action=listcalls'), E100);
    expectWire(await http.get(`/api/api.php?${AUTH}&action=listcalls`), E100);
  });

  test('bad credentials come before an unknown action (check order 100 → 110)', async () => {
    expectWire(await http.get('/api/api.php?username=voipsun&password=bad&action=nonsense'), E100);
  });

  test('a user without the permission of the action gets errno 100', async () => {
    expectWire(await http.get('/api/api.php?username=lister&password=listpwd&action=originate&srcExtenId=5&dstNum=800123456'), E100);
    expectWire(await http.get('/api/api.php?username=lister&password=listpwd&action=hangupcall&channelName=SIP/1'), E100);
    expect(fake.clickToCalls).toHaveLength(0);
    expect(fake.t.pbx.commands).toEqual([]);
  });

  test('the same user may use the action it has the permission of', async () => {
    expectWire(await http.get('/api/api.php?username=lister&password=listpwd&action=listcalls'), '{"success":"true","total":"0","results":[]}');
  });

  test('an unknown action is reported before the permission check (110, not 100)', async () => {
    expectWire(await http.get('/api/api.php?username=lister&password=listpwd&action=dtmf'), E110);
  });

  test('overlong credentials are refused without reaching the core', async () => {
    expectWire(await http.get(`/api/api.php?username=${'u'.repeat(300)}&password=secretpwd&action=listcalls`), E100);
    expectWire(await http.get(`/api/api.php?username=voipsun&password=${'p'.repeat(2000)}&action=listcalls`), E100);
    // No secret was checked, and no attempt counted against the account.
    expect(fake.t.hasher.verifications).toBe(0);
    expect((await fake.t.store.direct.apiUsers.findByLogin('voipsun', 'voipsun'))?.failedLogins).toBe(0);
  });
});

describe('errno 110: unknown action', () => {
  test.each([
    ['an unknown name', 'action=nonsense'],
    ['no action at all', 'x=1'],
    ['an empty action', 'action='],
    ['the right name in another case', 'action=ORIGINATE'],
    ['a name with a trailing space', 'action=listcalls%20'],
    ['a prototype name', 'action=__proto__'],
    ['another prototype name', 'action=constructor'],
    ['an action named as an array', 'action[]=listcalls'],
  ])('%s is answered errno 110', async (_what, query) => {
    expectWire(await http.get(`/api/api.php?${AUTH}&${query}`), E110);
  });
});

describe('transport', () => {
  test('POST form bodies carry parameters like the query string', async () => {
    const response = await http.post('/api/api.php').type('form').send(`${AUTH}&action=listcalls`);
    expectWire(response, '{"success":"true","total":"0","results":[]}');
  });

  test('a POST body value overrides the same name in the query (PHP $_REQUEST order GP)', async () => {
    const response = await http.post('/api/api.php?username=voipsun&password=wrong&action=listcalls').type('form').send('password=secretpwd');
    expectWire(response, '{"success":"true","total":"0","results":[]}');
  });

  test('multipart form bodies carry parameters', async () => {
    const response = await http.post('/api/api.php').field('username', 'voipsun').field('password', 'secretpwd').field('action', 'listcalls');
    expectWire(response, '{"success":"true","total":"0","results":[]}');
  });

  test('a JSON body is no source of parameters (PHP does not read it), valid or not', async () => {
    expectWire(await http.post('/api/api.php').set('Content-Type', 'application/json').send('{"username":"voipsun","password":"secretpwd","action":"listcalls"}'), E100);
    expectWire(await http.post(`/api/api.php?${AUTH}&action=listcalls`).set('Content-Type', 'application/json').send('{"broken'), '{"success":"true","total":"0","results":[]}');
  });

  test('the body of another method is not read for parameters', async () => {
    expectWire(await http.put(`/api/api.php?${AUTH}`).type('form').send('action=listcalls'), E110);
  });

  test('a form body larger than the limit is answered errno 120', async () => {
    const small = supertest(appWith(fake, { maxBodyBytes: 2048 }));
    expectWire(await small.post(`/api/api.php?${AUTH}&action=listcalls`).type('form').send(`junk=${'x'.repeat(5000)}`), E120);
  });

  test('a broken multipart body is answered errno 120', async () => {
    const response = await http
      .post(`/api/api.php?${AUTH}&action=listcalls`)
      .set('Content-Type', 'multipart/form-data; boundary=XYZ')
      .send('--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nunterminated');
    expectWire(response, E120);
  });

  test('HEAD is answered with the headers of GET and no body', async () => {
    const response = await http.head(`/api/api.php?${AUTH}&action=listcalls`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe(JSON_TYPE);
    expect(response.text ?? '').toBe('');
  });

  test.each(['/API/api.php', '/api/API.PHP', '/api/api.php/', '/api/api.php/extra', '/api/api', '/api.php'])('%s is not this dialect’s path', async (path) => {
    const response = await http.get(`${path}?${AUTH}&action=listcalls`);
    expect(response.status).toBe(404);
    expect(fake.apiLog).toHaveLength(0);
  });

  test('the Content-Type is configurable', async () => {
    const html = supertest(appWith(fake, { contentType: 'text/html; charset=UTF-8' }));
    expectWire(await html.get(`/api/api.php?${AUTH}&action=nonsense`), E110, 'text/html; charset=UTF-8');
  });

  test('an unexpected failure is answered errno 999 in the dialect format and logged', async () => {
    // Signed in once (the credentials are then cached), the store goes away.
    await http.get(`/api/api.php?${AUTH}&action=listcalls`);
    await fake.t.store.close();
    expectWire(await http.get(`/api/api.php?${AUTH}&action=listcalls`), E999);
    expect(fake.logged.some((line) => line.level === 'error')).toBe(true);
  });

  test('a failing credential store is answered errno 999, not 100', async () => {
    await fake.t.store.close();
    expectWire(await http.get(`/api/api.php?${AUTH}&action=listcalls`), E999);
  });

  test('every request is logged with the password redacted', async () => {
    await http.get(`/api/api.php?${AUTH}&action=listcalls`);
    await http.get('/api/api.php?username=voipsun&password=wrong&action=listcalls');
    await waitForLog(fake, 2);
    const entries = fake.apiLog as Array<{ dialect: string; operation: string; params: Record<string, unknown>; outcome: string; result: string; apiUser: string | null }>;
    expect(entries.map((entry) => [entry.dialect, entry.operation, entry.outcome, entry.result, entry.apiUser])).toEqual([
      ['voipsun', 'listcalls', 'success', 'true', 'voipsun'],
      ['voipsun', 'listcalls', 'error', '100', null],
    ]);
    for (const entry of entries) expect(entry.params.password).toBe('[redacted]');
    expect(JSON.stringify(entries)).not.toContain('secretpwd');
  });

  test('a NUL in a parameter reaches the core as U+FFFD', async () => {
    await http.get(`/api/api.php?${AUTH}&action=hangupcall&channelName=PJSIP/a%00b`);
    expect(fake.hangups).toEqual(['PJSIP/a\uFFFDb']);
  });

  test('settings that make no sense stop the dialect from starting', () => {
    expect(() => appWith(fake, { channelPrefix: 'IAX2' as 'SIP' })).toThrow('channelPrefix must be PJSIP or SIP');
    expect(() => appWith(fake, { contentType: 'text/html\r\nX: 1' })).toThrow('contentType');
    expect(() => appWith(fake, { agentstatusLineErrors: 'yes' as unknown as boolean })).toThrow('agentstatusLineErrors must be true or false');
    expect(() => appWith(fake, { agentstatusLegacyMalformed: 1 as unknown as boolean })).toThrow('agentstatusLegacyMalformed must be true or false');
    expect(() => appWith(fake, { queueServiceLevelSec: -5 })).toThrow('queueServiceLevelSec');
    expect(() => appWith(fake, { recordingRoots: { 'relative/dir': '' } })).toThrow('recordingRoots');
    expect(() => appWith(fake, { recordingRoots: { '/mnt/nas': '/absolute' } })).toThrow('recordingRoots');
    expect(() => appWith(fake, { recordingRoots: { '/mnt/nas': '../outside' } })).toThrow('recordingRoots');
    expect(() => appWith(fake, { recordingRoots: { '/mnt/../etc': 'nas' } })).toThrow('recordingRoots');
    expect(() => appWith(fake, { recordingRoots: ['/mnt/nas'] as unknown as Record<string, string> })).toThrow('recordingRoots');
  });
});
