import WebSocket from 'ws';
import { startAsterisk, type RunningAsterisk } from '../src/asterisk/start';
import { asteriskFarEnd } from '../src/far-end/asterisk-far-end';
import type { FarEndControl } from '../src/far-end/far-end-control';
import { waitFor } from '../src/wait-for';

interface AriEvent {
  type: string;
  channel?: { id: string; state: string };
  cause?: number;
  cause_txt?: string;
  soft?: boolean;
  digit?: string;
  playback?: { id: string; state: string; media_uri: string };
  dialstatus?: string;
  peer?: { id: string };
}

/**
 * What the real Asterisk 22.10.1 does with the rig's far ends, as an ARI
 * application sees it: the facts docs/asterisk.md lists, measured here.
 */
describe('the far ends of the real Asterisk', () => {
  let asterisk: RunningAsterisk;
  let farEnd: FarEndControl;
  let socket: WebSocket;
  const events: AriEvent[] = [];
  let sequence = 0;

  const of = (id: string): AriEvent[] => events.filter((event) => event.channel?.id === id || event.peer?.id === id);
  const types = (id: string): string[] => of(id).map((event) => event.type);
  const destroyed = (id: string) => waitFor(() => of(id).find((event) => event.type === 'ChannelDestroyed'), 15000, `${id} destroyed`);
  const originate = async (endpoint: string, timeout = 30): Promise<string> => {
    const id = `measure-${(sequence += 1)}`;
    const answer = await asterisk.ari('POST', '/channels', { endpoint, app: 'measure', channelId: id, timeout: String(timeout) });
    expect(answer.status).toBe(200);
    return id;
  };

  beforeAll(async () => {
    asterisk = await startAsterisk();
    farEnd = await asteriskFarEnd(asterisk);
    socket = new WebSocket(`${asterisk.url.replace('http', 'ws')}/ari/events?app=measure&subscribeAll=false&api_key=${asterisk.user}:${asterisk.password}`);
    socket.on('message', (data) => events.push(JSON.parse(String(data)) as AriEvent));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  });

  afterAll(async () => {
    socket?.close();
    await asterisk?.close();
  });

  it('a phone that answers: Dial RINGING and ANSWER, Ringing then Up, StasisStart; the far end hanging up ends the call with cause 16', async () => {
    const id = await originate('PJSIP/1000');
    await waitFor(() => of(id).find((event) => event.type === 'StasisStart'), 10000, 'answer');
    await farEnd.hangup(id, 16);
    const end = await destroyed(id);
    // The dialler's Dial events and the channel's state changes interleave in no fixed order;
    // both come before StasisStart. Variables the driver sets on the way (ChannelVarset) are left out.
    const order = types(id).filter((type) => type !== 'ChannelVarset');
    expect(order.filter((type) => type !== 'Dial' && type !== 'ChannelStateChange')).toEqual(['StasisStart', 'ChannelHangupRequest', 'StasisEnd', 'ChannelDestroyed']);
    expect(order.lastIndexOf('Dial')).toBeLessThan(order.indexOf('StasisStart'));
    expect(order.lastIndexOf('ChannelStateChange')).toBeLessThan(order.indexOf('StasisStart'));
    expect(of(id).filter((event) => event.type === 'Dial').map((event) => event.dialstatus)).toEqual(['', 'RINGING', 'ANSWER']);
    expect(of(id).filter((event) => event.type === 'ChannelStateChange').map((event) => event.channel?.state)).toEqual(['Ringing', 'Up']);
    expect([end.cause, end.cause_txt]).toEqual([16, 'Normal Clearing']);
    // The far end's request is a hard one carrying its cause (the gateway's own is soft, below).
    const request = of(id).find((event) => event.type === 'ChannelHangupRequest')!;
    expect([request.cause, request.soft]).toEqual([16, undefined]);
  });

  it("the application's DELETE: a soft ChannelHangupRequest (cause 32, a flag), then the end with the reason's cause", async () => {
    const id = await originate('PJSIP/1000');
    await waitFor(() => of(id).find((event) => event.type === 'StasisStart'), 10000, 'answer');
    expect((await asterisk.ari('DELETE', `/channels/${id}`, { reason: 'normal' })).status).toBe(204);
    const end = await destroyed(id);
    const requests = of(id).filter((event) => event.type === 'ChannelHangupRequest');
    expect(requests.map((event) => [event.cause, event.soft])).toEqual([[32, true]]);
    expect([end.cause, end.cause_txt]).toEqual([16, 'Normal Clearing']);
  });

  it.each([
    ['busy', 17, 'User busy'],
    ['congestion', 34, 'Circuit/channel congestion'],
    ['reject', 21, 'Call Rejected'],
  ] as const)('a number that is %s: destroyed with cause %i', async (outcome, cause, text) => {
    await farEnd.setNumber(`77700${cause}`, { outcome, ringMs: 100 });
    const id = await originate(`PJSIP/77700${cause}@upc`);
    const end = await destroyed(id);
    expect([end.cause, end.cause_txt]).toEqual([cause, text]);
    expect(types(id)).not.toContain('StasisStart');
  });

  it('a number that does not answer: ringing until the originate timeout, then cause 19', async () => {
    await farEnd.setNumber('777000019', { outcome: 'noanswer' });
    const id = await originate('PJSIP/777000019@upc', 2);
    const end = await destroyed(id);
    expect(of(id).filter((event) => event.type === 'ChannelStateChange').map((event) => event.channel?.state)).toEqual(['Ringing']);
    expect([end.cause, end.cause_txt]).toEqual([19, 'User alerting, no answer']);
  });

  it('keys the far end presses arrive as ChannelDtmfReceived, one per key', async () => {
    const id = await originate('PJSIP/sip100');
    await waitFor(() => of(id).find((event) => event.type === 'StasisStart'), 10000, 'answer');
    await farEnd.pressDtmf(id, '1#');
    await waitFor(() => of(id).filter((event) => event.type === 'ChannelDtmfReceived').length === 2 || undefined, 10000, 'two keys');
    expect(of(id).filter((event) => event.type === 'ChannelDtmfReceived').map((event) => event.digit)).toEqual(['1', '#']);
    await asterisk.ari('DELETE', `/channels/${id}`);
    expect((await destroyed(id)).cause).toBe(16);
  });

  it('a URL that cannot be fetched: the playback fails at once (PlaybackStarted, then PlaybackFinished failed)', async () => {
    const id = await originate('PJSIP/sip101');
    await waitFor(() => of(id).find((event) => event.type === 'StasisStart'), 10000, 'answer');
    const play = await asterisk.ari('POST', `/channels/${id}/play/url-play`, { media: 'sound:http://wwww.baidu.com/test.mp3' });
    expect(play.status).toBe(201);
    const finished = await waitFor(() => events.find((event) => event.type === 'PlaybackFinished' && event.playback?.id === 'url-play'), 10000, 'the playback to finish');
    expect(events.filter((event) => event.playback?.id === 'url-play').map((event) => [event.type, event.playback?.state])).toEqual([
      ['PlaybackStarted', 'playing'],
      ['PlaybackFinished', 'failed'],
    ]);
    expect(finished.playback?.media_uri).toBe('sound:http://wwww.baidu.com/test.mp3');
    await asterisk.ari('DELETE', `/channels/${id}`);
    await destroyed(id);
  });
});
