import { startTestGateway, TEST_MEDIA, type TestGateway } from '@pbx-gateway/test-support';
import { ccgatewayAnswer, sipcallAnswer, vicidialAnswer, voipsunAnswer } from './support/dialect-answers';
import { ccgateway, ccgatewayPlay, ccgatewayPoll, ccgatewaySignIn, sipcallLogin, sipcallPlayVoice, vicidial, vicidialVersion, voipsun } from './support/demo-requests';
import {
  ccgatewayAgentPlaying,
  conferencePhoneLeg,
  connectedClickToCall,
  connectedVoiceMenu,
  engineChannelIds,
  LONG_RECORDING,
  sipcallLoggedIn,
} from './support/live-state';
import { expectEndedByGateway } from './support/lost-call-records';
import { problemsOf, runProbes, type Probe } from './support/outage-probes';
import { expectOneCdrCallback } from './support/sipcall-cdr-callbacks';
import { supertestClient, type WireClient } from './support/wire-client';

/**
 * Asterisk going away and coming back, on the whole gateway (in-process,
 * the real pbx-sim over HTTP and WebSocket, real Postgres). While it is away
 * each dialect answers what needs it with its own "engine unavailable" error
 * at once, and what does not need it keeps working. When it is back the
 * gateway re-syncs by itself, without a restart: calls whose channels are
 * gone end with one CDR each, calls still up are kept, and every dialect
 * serves again.
 */

/** A request that waited for an ARI time-out (5 s) instead of failing at once breaks this bound. */
const FAST_MS = 2500;
/** Reconnecting is retried with a backoff; under load it may take a few seconds. */
const RECONNECT_MS = 20_000;
const CALLBACK_MS = 15_000;

let gw: TestGateway;
let send: WireClient;
let token: string;

beforeAll(async () => {
  gw = await startTestGateway({
    sim: { media: { ...TEST_MEDIA, [LONG_RECORDING.media]: LONG_RECORDING.ms }, remoteMediaMs: 600 },
    dialects: { ccgateway: { pollWaitMs: 400 } },
  });
  send = supertestClient(gw.http);
  token = await sipcallLoggedIn(send);
}, 60_000);

afterEach(async () => {
  // A test that failed during an outage must not leave the next one without an engine.
  if (gw && !gw.core.pbxAvailable()) {
    await gw.sim.control.refuseConnections(0, 'refuse');
    await gw.sim.control.refuseConnections(0, 'reset');
    await gw.waitFor(() => gw.core.pbxAvailable(), RECONNECT_MS, 'the gateway to reconnect');
  }
}, 30_000);

afterAll(async () => {
  await gw?.close();
});

/** One request per operation that needs the engine, each with its dialect's "engine unavailable" answer. */
function needingTheEngine(guid: string, keptChannel: string): Probe[] {
  return [
    {
      name: 'VICIdial audio_playback PLAY',
      request: vicidial('function=audio_playback&agent_user=1000&value=hello-world&stage=PLAY&dial_override=Y'),
      expect: vicidialAnswer.telephonyFailed('audio_playback', '1000'),
    },
    { name: 'VoIPSUN originate', request: voipsun('action=originate&srcExtenId=6&dstNum=800999999'), expect: voipsunAnswer.pbxUnavailable },
    { name: 'VoIPSUN listcalls', request: voipsun('action=listcalls'), expect: voipsunAnswer.pbxUnavailable },
    { name: 'VoIPSUN hangupcall', request: voipsun(`action=hangupcall&channelName=${encodeURIComponent(keptChannel)}`), expect: voipsunAnswer.pbxUnavailable },
    { name: 'CC-Gateway pauseplay', request: ccgateway('POST', '/recordplay/101/pauseplay', guid), expect: ccgatewayAnswer.internalError },
    { name: 'CC-Gateway sign-in', request: ccgatewaySignIn('102', 'Agent@102', '102'), expect: ccgatewayAnswer.ctiUnavailable },
    { name: 'Sip_Call PlayVoice', request: sipcallPlayVoice(token, 'while-away'), expect: sipcallAnswer.pbxUnavailable },
  ];
}

/** Operations that do not need the engine: they keep working while it is away. */
function notNeedingTheEngine(guid: string): Probe[] {
  return [
    { name: 'VICIdial version', request: vicidialVersion, expect: vicidialAnswer.version },
    { name: 'VICIdial external_pause PAUSE', request: vicidial('function=external_pause&agent_user=1000&value=PAUSE'), expect: vicidialAnswer.pause('PAUSE', '1000') },
    { name: 'VICIdial external_pause RESUME', request: vicidial('function=external_pause&agent_user=1000&value=RESUME'), expect: vicidialAnswer.pause('RESUME', '1000') },
    { name: 'CC-Gateway agentevent', request: ccgatewayPoll('101', guid), expect: ccgatewayAnswer.polled },
    { name: 'Sip_Call Login', request: sipcallLogin, expect: sipcallAnswer.loggedIn },
  ];
}

