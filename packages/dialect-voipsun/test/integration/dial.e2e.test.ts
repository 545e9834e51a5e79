import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { AUTH_QUERY, cdrsOfCall, listCalls } from '../support/live-calls';
import { E250, E251, expectWire, SUCCESS } from '../support/wire-expect';

/**
 * dial end to end: the number is dialled over the demo trunk `upc` into the
 * engine's dialplan contexts (`oracle-wait`: Answer, Wait; `demo-playback`:
 * Answer, Playback, Hangup), provisioned as the contexts clients may name.
 */
let gateway: TestGateway;
const SILENT_NUMBER = '800333444';

beforeAll(async () => {
  gateway = await startTestGateway({ dialects: { voipsun: { dialContexts: ['oracle-wait', 'demo-playback'] } } });
  await gateway.farEnd.setNumber(SILENT_NUMBER, { outcome: 'noanswer' });
}, 60000);

afterAll(async () => {
  await gateway?.close();
});

const dial = (query: string) => gateway.http.get(`/api/api.php?${AUTH_QUERY}&action=dial&${query}`);

/** The one context dial started since `since`, once it is in `stage` (or ended). */
async function contextDial(since: Date, until: (call: { state: string; stage: string }) => boolean, what: string): Promise<string> {
  return gateway.waitFor(async () => {
    const rows = await gateway.query<{ id: string; state: string; stage: string }>(
      "SELECT id, state, stage FROM calls WHERE purpose = 'context_dial' AND created_at >= $1",
      [since],
    );
    return rows.length === 1 && until(rows[0]!) ? rows[0]!.id : undefined;
  }, 15000, what);
}

