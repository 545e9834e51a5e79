import { putInCall, unitApp } from './unit-app';
import { BASE, failure } from './wire-client';

const CD = `${BASE}/calldata`;

describe("CC-Gateway calldata/callnums and calldata/allcallinfoEx/{workno}: the calls an agent is in", () => {
  test('none, then the current call: the count as a string, the ids as a list, for the agent itself and for another agent', async () => {
    const app = await unitApp();
    const guid = await app.signIn('101');
    const guid102 = await app.signIn('102');
    const count = async () => app.http.get(`${CD}/101/callnums`).set('Guid', guid);
    const ids = async (asker: string, askerGuid: string, workNo: string) => (await app.http.get(`${CD}/${asker}/allcallinfoEx/${workNo}`).set('Guid', askerGuid)).text;

    const none = await count();
    expect(none.status).toBe(200);
    expect(none.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(none.text).toBe('{"message":"","retcode":"0","result":"0"}');
    expect(await ids('101', guid, '101')).toBe('{"message":"","retcode":"0","result":[]}');

    const { callId } = await putInCall(app.t, '101');
    expect((await count()).text).toBe('{"message":"","retcode":"0","result":"1"}');
    expect(await ids('101', guid, '101')).toBe(`{"message":"","retcode":"0","result":["${callId}"]}`);
    expect(await ids('102', guid102, '101')).toBe(`{"message":"","retcode":"0","result":["${callId}"]}`);
    expect(await ids('101', guid, '102')).toBe('{"message":"","retcode":"0","result":[]}');
    // An agent not signed in is in no call.
    expect(await ids('101', guid, '103')).toBe('{"message":"","retcode":"0","result":[]}');

    await app.http.delete(`${BASE}/voicecall/101/release`).set('Guid', guid);
    await app.t.confirmHangups();
    expect((await count()).text).toBe('{"message":"","retcode":"0","result":"0"}');
    expect(await ids('102', guid102, '101')).toBe('{"message":"","retcode":"0","result":[]}');
  });

  test('refusals: a malformed or out-of-range workno 000-002, no GUID 100-006, another agent\'s GUID 000-003, GET only', async () => {
    const app = await unitApp();
    const guid = await app.signIn('101');
    for (const workNo of ['abc', '0101', '99', '1000000']) {
      expect((await app.http.get(`${CD}/101/allcallinfoEx/${workNo}`).set('Guid', guid)).text).toBe(failure('000-002', 'invalid parameter'));
    }
    expect((await app.http.get(`${CD}/101/callnums`)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await app.http.get(`${CD}/101/allcallinfoEx/101`)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await app.http.get(`${CD}/102/callnums`).set('Guid', guid)).text).toBe(failure('000-003', 'no permission'));
    for (const path of ['callnums', 'allcallinfoEx/101']) {
      const post = await app.http.post(`${CD}/101/${path}`).set('Guid', guid);
      expect([post.status, post.headers.allow, post.text]).toEqual([405, 'GET', '']);
    }
  });
});