/** Cuts the engine off and waits until the gateway has noticed. */
async function startOutage(mode: 'refuse' | 'reset'): Promise<Date> {
  const since = new Date();
  await gw.sim.control.refuseConnections(600_000, mode);
  await gw.waitFor(() => !gw.core.pbxAvailable(), 5000, 'the gateway to notice the engine is gone');
  return since;
}

/** Lets the engine back in; resolves once the gateway has reconnected and re-synced. Returns when the engine came back. */
async function endOutage(mode: 'refuse' | 'reset'): Promise<Date> {
  const back = new Date();
  await gw.sim.control.refuseConnections(0, mode);
  await gw.waitFor(() => gw.core.pbxAvailable(), RECONNECT_MS, 'the gateway to reconnect');
  await gw.core.idle();
  expect((await send({ method: 'GET', path: '/health' }, FAST_MS)).status).toBe(200);
  return back;
}

async function expectOutageAnswers(guid: string, keptChannel: string, since: Date): Promise<void> {
  const results = await runProbes(send, [...needingTheEngine(guid, keptChannel), ...notNeedingTheEngine(guid)], FAST_MS);
  expect(problemsOf(results)).toEqual([]);
  const health = await send({ method: 'GET', path: '/health' }, FAST_MS);
  expect({ status: health.status, body: JSON.parse(health.text) as unknown }).toEqual({ status: 503, body: { status: 'degraded', database: 'up', pbx: 'disconnected' } });
  // Nothing was half set up by the refused requests.
  expect(await gw.query('SELECT id FROM calls WHERE created_at >= $1', [since])).toEqual([]);
  expect(await gw.core.getAgentSession('102')).toBeNull();
}

async function channelNameOf(legId: string): Promise<string> {
  const [leg] = await gw.query<{ channel_name: string }>('SELECT channel_name FROM legs WHERE id = $1', [legId]);
  return leg!.channel_name;
}

async function listedChannels(): Promise<string[]> {
  const reply = await send(voipsun('action=listcalls'), FAST_MS);
  voipsunAnswer.listed(reply);
  return (JSON.parse(reply.text) as { results: Array<{ channelName: string }> }).results.map((result) => result.channelName);
}

/** Agent 101's CC-Gateway events until its queue is empty (bounded). */
async function drainEvents(guid: string): Promise<Array<{ eventType: string; content: unknown }>> {
  const events: Array<{ eventType: string; content: unknown }> = [];
  for (let i = 0; i < 50; i += 1) {
    const reply = await send(ccgatewayPoll('101', guid), 5000);
    ccgatewayAnswer.polled(reply);
    const { event } = JSON.parse(reply.text) as { event: { eventType: string; content: unknown } | null };
    if (!event) return events;
    events.push({ eventType: event.eventType, content: event.content });
  }
  throw new Error(`agent 101's event queue did not empty: ${events.map((event) => event.eventType).join(', ')}`);
}

let ccgatewayGuid = '';

test('the engine goes away and comes back without some channels: errors at once meanwhile, then lost calls end with one CDR, the rest carry on', async () => {
  const kept = await connectedClickToCall(gw, send, 5, '800111111');
  const lost = await connectedClickToCall(gw, send, 7, '800222222');
  const menu = await connectedVoiceMenu(gw, send, token, 'lost-while-away');
  ccgatewayGuid = await ccgatewayAgentPlaying(gw, send, '101', '', '40038');
  // The provisioned agent's phone is rung into its conference when the gateway starts; on a busy machine it may still be ringing.
  const phoneLeg = await gw.waitFor(() => conferencePhoneLeg(gw, '1000'), 10_000, "agent 1000's phone in its conference");
  const keptChannels = [await channelNameOf(`${kept.id}.1`), await channelNameOf(`${kept.id}.2`)];
  const keptCalls = [kept.id, phoneLeg!.replace(/\.\d+$/, ''), (await gw.core.activeAgentPlayback('101'))!.callId!];
  const lostChannels = [await channelNameOf(`${lost.id}.1`), await channelNameOf(`${lost.id}.2`), await channelNameOf(`${menu.id}.1`)];

  const since = await startOutage('refuse');
  await expectOutageAnswers(ccgatewayGuid, keptChannels[0]!, since);
  // Meanwhile the far ends of two calls hang up; the gateway hears nothing of it.
  await gw.sim.control.hangup(`${lost.id}.2`);
  await gw.sim.control.hangup(`${menu.id}.1`);
  const back = await endOutage('refuse');

  // Calls whose channels are gone: ended by the gateway, one CDR each, their other parties released.
  await expectEndedByGateway(gw.query, lost.id, back);
  await expectEndedByGateway(gw.query, menu.id, back);
  await gw.waitFor(async () => {
    const channels = await engineChannelIds(gw);
    return ![`${lost.id}.1`, `${menu.id}.2`, `${menu.id}.3`].some((id) => channels.has(id));
  }, 5000, 'the other parties of the lost calls to be hung up');
  await expectOneCdrCallback(gw.query, gw.callbacks, menu.id, CALLBACK_MS);

  // What the engine still has is kept as it was.
  expect(await gw.query('SELECT call_id FROM cdrs WHERE call_id = ANY($1)', [keptCalls])).toEqual([]);
  for (const callId of keptCalls) expect((await gw.core.getCall(callId))?.call.state).toBe('answered');
  expect((await gw.core.getCall(kept.id))?.call.progress.stage).toBe('connected');
  const listed = await listedChannels();
  expect(listed).toEqual(expect.arrayContaining(keptChannels));
  expect(listed.filter((name) => lostChannels.includes(name))).toEqual([]);
  expect(await conferencePhoneLeg(gw, '1000')).toBe(phoneLeg);
  expect(await gw.core.activeAgentPlayback('101')).toMatchObject({ state: 'playing' });

  // Every dialect serves again, with no restart.
  const fresh = await connectedClickToCall(gw, send, 6, '800333333');
  expect(await listedChannels()).toEqual(expect.arrayContaining([await channelNameOf(`${fresh.id}.1`), await channelNameOf(`${fresh.id}.2`)]));
  vicidialAnswer.playSent('hello-world', '1000')(await send(vicidial('function=audio_playback&agent_user=1000&value=hello-world&stage=PLAY&dial_override=Y'), FAST_MS));
  ccgatewayAnswer.success(await send(ccgateway('POST', '/recordplay/101/pauseplay', ccgatewayGuid), FAST_MS));
  await gw.waitFor(async () => (await gw.core.activeAgentPlayback('101'))?.state === 'paused', 5000, 'the playback paused');
  ccgatewayAnswer.success(await send(ccgateway('POST', '/recordplay/101/resumeplay', ccgatewayGuid), FAST_MS));
  await connectedVoiceMenu(gw, send, token, 'after-engine-back');
}, 90_000);

