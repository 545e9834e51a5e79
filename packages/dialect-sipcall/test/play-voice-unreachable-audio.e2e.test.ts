import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { callOf, cdrCallbackOf, cdrRowsOf, expectCdrMatchesRow, login, playVoice, statusCallbacksOf, waitForStage } from './support/integration';

/**
 * The seed's PlayVoice as written: online voice from `wwww.baidu.com/test.mp3`,
 * which the engine cannot fetch. The real Asterisk fails such a playback at
 * once (PlaybackFinished `failed`), and so does pbx-sim. The request was valid,
 * so PlayVoice is accepted; the customer is called and answers, the audio
 * fails, the gateway hangs up without ringing the group, and the CDR callback
 * says so (docs/sip-call.md, "Online voice that cannot be fetched").
 */
describe('Sip_Call PlayVoice with audio the engine cannot fetch', () => {
  let gw: TestGateway;
  let token: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    token = await login(gw);
  });

  afterAll(async () => {
    await gw?.close();
  });

  it('is accepted, then ends once the customer answered: no extension rings, CDR with answertime, no key, ended by the system', async () => {
    const response = await playVoice(gw, token, { customuuid: 'unreachable-audio' });
    expect(response.text).toMatch(/^\{"ret":200,"data":\{"status":0,"desc":"Play command sent successfully","reqtime":[0-9]{10},"rsptime":[0-9]{10}\},"msg":""\}$/);

    const call = await callOf(gw, 'unreachable-audio');
    await waitForStage(gw, call.id, ['media_failed']);
    const cdrCallback = await cdrCallbackOf(gw, call.id);
    const rows = await cdrRowsOf(gw, call.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ extension: null, hangup_side: 'system' });
    expect(rows[0]!.answered_at).not.toBeNull();
    expectCdrMatchesRow(cdrCallback, rows[0]!, { hangupcause: 10001, hangupdirection: 10040, userkey: '', customuuid: 'unreachable-audio' });
    expect((cdrCallback.body as Record<string, unknown>).answertime).not.toBe('');
    expect(statusCallbacksOf(gw, call.id)).toEqual([]);
  });
});
