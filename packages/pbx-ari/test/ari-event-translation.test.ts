import { AriEventTranslator } from '../src/ari-event-translation';
import { ORIGINATED_LEG_MARKER } from '../src/leg-origin-marker';
import { channelJson, eventJson, localPair, playbackJson } from './fixtures/ari-json';

const NOW = new Date('2030-01-01T00:00:00.000Z');
const AT = new Date('2025-03-04T10:20:31.250Z');

const translatorAt = (): AriEventTranslator => new AriEventTranslator(() => NOW);

describe('ARI event translation', () => {
  it('turns the StasisStart of a leg the gateway originated into leg_answered', () => {
    const translator = translatorAt();
    const leg = { id: 'call-7.1', name: 'PJSIP/1000-00000011', state: 'Up', appName: 'Stasis', appData: `gateway,${ORIGINATED_LEG_MARKER}` };
    const events = translator.translate(eventJson('StasisStart', { args: [ORIGINATED_LEG_MARKER], channel: channelJson(leg) }));
    expect(events).toEqual([{ type: 'leg_answered', legId: 'call-7.1', at: AT }]);
  });

  it('turns the StasisStart of a channel that came by itself into leg_arrived with caller, dialled number and the Stasis args', () => {
    const translator = translatorAt();
    const inbound = { id: '1741083631.42', name: 'PJSIP/trunk-0000002b', state: 'Ring', callerNumber: '0612345678', exten: '8001', context: 'from-trunk' };
    const events = translator.translate(eventJson('StasisStart', { args: ['inbound', '8001'], channel: channelJson(inbound) }));
    expect(events).toEqual([
      { type: 'leg_arrived', legId: '1741083631.42', channelName: 'PJSIP/trunk-0000002b', callerNumber: '0612345678', callerName: '', dialed: '8001', args: ['inbound', '8001'], at: AT },
    ]);
  });

  it('reports ringing only on the change to Ringing', () => {
    const translator = translatorAt();
    const ringing = translator.translate(eventJson('ChannelStateChange', { channel: channelJson({ id: 'leg-1', name: 'PJSIP/1001-00000001', state: 'Ringing' }) }));
    const up = translator.translate(eventJson('ChannelStateChange', { channel: channelJson({ id: 'leg-1', name: 'PJSIP/1001-00000001', state: 'Up' }) }));
    expect(ringing).toEqual([{ type: 'leg_ringing', legId: 'leg-1', at: AT }]);
    expect(up).toEqual([]);
  });

  it('takes the end of an originated leg from ChannelDestroyed, not from the soft request or StasisEnd before it', () => {
    const translator = translatorAt();
    const leg = channelJson({ id: 'leg-1', name: 'PJSIP/1001-00000001', state: 'Up', appName: 'Stasis', appData: `gateway,${ORIGINATED_LEG_MARKER}` });
    const answered = translator.translate(eventJson('StasisStart', { args: [ORIGINATED_LEG_MARKER], channel: leg }));
    translator.hangupRequested('leg-1', 'normal');
    const request = translator.translate(eventJson('ChannelHangupRequest', { cause: 32, soft: true, channel: leg }));
    const end = translator.translate(eventJson('StasisEnd', { channel: leg }));
    const destroyed = translator.translate(eventJson('ChannelDestroyed', { cause: 16, cause_txt: 'Normal Clearing', channel: leg }));
    expect(answered.map((event) => event.type)).toEqual(['leg_answered']);
    expect(request).toEqual([]);
    expect(end).toEqual([]);
    expect(destroyed).toEqual([{ type: 'leg_ended', legId: 'leg-1', cause: 16, causeText: 'Normal Clearing', at: AT }]);
  });

  it('recognises an originated leg after a restart from the Stasis arguments in its dialplan location', () => {
    const translator = translatorAt();
    const leg = channelJson({ id: 'leg-9', name: 'PJSIP/1001-00000031', state: 'Up', appName: 'Stasis', appData: `gateway,${ORIGINATED_LEG_MARKER}` });
    expect(translator.translate(eventJson('StasisEnd', { channel: leg }))).toEqual([]);
    expect(translator.translate(eventJson('ChannelDestroyed', { cause: 16, cause_txt: 'Normal Clearing', channel: leg }))).toEqual([
      { type: 'leg_ended', legId: 'leg-9', cause: 16, causeText: 'Normal Clearing', at: AT },
    ]);
  });

  it('answers a snoop leg at its StasisStart and ends it at its StasisEnd: nothing of it follows', () => {
    const translator = translatorAt();
    const snoop = channelJson({ id: 'call-9.2', name: 'Snoop/call-7.1-00000003', state: 'Up', appName: 'Stasis', appData: `gateway,${ORIGINATED_LEG_MARKER}` });
    expect(translator.translate(eventJson('StasisStart', { args: [ORIGINATED_LEG_MARKER], channel: snoop }))).toEqual([
      { type: 'leg_answered', legId: 'call-9.2', at: AT },
    ]);
    translator.hangupRequested('call-9.2', 'normal');
    expect(translator.translate(eventJson('StasisEnd', { channel: snoop }))).toEqual([
      { type: 'leg_ended', legId: 'call-9.2', cause: 16, causeText: 'Normal Clearing', at: AT },
    ]);
  });

  it('ends a snoop whose target went at its StasisEnd with a normal clearing', () => {
    const translator = translatorAt();
    const snoop = channelJson({ id: 'call-9.2', name: 'Snoop/call-7.1-00000003', state: 'Up', appName: 'Stasis', appData: `gateway,${ORIGINATED_LEG_MARKER}` });
    translator.translate(eventJson('StasisStart', { args: [ORIGINATED_LEG_MARKER], channel: snoop }));
    expect(translator.translate(eventJson('StasisEnd', { channel: snoop }))).toEqual([
      { type: 'leg_ended', legId: 'call-9.2', cause: 16, causeText: 'Normal Clearing', at: AT },
    ]);
  });

  it('ends a leg that arrived by itself at its StasisEnd, with the cause of the far end hangup request', () => {
    const translator = translatorAt();
    const inbound = channelJson({ id: 'in-1', name: 'PJSIP/trunk-00000005', state: 'Up', appName: 'Stasis', appData: 'gateway' });
    const events = [
      eventJson('StasisStart', { args: [], channel: inbound }),
      eventJson('ChannelHangupRequest', { cause: 16, channel: inbound }),
      eventJson('StasisEnd', { channel: inbound }),
    ].flatMap((message) => translator.translate(message));
    expect(events.map((event) => event.type)).toEqual(['leg_arrived', 'leg_ended']);
    expect(events[1]).toEqual({ type: 'leg_ended', legId: 'in-1', cause: 16, causeText: 'Normal Clearing', at: AT, byParty: true });
  });

  it("marks an end by the leg's party when the far end's request reached Asterisk before the gateway's hang-up", () => {
    const translator = translatorAt();
    const leg = channelJson({ id: 'leg-5', name: 'PJSIP/upc-00000007', state: 'Up', appName: 'Stasis', appData: `gateway,${ORIGINATED_LEG_MARKER}` });
    translator.translate(eventJson('StasisStart', { args: [ORIGINATED_LEG_MARKER], channel: leg }));
    const events = [
      eventJson('ChannelHangupRequest', { cause: 16, channel: leg }),
      // The gateway's hang-up, sent before it heard of the far end's.
      eventJson('ChannelHangupRequest', { cause: 32, soft: true, channel: leg }),
      eventJson('StasisEnd', { channel: leg }),
      eventJson('ChannelDestroyed', { cause: 16, cause_txt: 'Normal Clearing', channel: leg }),
    ];
    translator.hangupRequested('leg-5', 'normal');
    expect(events.flatMap((message) => translator.translate(message))).toEqual([
      { type: 'leg_ended', legId: 'leg-5', cause: 16, causeText: 'Normal Clearing', at: AT, byParty: true },
    ]);
  });

  it("does not mark an end by the party when the gateway's hang-up reached Asterisk first", () => {
    const translator = translatorAt();
    const leg = channelJson({ id: 'leg-6', name: 'PJSIP/upc-00000008', state: 'Up', appName: 'Stasis', appData: `gateway,${ORIGINATED_LEG_MARKER}` });
    translator.translate(eventJson('StasisStart', { args: [ORIGINATED_LEG_MARKER], channel: leg }));
    translator.hangupRequested('leg-6', 'normal');
    const events = [
      eventJson('ChannelHangupRequest', { cause: 32, soft: true, channel: leg }),
      // The far end's BYE crossing the gateway's.
      eventJson('ChannelHangupRequest', { cause: 16, channel: leg }),
      eventJson('ChannelDestroyed', { cause: 16, cause_txt: 'Normal Clearing', channel: leg }),
    ];
    expect(events.flatMap((message) => translator.translate(message))).toEqual([{ type: 'leg_ended', legId: 'leg-6', cause: 16, causeText: 'Normal Clearing', at: AT }]);
  });

  it('ends a leg that arrived by itself and that the gateway hung up with the cause of the reason it gave, once', () => {
    const translator = translatorAt();
    const inbound = channelJson({ id: 'in-2', name: 'PJSIP/trunk-00000006', state: 'Ring', appName: 'Stasis', appData: 'gateway' });
    translator.translate(eventJson('StasisStart', { args: [], channel: inbound }));
    translator.hangupRequested('in-2', 'busy');
    const events = [
      eventJson('ChannelHangupRequest', { cause: 32, soft: true, channel: inbound }),
      eventJson('StasisEnd', { channel: inbound }),
      // Only when something else keeps the application subscribed.
      eventJson('ChannelDestroyed', { cause: 17, cause_txt: 'User busy', channel: inbound }),
    ].flatMap((message) => translator.translate(message));
    expect(events).toEqual([{ type: 'leg_ended', legId: 'in-2', cause: 17, causeText: 'User busy', at: AT }]);
  });

  it('reports a ring timeout with cause 19', () => {
    const translator = translatorAt();
    const leg = channelJson({ id: 'leg-2', name: 'PJSIP/1002-00000002', state: 'Ringing' });
    expect(translator.translate(eventJson('ChannelDestroyed', { cause: 19, cause_txt: 'User alerting, no answer', channel: leg }))).toEqual([
      { type: 'leg_ended', legId: 'leg-2', cause: 19, causeText: 'User alerting, no answer', at: AT },
    ]);
  });

  it('ignores every event of the ;2 half of a Local pair, and keeps those of the ;1 leg', () => {
    const translator = translatorAt();
    const { first, second } = localPair('leg-3');
    const sequence = [
      eventJson('Dial', { dialstatus: '', forward: '', dialstring: '1000@from-gateway', peer: channelJson(first) }),
      eventJson('ChannelDialplan', { dialplan_app: 'Answer', dialplan_app_data: '', channel: channelJson(second) }),
      eventJson('ChannelStateChange', { channel: channelJson({ ...second, state: 'Up' }) }),
      eventJson('ChannelStateChange', { channel: channelJson({ ...first, state: 'Up' }) }),
      eventJson('StasisStart', { args: [ORIGINATED_LEG_MARKER], channel: channelJson({ ...first, state: 'Up', appName: 'Stasis' }) }),
      eventJson('ChannelDtmfReceived', { digit: '5', duration_ms: 100, channel: channelJson({ ...second, state: 'Up' }) }),
      eventJson('ChannelDtmfReceived', { digit: '5', duration_ms: 100, channel: channelJson({ ...first, state: 'Up' }) }),
      eventJson('ChannelDestroyed', { cause: 16, cause_txt: 'Normal Clearing', channel: channelJson({ ...first, state: 'Up' }) }),
      eventJson('ChannelDestroyed', { cause: 16, cause_txt: 'Normal Clearing', channel: channelJson({ ...second, state: 'Up' }) }),
    ];
    const events = sequence.flatMap((message) => translator.translate(message));
    expect(events).toEqual([
      { type: 'leg_answered', legId: 'leg-3', at: AT },
      { type: 'leg_dtmf', legId: 'leg-3', digit: '5', durationMs: 100, at: AT },
      { type: 'leg_ended', legId: 'leg-3', cause: 16, causeText: 'Normal Clearing', at: AT },
    ]);
  });

  it('treats a ;2 half that enters Stasis itself as a leg', () => {
    const translator = translatorAt();
    const { second } = localPair('leg-4');
    const events = [
      eventJson('StasisStart', { args: [], channel: channelJson({ ...second, appName: 'Stasis' }) }),
      eventJson('ChannelDestroyed', { cause: 16, cause_txt: 'Normal Clearing', channel: channelJson(second) }),
    ].flatMap((message) => translator.translate(message));
    expect(events.map((event) => event.type)).toEqual(['leg_arrived', 'leg_ended']);
  });

  it('ignores the announcer a bridge playback adds', () => {
    const translator = translatorAt();
    const announcer = channelJson({ id: '1741083631.50', name: 'Announcer/ARI-00000007;2', state: 'Up' });
    expect(translator.translate(eventJson('StasisStart', { args: [], channel: announcer }))).toEqual([]);
    expect(translator.translate(eventJson('ChannelDestroyed', { cause: 16, cause_txt: 'Normal Clearing', channel: announcer }))).toEqual([]);
  });

  it('reports the busy cause of a Local leg that Asterisk destroys with cause 0, from the Dial that rang it', () => {
    const translator = translatorAt();
    const { first, second } = localPair('leg-5', '1000', 'busy-here');
    const events = [
      eventJson('Dial', { dialstatus: '', forward: '', dialstring: '1000@busy-here', peer: channelJson(first) }),
      eventJson('ChannelStateChange', { channel: channelJson({ ...second, state: 'Busy' }) }),
      eventJson('Dial', { dialstatus: 'BUSY', forward: '', dialstring: '1000@busy-here', peer: channelJson(first) }),
      eventJson('ChannelHangupRequest', { cause: 0, channel: channelJson({ ...second, state: 'Busy' }) }),
      eventJson('ChannelDestroyed', { cause: 0, cause_txt: 'Unknown', channel: channelJson(first) }),
      eventJson('ChannelDestroyed', { cause: 17, cause_txt: 'User busy', channel: channelJson({ ...second, state: 'Busy' }) }),
    ].flatMap((message) => translator.translate(message));
    expect(events).toEqual([{ type: 'leg_ended', legId: 'leg-5', cause: 17, causeText: 'User busy', at: AT }]);
  });

  it('keeps cause 0 when no Dial explains it', () => {
    const translator = translatorAt();
    const leg = channelJson({ id: 'leg-6', name: 'PJSIP/1000-00000009', state: 'Down' });
    expect(translator.translate(eventJson('ChannelDestroyed', { cause: 0, cause_txt: 'Unknown', channel: leg }))).toEqual([
      { type: 'leg_ended', legId: 'leg-6', cause: 0, causeText: 'Unknown', at: AT },
    ]);
  });

  it('translates DTMF with its duration', () => {
    const translator = translatorAt();
    const leg = channelJson({ id: 'leg-7', name: 'PJSIP/1003-0000000c', state: 'Up' });
    expect(translator.translate(eventJson('ChannelDtmfReceived', { digit: '#', duration_ms: 300, channel: leg }))).toEqual([
      { type: 'leg_dtmf', legId: 'leg-7', digit: '#', durationMs: 300, at: AT },
    ]);
  });

  it('translates playback start and finish, a failed playback as failed', () => {
    const translator = translatorAt();
    const events = [
      eventJson('PlaybackStarted', { playback: playbackJson('pb-1', 'playing') }),
      eventJson('PlaybackFinished', { playback: playbackJson('pb-1', 'done') }),
      eventJson('PlaybackStarted', { playback: playbackJson('pb-2', 'playing', 'bridge:br-1') }),
      eventJson('PlaybackFinished', { playback: playbackJson('pb-2', 'failed', 'bridge:br-1') }),
    ].flatMap((message) => translator.translate(message));
    expect(events).toEqual([
      { type: 'playback_started', playbackId: 'pb-1', at: AT },
      { type: 'playback_finished', playbackId: 'pb-1', outcome: 'done', at: AT },
      { type: 'playback_started', playbackId: 'pb-2', at: AT },
      { type: 'playback_finished', playbackId: 'pb-2', outcome: 'failed', at: AT },
    ]);
  });

  it('translates a recording started, finished with its length, failed with its cause', () => {
    const translator = translatorAt();
    const live = (name: string, state: string, extra: Record<string, unknown> = {}) => ({ name, format: 'wav', target_uri: 'bridge:br-1', state, ...extra });
    const events = [
      eventJson('RecordingStarted', { recording: live('rec-1', 'recording') }),
      eventJson('RecordingFinished', { recording: live('rec-1', 'done', { duration: 7, talking_duration: 5, silence_duration: 2 }) }),
      eventJson('RecordingFinished', { recording: live('rec-2', 'canceled') }),
      eventJson('RecordingFailed', { recording: live('rec-3', 'failed', { cause: 'Could not create file' }) }),
    ].flatMap((message) => translator.translate(message));
    expect(events).toEqual([
      { type: 'recording_started', recordingName: 'rec-1', at: AT },
      { type: 'recording_finished', recordingName: 'rec-1', durationSec: 7, at: AT },
      { type: 'recording_finished', recordingName: 'rec-2', durationSec: null, at: AT },
      { type: 'recording_failed', recordingName: 'rec-3', cause: 'Could not create file', at: AT },
    ]);
  });

  it('passes on the PlaybackStarted that Asterisk raises again on unpause', () => {
    const translator = translatorAt();
    const again = translator.translate(eventJson('PlaybackStarted', { playback: playbackJson('pb-3', 'playing') }));
    expect(again).toEqual([{ type: 'playback_started', playbackId: 'pb-3', at: AT }]);
  });

  it('does not translate what the core does not use', () => {
    const translator = translatorAt();
    const leg = channelJson({ id: 'leg-8', name: 'PJSIP/1000-0000000d', state: 'Up' });
    for (const message of [
      eventJson('ChannelVarset', { variable: 'BRIDGEPEER', value: 'PJSIP/1001-0000000e', channel: leg }),
      eventJson('ChannelEnteredBridge', { bridge: { id: 'br-1', channels: ['leg-8'] }, channel: leg }),
      eventJson('BridgeDestroyed', { bridge: { id: 'br-1', channels: [] } }),
      eventJson('ChannelDialplan', { dialplan_app: 'Stasis', dialplan_app_data: 'gateway', channel: leg }),
    ]) {
      expect(translator.translate(message)).toEqual([]);
    }
  });

  it('uses the receive time when the engine timestamp cannot be read', () => {
    const translator = translatorAt();
    const events = translator.translate({ type: 'PlaybackStarted', timestamp: 'yesterday', playback: playbackJson('pb-4', 'playing') });
    expect(events).toEqual([{ type: 'playback_started', playbackId: 'pb-4', at: NOW }]);
  });

  it('ignores messages that are not events, and rejects a malformed channel', () => {
    const translator = translatorAt();
    expect(translator.translate(null)).toEqual([]);
    expect(translator.translate({ no: 'type' })).toEqual([]);
    expect(() => translator.translate(eventJson('ChannelDestroyed', { cause: 16, channel: { name: 'x' } }))).toThrow(/malformed Channel/);
  });
});