test('the engine restarts and forgets every call: each one live before ends with one CDR, the agent phone is rung back, and all dialects serve', async () => {
  expect(ccgatewayGuid).not.toBe('');
  const menu = await connectedVoiceMenu(gw, send, token, 'forgotten-by-restart');
  const phoneBefore = await conferencePhoneLeg(gw, '1000');
  const liveBefore = (await gw.core.listLiveCalls()).map((live) => live.call.id);
  expect(liveBefore).toEqual(expect.arrayContaining([menu.id, phoneBefore!.replace(/\.\d+$/, '')]));
  await drainEvents(ccgatewayGuid);
  const keptChannel = (await listedChannels())[0]!;

  const since = await startOutage('reset');
  await expectOutageAnswers(ccgatewayGuid, keptChannel, since);
  expect(await gw.sim.control.forgetCalls()).toBeGreaterThan(0);
  const back = await endOutage('reset');

  for (const callId of liveBefore) await expectEndedByGateway(gw.query, callId, back);
  await expectOneCdrCallback(gw.query, gw.callbacks, menu.id, CALLBACK_MS);

  // The provisioned agent's phone is rung into its conference again, as at a start of the gateway.
  const phoneAfter = await gw.waitFor(() => conferencePhoneLeg(gw, '1000'), 10_000, "agent 1000's phone back in its conference");
  expect(phoneAfter).not.toBe(phoneBefore);
  await gw.waitFor(async () => (await gw.sim.control.listBridges()).some((bridge) => bridge.id === 'agent-1000.conference' && (bridge.channels as string[]).includes(phoneAfter)), 5000, 'the phone in the conference bridge');

  // The CC-Gateway agent lost its phone and its playback, and is told so; it is idle again.
  // Released by the platform (3), not by the agent (2): nobody hung that phone up.
  expect(await drainEvents(ccgatewayGuid)).toEqual([
    { eventType: 'AgentOther_PhoneRelease', content: { phoneState: 3 } },
    { eventType: 'AgentState_Ready', content: null },
    { eventType: 'AgentMediaEvent_StopPlayDone', content: { cause: 1 } },
  ]);
  expect((await send(ccgateway('GET', '/onlineagent/101/agentstatus', ccgatewayGuid), FAST_MS)).text).toBe('{"message":"","retcode":"0","result":1}');

  // Every dialect serves again, with no restart.
  const fresh = await connectedClickToCall(gw, send, 5, '800444444');
  expect(await listedChannels()).toEqual(expect.arrayContaining([await channelNameOf(`${fresh.id}.1`), await channelNameOf(`${fresh.id}.2`)]));
  vicidialAnswer.playSent('hello-world', '1000')(await send(vicidial('function=audio_playback&agent_user=1000&value=hello-world&stage=PLAY&dial_override=Y'), FAST_MS));
  ccgatewayAnswer.success(await send(ccgatewayPlay('101', ccgatewayGuid, LONG_RECORDING.voicepath), FAST_MS));
  await gw.waitFor(async () => (await gw.core.activeAgentPlayback('101'))?.state === 'playing', 10_000, "agent 101's new playback playing");
  await connectedVoiceMenu(gw, send, token, 'after-engine-restart');
}, 90_000);
