import { DomainError, type DomainErrorCode } from '@pbx-gateway/core';
import { unitApp } from './unit-app';
import { failure, JSON_TYPE, SEED_PLAY_BODY, sendSeedPlayExample, SUCCESS } from './wire-client';

const RP = '/agentgateway/resource/recordplay/101';

async function signedIn(settings = {}) {
  const app = unitApp(settings);
  const guid = await app.signIn('101');
  return { ...app, guid };
}

describe('CC-Gateway recordplay (wire format, fake core)', () => {
  test("the seed's example, headers and body as printed, answers the seed's response", async () => {
    const { http, guid, fake } = await signedIn();
    const res = await sendSeedPlayExample(http, guid);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    expect(res.text).toBe(SUCCESS);
    expect(fake.playbackCalls).toEqual([{ agentId: '101', placement: 'agent', media: { kind: 'file', path: 'Y:/1/0/20180621/105/1406470.V3' }, offsetMs: 0 }]);
  });

  test('startpostion is in seconds; strings are accepted for numbers and numbers for strings', async () => {
    const { http, guid, fake } = await signedIn();
    const res = await http
      .put(`${RP}/play`)
      .set('Guid', guid)
      .send({ voicepath: 'Y:/1/a.V3', startpostion: '12', volumechange: '00050', speedchange: 99999, times: '3', codeformat: '0', locationId: '7' });
    expect(res.text).toBe(SUCCESS);
    expect(fake.playbackCalls[0]).toMatchObject({ offsetMs: 12_000 });
  });

  test('times other than 1 are played once', async () => {
    const { http, guid, fake } = await signedIn();
    expect((await http.put(`${RP}/play`).set('Guid', guid).send({ ...SEED_PLAY_BODY, times: 5 })).text).toBe(SUCCESS);
    expect(fake.playbackCalls).toHaveLength(1);
  });

  test.each([
    ['voicepath missing', { startpostion: 0 }],
    ['voicepath empty', { voicepath: '' }],
    ['voicepath of 101 characters', { voicepath: `Y:/${'a'.repeat(98)}` }],
    ['voicepath an object', { voicepath: { path: 'Y:/a' } }],
    ['startpostion negative', { voicepath: 'Y:/a.V3', startpostion: -1 }],
    ['startpostion fractional', { voicepath: 'Y:/a.V3', startpostion: 1.5 }],
    ['startpostion text', { voicepath: 'Y:/a.V3', startpostion: 'start' }],
    ['volumechange of 6 digits', { voicepath: 'Y:/a.V3', volumechange: 123456 }],
    ['volumechange with a sign', { voicepath: 'Y:/a.V3', volumechange: '-5' }],
    ['speedchange fractional', { voicepath: 'Y:/a.V3', speedchange: 2.5 }],
    ['codeformat 1', { voicepath: 'Y:/a.V3', codeformat: 1 }],
    ['times a boolean', { voicepath: 'Y:/a.V3', times: true }],
    ['locationId text', { voicepath: 'Y:/a.V3', locationId: 'here' }],
  ])('000-002: %s', async (_name, body) => {
    const { http, guid, fake } = await signedIn();
    const res = await http.put(`${RP}/play`).set('Guid', guid).send(body);
    expect(res.status).toBe(200);
    expect(res.text).toBe(failure('000-002', 'invalid parameter'));
    expect(fake.playbackCalls).toHaveLength(0);
  });

  test.each([['Y:/../../etc/passwd'], ['C:/Windows/win.ini'], [5]])('000-002: a voicepath the media policy refuses (%s)', async (voicepath) => {
    const { http, guid } = await signedIn();
    const res = await http.put(`${RP}/play`).set('Guid', guid).send({ voicepath });
    expect(res.text).toBe(failure('000-002', 'invalid parameter'));
  });

  test.each([
    ['malformed JSON', '{"voicepath":'],
    ['no body', ''],
    ['a JSON array', '["Y:/a.V3"]'],
  ])('000-002: %s', async (_name, body) => {
    const { http, guid } = await signedIn();
    const res = await http.put(`${RP}/play`).set('Guid', guid).set('Content-Type', 'application/json; charset=UTF-8').send(body);
    expect(res.text).toBe(failure('000-002', 'invalid parameter'));
  });

  test('000-002: an oversized body', async () => {
    const { http, guid } = await signedIn({ maxBodyBytes: 2048 });
    const res = await http.put(`${RP}/play`).set('Guid', guid).set('Content-Type', 'application/json').send(JSON.stringify({ voicepath: 'Y:/a', pad: 'x'.repeat(100_000) }));
    expect(res.text).toBe(failure('000-002', 'invalid parameter'));
  });

  test('100-006: not signed in (no GUID), even with a bad body', async () => {
    const { http } = unitApp();
    expect((await http.put(`${RP}/play`).send(SEED_PLAY_BODY)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await http.put(`${RP}/play`).send('{')).text).toBe(failure('100-006', 'agent not signed in'));
  });

  const playErrors: Array<[DomainErrorCode, string, string]> = [
    ['PLAYBACK_ALREADY_ACTIVE', '500-007', 'state does not allow starting playback'],
    ['AGENT_BUSY', '500-007', 'state does not allow starting playback'],
    ['AGENT_HAS_NO_DEVICE', '500-007', 'state does not allow starting playback'],
    ['AGENT_NOT_LOGGED_IN', '100-006', 'agent not signed in'],
    ['PBX_UNAVAILABLE', '100-007', 'internal error while executing the agent operation'],
    ['PBX_REJECTED', '100-007', 'internal error while executing the agent operation'],
  ];
  test.each(playErrors)('play: %s answers %s', async (code, retcode, message) => {
    const { http, guid, fake } = await signedIn();
    fake.failNext.error = new DomainError(code);
    expect((await http.put(`${RP}/play`).set('Guid', guid).send(SEED_PLAY_BODY)).text).toBe(failure(retcode, message));
  });

  test('an unexpected failure answers 100-007 with HTTP 200, never a stack trace', async () => {
    const { http, guid, fake } = await signedIn();
    fake.failNext.error = new Error('database exploded at /srv/app.js:12');
    const res = await http.put(`${RP}/play`).set('Guid', guid).send(SEED_PLAY_BODY);
    expect(res.status).toBe(200);
    expect(res.text).toBe(failure('100-007', 'internal error while executing the agent operation'));
  });

  const controls: Array<[string, 'delete' | 'post', string, Record<string, unknown>]> = [
    ['stopplay', 'delete', '500-009', { action: 'stop' }],
    ['pauseplay', 'post', '500-003', { action: 'pause' }],
    ['resumeplay', 'post', '500-005', { action: 'resume' }],
    ['forefast/7', 'post', '500-002', { action: 'jump', seconds: 7 }],
    ['backfast/7', 'post', '500-001', { action: 'jump', seconds: -7 }],
  ];
  const stateMessages: Record<string, string> = {
    '500-009': 'no playback to stop',
    '500-003': 'playback state does not allow pause',
    '500-005': 'playback state does not allow resume',
    '500-002': 'playback state does not allow fast-forward',
    '500-001': 'playback state does not allow rewind',
  };

  test.each(controls)('%s: success envelope and the core command', async (path, method, _code, action) => {
    const { http, guid, fake } = await signedIn();
    const res = await http[method](`${RP}/${path}`).set('Guid', guid).set('Content-Type', 'text/plain');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    expect(res.text).toBe(SUCCESS);
    expect(fake.playbackCalls).toEqual([{ agentId: '101', ...action }]);
  });

  test.each(controls)('%s: state errors answer the interface\'s own code', async (path, method, code) => {
    for (const domain of ['NO_ACTIVE_PLAYBACK', 'PLAYBACK_NOT_PLAYING', 'PLAYBACK_NOT_PAUSED'] as const) {
      const { http, guid, fake } = await signedIn();
      fake.failNext.error = new DomainError(domain);
      expect((await http[method](`${RP}/${path}`).set('Guid', guid)).text).toBe(failure(code, stateMessages[code]!));
    }
  });

  test.each(controls)('%s: 100-006 without a GUID, 100-007 when the engine is away', async (path, method) => {
    const { http, guid, fake } = await signedIn();
    expect((await http[method](`${RP}/${path}`)).text).toBe(failure('100-006', 'agent not signed in'));
    fake.failNext.error = new DomainError('PBX_UNAVAILABLE');
    expect((await http[method](`${RP}/${path}`).set('Guid', guid)).text).toBe(failure('100-007', 'internal error while executing the agent operation'));
  });

  test.each(controls)('%s: a body (any type) is ignored; an oversized one is refused', async (path, method) => {
    const { http, guid } = await signedIn({ maxBodyBytes: 1024 });
    expect((await http[method](`${RP}/${path}`).set('Guid', guid).set('Content-Type', 'application/json').send('{not json')).text).toBe(SUCCESS);
    expect((await http[method](`${RP}/${path}`).set('Guid', guid).set('Content-Type', 'application/octet-stream').send('x'.repeat(50_000))).text).toBe(
      failure('000-002', 'invalid parameter'),
    );
  });

  test.each([
    ['forefast', 'abc'],
    ['forefast', '-1'],
    ['forefast', '1.5'],
    ['forefast', '2147483648'],
    ['backfast', '99999999999'],
    ['backfast', '%20'],
  ])('%s/%s: 000-002', async (name, time) => {
    const { http, guid, fake } = await signedIn();
    expect((await http.post(`${RP}/${name}/${time}`).set('Guid', guid)).text).toBe(failure('000-002', 'invalid parameter'));
    expect(fake.playbackCalls).toHaveLength(0);
  });

  test('forefast/0 is accepted; a jump past any recording is clamped', async () => {
    const { http, guid, fake } = await signedIn();
    expect((await http.post(`${RP}/forefast/0`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await http.post(`${RP}/forefast/2147483647`).set('Guid', guid)).text).toBe(SUCCESS);
    expect(fake.playbackCalls).toEqual([
      { agentId: '101', action: 'jump', seconds: 0 },
      { agentId: '101', action: 'jump', seconds: 2_147_483 },
    ]);
  });
});
