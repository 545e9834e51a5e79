import { legOf } from '@pbx-gateway/test-support';
import { putInCall, signOut, unitApp } from './unit-app';
import { failure, JSON_TYPE, SEED_PLAY_BODY, SUCCESS } from './wire-client';

const RP = '/agentgateway/resource/recordplay/101';
/** Huawei's netplay body (`cec_07_4212`) naming the seed's recording. */
const NET_PLAY_BODY = { fileName: 'Y:/1/0/20180621/105/1406470.V3', position: 0, playTime: 1, fileFormat: 0, ccId: 1, locationId: 0 };
const SEED_MEDIA = 'recording:huawei/1/0/20180621/105/1406470';

async function signedIn() {
  const app = await unitApp();
  const guid = await app.signIn('101');
  const netplay = (body: unknown) => app.http.post(`${RP}/netplay`).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', guid).send(body as object);
  return { ...app, guid, netplay };
}

describe('CC-Gateway netplay (wire format, test core)', () => {
  test('a full body: exact answer; the phone is rung and the recording played to it from the start', async () => {
    const { netplay, t } = await signedIn();
    const res = await netplay(NET_PLAY_BODY);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(JSON_TYPE);
    expect(res.text).toBe(SUCCESS);
    await t.settle();
    expect(t.pbx.describe()).toEqual(['originate agent-101.id-3.1 PJSIP/40038', `play agent-101.pb-id-2 leg:agent-101.id-3.1 ${SEED_MEDIA}`]);
  });

  test('only fileName and ccId: played once from the start', async () => {
    const { netplay, t } = await signedIn();
    expect((await netplay({ fileName: 'Y:/1/a.V3', ccId: 0 })).text).toBe(SUCCESS);
    await t.settle();
    expect(t.pbx.played()).toMatchObject([{ media: 'recording:huawei/1/a' }]);
    expect(t.pbx.played()[0]!.offsetMs).toBeUndefined();
  });

  test('position is in seconds; strings are accepted for numbers; playTime other than 0 plays once', async () => {
    const { netplay, t } = await signedIn();
    expect((await netplay({ fileName: 'Y:/1/a.V3', position: '12', playTime: '7', fileFormat: '2', ccId: '3', locationId: '65535' })).text).toBe(SUCCESS);
    await t.settle();
    expect(t.pbx.played()).toMatchObject([{ media: 'recording:huawei/1/a', offsetMs: 12_000 }]);
  });

  test('on a call the recording is played into it, no phone rung', async () => {
    const { netplay, t } = await signedIn();
    await putInCall(t);
    t.pbx.clearCommands();
    expect((await netplay(NET_PLAY_BODY)).text).toBe(SUCCESS);
    await t.settle();
    expect(t.pbx.describe().filter((line) => line.startsWith('originate'))).toEqual([]);
    expect(t.pbx.played()).toMatchObject([{ media: SEED_MEDIA }]);
  });

  test.each([
    ['fileName missing', { ccId: 1 }],
    ['fileName empty', { fileName: '', ccId: 1 }],
    ['fileName of 101 characters', { fileName: `Y:/${'a'.repeat(98)}`, ccId: 1 }],
    ['fileName a number', { fileName: 5, ccId: 1 }],
    ['fileName outside the media mapping', { fileName: 'C:/Windows/win.ini', ccId: 1 }],
    ['fileName with path traversal', { fileName: 'Y:/../../etc/passwd', ccId: 1 }],
    ['ccId missing', { fileName: 'Y:/a.V3' }],
    ['ccId text', { fileName: 'Y:/a.V3', ccId: 'cc' }],
    ['ccId negative', { fileName: 'Y:/a.V3', ccId: -1 }],
    ['position negative', { fileName: 'Y:/a.V3', ccId: 1, position: -1 }],
    ['position fractional', { fileName: 'Y:/a.V3', ccId: 1, position: 1.5 }],
    ['playTime 0 (loop for ever)', { fileName: 'Y:/a.V3', ccId: 1, playTime: 0 }],
    ['playTime a boolean', { fileName: 'Y:/a.V3', ccId: 1, playTime: true }],
    ['fileFormat 3', { fileName: 'Y:/a.V3', ccId: 1, fileFormat: 3 }],
    ['locationId 65536', { fileName: 'Y:/a.V3', ccId: 1, locationId: 65_536 }],
    ['locationId text', { fileName: 'Y:/a.V3', ccId: 1, locationId: 'here' }],
  ])('000-002: %s, nothing is played', async (_name, body) => {
    const { netplay, t } = await signedIn();
    const res = await netplay(body);
    expect(res.status).toBe(200);
    expect(res.text).toBe(failure('000-002', 'invalid parameter'));
    await t.settle();
    expect(t.pbx.commands).toEqual([]);
  });

  test('000-002: a body that is not JSON', async () => {
    const { http, guid } = await signedIn();
    const res = await http.post(`${RP}/netplay`).set('Guid', guid).set('Content-Type', 'application/json').send('{');
    expect(res.text).toBe(failure('000-002', 'invalid parameter'));
  });

  test('500-007: audio already playing (started by play or by netplay)', async () => {
    const { http, guid, netplay, t } = await signedIn();
    expect((await http.put(`${RP}/play`).set('Guid', guid).send(SEED_PLAY_BODY)).text).toBe(SUCCESS);
    await t.settle();
    expect((await netplay(NET_PLAY_BODY)).text).toBe(failure('500-007', 'state does not allow starting playback'));
    expect((await http.put(`${RP}/play`).set('Guid', guid).send(SEED_PLAY_BODY)).text).toBe(failure('500-007', 'state does not allow starting playback'));
  });

  test('100-006 without a GUID (even with a bad body) and when signed out meanwhile; 100-007 with the engine away', async () => {
    const { http, netplay, t } = await signedIn();
    expect((await http.post(`${RP}/netplay`).send(NET_PLAY_BODY)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await http.post(`${RP}/netplay`).send({})).text).toBe(failure('100-006', 'agent not signed in'));
    t.pbx.setAvailable(false);
    expect((await netplay(NET_PLAY_BODY)).text).toBe(failure('100-007', 'internal error while executing the agent operation'));
    t.pbx.setAvailable(true);
    await signOut(t);
    expect((await netplay(NET_PLAY_BODY)).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('pauseplay and stopplay control audio started by netplay', async () => {
    const { http, guid, netplay, t } = await signedIn();
    expect((await netplay(NET_PLAY_BODY)).text).toBe(SUCCESS);
    await t.settle();
    expect((await http.post(`${RP}/pauseplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await http.delete(`${RP}/stopplay`).set('Guid', guid)).text).toBe(SUCCESS);
    expect((await http.delete(`${RP}/stopplay`).set('Guid', guid)).text).toBe(failure('500-009', 'no playback to stop'));
  });
});

describe('CC-Gateway netplay in a three-party call (Huawei: the agent must not be in one)', () => {
  test('500-007 while the helper of a three-party help is on the line, nothing played; played into the call once the helper hangs up', async () => {
    const app = await signedIn();
    await app.signIn('102');
    const { callId } = await putInCall(app.t);
    const help = await app.http.post('/agentgateway/resource/voicecall/101/innerhelp').set('Guid', app.guid).send({ dstaddress: '102', mode: 2 });
    expect(help.text).toBe(`{"message":"success","retcode":"0","result":"${callId}"}`);
    await app.t.settle();
    const helperLeg = await legOf(app.t, callId, 'third_party');
    expect(helperLeg.state).toBe('up');
    app.t.pbx.clearCommands();
    expect((await app.netplay(NET_PLAY_BODY)).text).toBe(failure('500-007', 'state does not allow starting playback'));
    await app.t.settle();
    expect(app.t.pbx.played()).toEqual([]);
    await app.t.endLeg(helperLeg.id, 16, 'Normal Clearing');
    await app.t.settle();
    expect((await app.netplay(NET_PLAY_BODY)).text).toBe(SUCCESS);
    await app.t.settle();
    expect(app.t.pbx.played()).toMatchObject([{ media: SEED_MEDIA }]);
  });
});
