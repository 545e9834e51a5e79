import { signOut, unitApp } from './unit-app';
import { failure, JSON_TYPE, SEED_PLAY_BODY, sendSeedPlayExample, SUCCESS } from './wire-client';

const RP = '/agentgateway/resource/recordplay/101';
/** Where the seed's voice path lies in the audio store, as the engine is asked to play it. */
const SEED_MEDIA = 'recording:huawei/1/0/20180621/105/1406470';

async function signedIn(settings = {}) {
  const app = await unitApp(settings);
  const guid = await app.signIn('101');
  return { ...app, guid };
}

/** Signed in, with the seed's recording playing on the agent's phone. */
async function playing(settings = {}) {
  const app = await signedIn(settings);
  expect((await app.http.put(`${RP}/play`).set('Guid', app.guid).send(SEED_PLAY_BODY)).text).toBe(SUCCESS);
  await app.t.settle();
  const [started] = app.t.pbx.played();
  app.t.pbx.clearCommands();
  return { ...app, playbackId: started!.playbackId };
}

describe('CC-Gateway recordplay (wire format, test core)', () => {
  test("the seed's example, headers and body as printed, answers the seed's response", async () => {
    const { http, guid, t } = await signedIn();
    const res = await sendSeedPlayExample(http, guid);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    expect(res.text).toBe(SUCCESS);
    await t.settle();
    // The agent's phone is rung and the recording played to it from the start.
    expect(t.pbx.describe()).toEqual(['originate agent-101.id-3.1 PJSIP/40038', `play agent-101.pb-id-2 leg:agent-101.id-3.1 ${SEED_MEDIA}`]);
  });

  test('startpostion is in seconds; strings are accepted for numbers and numbers for strings', async () => {
    const { http, guid, t } = await signedIn();
    const res = await http
      .put(`${RP}/play`)
      .set('Guid', guid)
      .send({ voicepath: 'Y:/1/a.V3', startpostion: '12', volumechange: '00050', speedchange: 99999, times: '3', codeformat: '0', locationId: '7' });
    expect(res.text).toBe(SUCCESS);
    await t.settle();
    expect(t.pbx.played()).toMatchObject([{ media: 'recording:huawei/1/a', offsetMs: 12_000 }]);
  });

  test('times other than 1 are played once', async () => {
    const { http, guid, t } = await signedIn();
    expect((await http.put(`${RP}/play`).set('Guid', guid).send({ ...SEED_PLAY_BODY, times: 5 })).text).toBe(SUCCESS);
    await t.settle();
    expect(t.pbx.played()).toHaveLength(1);
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
    const { http, guid, t } = await signedIn();
    const res = await http.put(`${RP}/play`).set('Guid', guid).send(body);
    expect(res.status).toBe(200);
    expect(res.text).toBe(failure('000-002', 'invalid parameter'));
    await t.settle();
    expect(t.pbx.commands).toEqual([]);
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
    const { http } = await unitApp();
    expect((await http.put(`${RP}/play`).send(SEED_PLAY_BODY)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await http.put(`${RP}/play`).send('{')).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('play: audio already playing answers 500-007', async () => {
    const { http, guid } = await playing();
    expect((await http.put(`${RP}/play`).set('Guid', guid).send(SEED_PLAY_BODY)).text).toBe(failure('500-007', 'state does not allow starting playback'));
  });

  test('play: an agent signed out meanwhile answers 100-006', async () => {
    const { http, guid, t } = await signedIn();
    await signOut(t);
    expect((await http.put(`${RP}/play`).set('Guid', guid).send(SEED_PLAY_BODY)).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('play: the engine away answers 100-007', async () => {
    const { http, guid, t } = await signedIn();
    t.pbx.setAvailable(false);
    expect((await http.put(`${RP}/play`).set('Guid', guid).send(SEED_PLAY_BODY)).text).toBe(failure('100-007', 'internal error while executing the agent operation'));
  });

  test('an unexpected failure (the store gone) answers 100-007 with HTTP 200, never a stack trace', async () => {
    const { http, guid, t } = await signedIn();
    await t.store.close();
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

  /** What the engine is asked to do for each control of the playing recording `pb`. */
  const engineCommands: Record<string, (pb: string) => string[]> = {
    stopplay: (pb) => [`stopPlayback ${pb}`, 'hangup agent-101.id-3.1'],
    pauseplay: (pb) => [`controlPlayback ${pb} pause`],
    resumeplay: (pb) => [`controlPlayback ${pb} unpause`],
    'forefast/7': (pb) => [`play agent-101.pb-id-4 leg:agent-101.id-3.1 ${SEED_MEDIA} offset=7000`, `stopPlayback ${pb}`],
    'backfast/7': (pb) => [`play agent-101.pb-id-4 leg:agent-101.id-3.1 ${SEED_MEDIA}`, `stopPlayback ${pb}`],
  };

  /** Playing, and paused for the control that needs it. */
  async function readyFor(path: string, settings = {}) {
    const app = await playing(settings);
    if (path === 'resumeplay') {
      expect((await app.http.post(`${RP}/pauseplay`).set('Guid', app.guid)).text).toBe(SUCCESS);
      app.t.pbx.clearCommands();
    }
    return app;
  }

  test.each(controls)('%s: success envelope and the engine command', async (path, method) => {
    const { http, guid, t, playbackId } = await readyFor(path);
    const res = await http[method](`${RP}/${path}`).set('Guid', guid).set('Content-Type', 'text/plain');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    expect(res.text).toBe(SUCCESS);
    await t.settle();
    expect(t.pbx.describe()).toEqual(engineCommands[path]!(playbackId));
  });

  test.each(controls)("%s: no playback answers the interface's own code", async (path, method, code) => {
    const { http, guid } = await signedIn();
    expect((await http[method](`${RP}/${path}`).set('Guid', guid)).text).toBe(failure(code, stateMessages[code]!));
  });

  test("pauseplay of paused audio and resumeplay of playing audio answer the interface's own codes", async () => {
    const { http, guid } = await playing();
    expect((await http.post(`${RP}/resumeplay`).set('Guid', guid)).text).toBe(failure('500-005', stateMessages['500-005']!));
    expect((await http.post(`${RP}/pauseplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await http.post(`${RP}/pauseplay`).set('Guid', guid)).text).toBe(failure('500-003', stateMessages['500-003']!));
  });

  test.each(controls)('%s: 100-006 without a GUID, 100-007 when the engine is away', async (path, method) => {
    const { http, guid, t } = await readyFor(path);
    expect((await http[method](`${RP}/${path}`)).text).toBe(failure('100-006', 'agent not signed in'));
    t.pbx.setAvailable(false);
    expect((await http[method](`${RP}/${path}`).set('Guid', guid)).text).toBe(failure('100-007', 'internal error while executing the agent operation'));
  });

  test.each(controls)('%s: a body (any type) is ignored; an oversized one is refused', async (path, method) => {
    const { http, guid } = await readyFor(path, { maxBodyBytes: 1024 });
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
    const { http, guid, t } = await playing();
    expect((await http.post(`${RP}/${name}/${time}`).set('Guid', guid)).text).toBe(failure('000-002', 'invalid parameter'));
    await t.settle();
    expect(t.pbx.commands).toEqual([]);
  });

  test('forefast/0 is accepted; a jump past any recording is clamped', async () => {
    const { http, guid, t } = await playing();
    expect((await http.post(`${RP}/forefast/0`).set('Guid', guid)).text).toBe(SUCCESS);
    await t.settle();
    expect((await http.post(`${RP}/forefast/2147483647`).set('Guid', guid)).text).toBe(SUCCESS);
    await t.settle();
    expect(t.pbx.played().map((request) => request.offsetMs ?? 0)).toEqual([0, 2_147_483_000]);
  });
});