describe('dial into a context', () => {
  test('answered, the call runs the context at the number dialled, is listed, and leaves one CDR when hung up', async () => {
    const since = new Date();
    expectWire(await dial('dialerCid=299299000&dstNum=800123456&outrouteName=upc&context=oracle-wait&customCDR1=lead-9'), SUCCESS);
    const callId = await contextDial(since, (call) => call.stage === 'in_context', 'the call in its context');
    const legs = await gateway.waitFor(async () => {
      const rows = await gateway.query<{ id: string; channel_name: string | null; endpoint: string; answered_at: Date | null }>(
        'SELECT id, channel_name, endpoint, answered_at FROM legs WHERE call_id = $1 ORDER BY created_at',
        [callId],
      );
      return rows.length === 2 && rows.every((row) => row.answered_at !== null) ? rows : undefined;
    }, 10000, 'the number and the context both answered');
    const [leg, context] = legs;
    expect(leg?.endpoint).toBe('PJSIP/800123456@upc');
    expect(context?.endpoint).toBe('Local/800123456@oracle-wait');
    expect(context?.channel_name).toMatch(/^Local\/800123456@oracle-wait-[0-9a-f]+;1$/);
    // The number and the context's channel share the call's bridge on the engine.
    const bridge = await gateway.waitFor(async () => {
      const found = (await gateway.engineBridges()).find((candidate) => candidate.id === `${callId}.bridge`);
      return found && found.channels.length === 2 ? found : undefined;
    }, 10000, 'both in the call bridge');
    expect([...bridge.channels].sort()).toEqual([leg!.id, context!.id].sort());

    const listed = (await listCalls(gateway)).results.find((result) => result.channelName === leg!.channel_name);
    expect(listed).toMatchObject({ src: '299299000', dst: '800123456', status: 'Up', accountCode: 'SIPTR_1', sourceType: 'trunk', idChannel: '1' });

    expectWire(await gateway.http.get(`/api/api.php?${AUTH_QUERY}&action=hangupcall&channelName=${encodeURIComponent(leg!.channel_name!)}`), SUCCESS);
    await contextDial(since, (call) => call.state === 'ended', 'the call ended');
    await gateway.core.idle();
    const cdrs = await cdrsOfCall(gateway, callId);
    expect(cdrs).toHaveLength(1);
    expect(cdrs[0]).toMatchObject({ purpose: 'context_dial', to_number: '800123456', from_number: '299299000' });
    expect(cdrs[0]?.answered_at).not.toBeNull();
    expect(cdrs[0]?.data).toMatchObject({ customCDR1: 'lead-9' });
  });

  test('monitorFilename records the answered call; the CDR names the file once it is hung up', async () => {
    const since = new Date();
    expectWire(await dial('dstNum=800123459&outrouteName=upc&context=oracle-wait&monitorFilename=dial_rec.wav&monitorType=mixmonitor'), SUCCESS);
    const callId = await contextDial(since, (call) => call.stage === 'in_context', 'the call in its context');
    await gateway.waitFor(async () => (await gateway.core.recordingsOfCall(callId))[0]?.state === 'recording', 10000, 'the call recorded');
    const [leg] = await gateway.query<{ channel_name: string }>("SELECT channel_name FROM legs WHERE call_id = $1 AND role = 'destination'", [callId]);
    expectWire(await gateway.http.get(`/api/api.php?${AUTH_QUERY}&action=hangupcall&channelName=${encodeURIComponent(leg!.channel_name)}`), SUCCESS);
    const cdr = await gateway.waitFor(async () => (await gateway.core.getCdrOfCall(callId)) ?? undefined, 10000, 'the CDR');
    expect(cdr.recordingFile).toBe('dial_rec.wav');
    const stored = ((await gateway.engineAri('GET', '/recordings/stored')).body as Array<{ name: string }>).map((recording) => recording.name);
    expect(stored).toContain('dial_rec');
  });

  test('a context whose dialplan hangs up ends the call by itself', async () => {
    const since = new Date();
    expectWire(await dial('dstNum=800123458&outrouteId=1&context=demo-playback'), SUCCESS);
    const callId = await contextDial(since, (call) => call.state === 'ended', 'the call ended by its dialplan');
    await gateway.core.idle();
    const cdrs = await cdrsOfCall(gateway, callId);
    expect(cdrs).toHaveLength(1);
    expect(cdrs[0]?.answered_at).not.toBeNull();
  });

  test('not answered: the hangup context runs at the number on a Local channel of the same call; one CDR, unanswered', async () => {
    const since = new Date();
    expectWire(await dial(`dstNum=${SILENT_NUMBER}&outrouteName=upc&context=oracle-wait&hangupContext=demo-playback&dstRingTimeout=1`), SUCCESS);
    const callId = await contextDial(since, (call) => call.state === 'ended', 'the unanswered call and its hangup context to end');
    await gateway.core.idle();
    const legs = await gateway.query<{ endpoint: string; channel_name: string | null; answered_at: Date | null }>(
      'SELECT endpoint, channel_name, answered_at FROM legs WHERE call_id = $1 ORDER BY created_at',
      [callId],
    );
    expect(legs.map((leg) => leg.endpoint)).toEqual([`PJSIP/${SILENT_NUMBER}@upc`, `Local/${SILENT_NUMBER}@demo-playback`]);
    expect(legs[0]?.answered_at).toBeNull();
    // The dialplan of the hangup context answered its Local channel.
    expect(legs[1]?.answered_at).not.toBeNull();
    expect(legs[1]?.channel_name).toMatch(new RegExp(`^Local/${SILENT_NUMBER}@demo-playback-[0-9a-f]+;1$`));
    const cdrs = await cdrsOfCall(gateway, callId);
    expect(cdrs).toHaveLength(1);
    expect(cdrs[0]).toMatchObject({ purpose: 'context_dial', answered_at: null, billsec: 0 });
  });

  test('errno 251 for a context not provisioned, 250 for an unknown route: nothing is dialled', async () => {
    const since = new Date();
    expectWire(await dial('dstNum=800123456&outrouteName=upc&context=pospojeni'), E251);
    expectWire(await dial('dstNum=800123456&outrouteName=upc&context=oracle-wait&hangupContext=nevyzvednuto'), E251);
    expectWire(await dial('dstNum=800123456&outrouteName=odchozi&context=oracle-wait'), E250);
    expectWire(await dial('dstNum=800123456&outrouteId=42&context=oracle-wait'), E250);
    await gateway.core.idle();
    expect(await gateway.query("SELECT id FROM calls WHERE purpose = 'context_dial' AND created_at >= $1", [since])).toEqual([]);
  });
});
