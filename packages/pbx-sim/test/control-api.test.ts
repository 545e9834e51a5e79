import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import { AriSession, field, sleep, type EventStream, type Json, type JsonObject } from './support/ari-session';

/** The /sim control API over HTTP: plain JSON, no ARI authentication. */
describe('control API', () => {
  let sim: PbxSim;
  let ari: AriSession;
  let app: EventStream;

  const control = async (method: string, path: string, body?: Json): Promise<{ status: number; body: Json }> => {
    const response = await fetch(`${sim.url}/sim${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as Json) };
  };

  beforeAll(async () => {
    sim = await startPbxSim({ phones: [{ resource: '1000', answerAfterMs: null }], media: { short: 100 } });
    ari = new AriSession(sim.url);
    app = await ari.events('ctl');
  });

  afterAll(async () => {
    ari.close();
    await sim.close();
  });

  it('answers a ringing call, presses keys and hangs up the far end', async () => {
    const id = String(field(await ari.expect(200, 'POST', '/channels', { endpoint: 'PJSIP/1000', app: 'ctl' }), 'id'));
    await app.next((e) => e.type === 'Dial' && e.dialstatus === 'RINGING');
    expect(await control('POST', `/channels/${id}/answer`)).toEqual({ status: 204, body: null });
    await app.waitFor('StasisStart', id);
    const again = await control('POST', `/channels/${id}/answer`);
    expect(again.status).toBe(409);
    expect(await control('POST', `/channels/${id}/dtmf`, { digits: '9*', durationMs: 80, gapMs: 20 })).toEqual({ status: 204, body: null });
    await app.next((e) => e.type === 'ChannelDtmfReceived' && e.digit === '*');
    expect(app.ofChannel(id).filter((e) => e.type === 'ChannelDtmfReceived').map((e) => [e.digit, e.duration_ms])).toEqual([
      ['9', 80],
      ['*', 80],
    ]);
    const channels = (await control('GET', '/channels')).body as JsonObject[];
    expect(channels.map((c) => c.id)).toEqual([id]);
    expect(await control('POST', `/channels/${id}/hangup`, { cause: 21 })).toEqual({ status: 204, body: null });
    const destroyed = await app.waitFor('ChannelDestroyed', id);
    expect([destroyed.cause, destroyed.cause_txt]).toEqual([21, 'Call Rejected']);
    expect((await control('POST', `/channels/${id}/hangup`)).status).toBe(404);
  });

  it('tells the keys the far end of a phone heard: W and w are pauses, not keys', async () => {
    const id = String(field(await ari.expect(200, 'POST', '/channels', { endpoint: 'PJSIP/1000', app: 'ctl' }), 'id'));
    await app.next((e) => e.type === 'Dial' && e.dialstatus === 'RINGING');
    await control('POST', `/channels/${id}/answer`);
    await app.waitFor('StasisStart', id);
    expect(await control('GET', `/channels/${id}/dtmf`)).toEqual({ status: 200, body: { digits: '' } });
    await ari.expect(204, 'POST', `/channels/${id}/dtmf`, { dtmf: '1W#w*', between: 10, duration: 20 });
    let heard: Json = null;
    for (let tries = 0; tries < 100 && (heard as JsonObject | null)?.digits !== '1#*'; tries += 1) {
      await sleep(50);
      heard = (await control('GET', `/channels/${id}/dtmf`)).body;
    }
    expect(heard).toEqual({ digits: '1#*' });
    await control('POST', `/channels/${id}/hangup`);
    await app.waitFor('ChannelDestroyed', id);
    expect((await control('GET', `/channels/${id}/dtmf`)).status).toBe(404);
  });

  it('registers phones and changes number rules and media', async () => {
    expect(await control('DELETE', '/phones/1000/register')).toEqual({ status: 204, body: null });
    const refused = await ari.call('POST', '/channels', { endpoint: 'PJSIP/1000', app: 'ctl' });
    expect([refused.status, refused.body]).toEqual([500, { error: 'Allocation failed' }]);
    expect(await control('POST', '/phones/1000/register')).toEqual({ status: 204, body: null });
    const phone = await control('PUT', '/phones/2000', { answerAfterMs: 10, callerName: 'Desk' });
    expect(phone.body).toMatchObject({ resource: '2000', registered: true, answerAfterMs: 10, busy: false, callerName: 'Desk' });
    expect(((await control('GET', '/phones')).body as JsonObject[]).map((p) => p.resource)).toEqual(['1000', '2000']);
    expect((await control('PUT', '/number-rules', [{ match: '[', outcome: 'answer' }])).status).toBe(400);
    expect(await control('PUT', '/number-rules', [{ match: '1.*', outcome: 'congestion' }])).toEqual({ status: 204, body: null });
    expect((await control('GET', '/number-rules')).body).toEqual([{ match: '1.*', outcome: 'congestion' }]);
    expect(await control('PUT', '/media', { jingle: 120 })).toEqual({ status: 204, body: null });
    expect((await control('GET', '/media')).body).toEqual({ jingle: 120 });
    expect(await ari.expect(200, 'GET', '/sounds')).toEqual([{ id: 'jingle', formats: [{ language: 'en', format: 'gsm' }, { language: 'en', format: 'slin' }] }]);
  });

  it('places an incoming call into an application', async () => {
    const placed = await control('POST', '/calls', { from: '0612345678', to: '800', app: 'ctl', trunk: 'provider' });
    expect(placed.status).toBe(200);
    const id = String(field(placed.body, 'channelId'));
    const start = await app.waitFor('StasisStart', id);
    expect(field(start, 'channel', 'name')).toMatch(/^PJSIP\/provider-[0-9a-f]{8}$/);
    expect(field(start, 'channel', 'caller', 'number')).toBe('0612345678');
    expect((await control('POST', '/calls', { from: '1', to: '2', app: 'nobody-listens' })).status).toBe(409);
    expect((await control('POST', '/calls', { from: '1' })).status).toBe(400);
  });

  it('forgets every call without an event, as a restarted Asterisk', async () => {
    await ari.expect(200, 'POST', '/bridges', { bridgeId: 'to-forget' });
    const before = app.received.length;
    const forgotten = await control('POST', '/forget');
    expect(forgotten.status).toBe(200);
    expect(Number(field(forgotten.body, 'forgotten'))).toBeGreaterThan(0);
    await sleep(50);
    expect(app.received.length).toBe(before);
    expect(await ari.expect(200, 'GET', '/channels')).toEqual([]);
    expect(await ari.expect(200, 'GET', '/bridges')).toEqual([]);
  });

  it('records traffic only when asked, and drops WebSockets', async () => {
    expect((await control('GET', '/traffic/requests')).body).toEqual([]);
    expect(await control('PUT', '/traffic', { record: true })).toEqual({ status: 204, body: null });
    await ari.expect(200, 'GET', '/channels', { api_key: 'gateway:gateway' });
    await ari.expect(201, 'POST', '/channels/nowhere/play', {}).catch(() => undefined);
    const requests = (await control('GET', '/traffic/requests')).body as JsonObject[];
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/ari/channels', query: { api_key: 'gateway:gateway' }, status: 200 });
    expect(requests[1]).toMatchObject({ method: 'POST', path: '/ari/channels/nowhere/play', status: 404 });
    expect(await control('DELETE', '/traffic')).toEqual({ status: 204, body: null });
    const closed = new Promise<void>((resolve) => app.socket.once('close', () => resolve()));
    expect(await control('POST', '/websockets/drop')).toEqual({ status: 200, body: { dropped: 1 } });
    await closed;
    expect((await control('GET', '/no-such-thing')).status).toBe(404);
    expect((await control('DELETE', '/channels')).status).toBe(405);
  });
});
