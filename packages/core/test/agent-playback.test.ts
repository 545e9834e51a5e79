import { DomainError, type AgentPlaybackRequest, type Playback } from '../src';
import {
  agent,
  trunk,
  connectedCustomerCall,
  describeEvents,
  legOf,
  loginPlain,
  loginWithConference,
  ORIGIN,
  createTestCore,
  type TestCore,
} from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({
    config: { serverIp: '10.1.1.5', media: { pathMappings: [{ prefix: 'Y:/', media: 'recording:huawei/' }] } },
    directory: { agents: [agent('1000'), agent('1001', { device: null })], trunks: [trunk(1)] },
  });
}

const play = (t: TestCore, overrides: Partial<AgentPlaybackRequest> = {}) =>
  t.core.startAgentPlayback({ agentId: '1000', media: { kind: 'sound', name: 'ss-noservice' }, placement: 'agent', ...overrides });

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('into the session conference', () => {
  it('plays into the conference bridge under an id the gateway chose, and reports start and end', async () => {
    const t = await setup();
    const session = await loginWithConference(t, '1000');
    t.takeEvents();
    t.pbx.clearCommands();
    const expectedId = `agent-1000.pb-${t.ids.peekNextId()}`;

    const started = await play(t, { placement: 'conference', offsetMs: 5000 });
    expect(started.replaced).toBeNull();
    expect(started.session).toEqual(session);
    expect(started.playback).toMatchObject({
      id: expectedId,
      agentId: '1000',
      callId: null,
      target: { kind: 'bridge', bridgeId: 'agent-1000.conference' },
      media: 'sound:ss-noservice',
      requestedName: 'ss-noservice',
      state: 'pending',
      offsetMs: 5000,
    });
    expect(t.pbx.describe()).toEqual(['ensureBridge agent-1000.conference mixing', `play ${expectedId} bridge:agent-1000.conference sound:ss-noservice offset=5000`]);
    expect(t.events).toEqual([]);

    await t.playbackStarted(expectedId);
    expect(await t.core.activeAgentPlayback('1000')).toMatchObject({ id: expectedId, state: 'playing', startedAt: t.clock.now() });
    await t.advance(3000);
    await t.playbackFinished(expectedId, 'done');
    expect(await t.core.activeAgentPlayback('1000')).toBeNull();
    expect(t.events).toEqual([
      { type: 'PlaybackStarted', playbackId: expectedId, agentId: '1000', callId: null, at: new Date(t.clock.nowMs() - 3000) },
      { type: 'PlaybackFinished', playbackId: expectedId, agentId: '1000', callId: null, cause: 'done', at: t.clock.now() },
    ]);
    expect((await t.core.getAgentSession('1000'))!.state).toBe('ready');
  });

  it('uses the conference for placement `agent` too when the session has one', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { playback } = await play(t);
    expect(playback.target).toEqual({ kind: 'bridge', bridgeId: 'agent-1000.conference' });
  });

  it('refuses a second playback with the conference and server, and replaces it when asked', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const first = (await play(t, { placement: 'conference' })).playback;
    await t.playbackStarted(first.id);

    const refused = await refusal(play(t, { placement: 'conference' }));
    expect(refused.code).toBe('PLAYBACK_ALREADY_ACTIVE');
    expect(refused.details).toEqual({ conference: '8600051', serverIp: '10.1.1.5' });

    t.takeEvents();
    t.pbx.clearCommands();
    const second = await play(t, { placement: 'conference', replaceActive: true, media: { kind: 'sound', name: 'hold-music' } });
    expect(second.replaced).toMatchObject({ id: first.id, state: 'finished', finishCause: 'stopped', finishedAt: t.clock.now() });
    expect(t.pbx.describe()).toEqual([
      `stopPlayback ${first.id}`,
      'ensureBridge agent-1000.conference mixing',
      `play ${second.playback.id} bridge:agent-1000.conference sound:hold-music`,
    ]);
    expect(describeEvents(t.events)).toEqual(['PlaybackFinished stopped']);
    expect(t.events[0]).toMatchObject({ playbackId: first.id });

    await t.playbackFinished(first.id, 'done');
    expect(describeEvents(t.events)).toEqual(['PlaybackFinished stopped']);
    expect(await t.core.activeAgentPlayback('1000')).toMatchObject({ id: second.playback.id });
  });

  it('answers SESSION_HAS_NO_CONFERENCE for placement `conference` without one', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    expect((await refusal(play(t, { placement: 'conference' }))).code).toBe('SESSION_HAS_NO_CONFERENCE');
    expect(t.pbx.commands).toEqual([]);
  });

  it('answers AGENT_NOT_LOGGED_IN without a session', async () => {
    const t = await setup();
    expect((await refusal(play(t))).code).toBe('AGENT_NOT_LOGGED_IN');
  });

  it('refuses media outside the whitelist before anything happens', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    t.pbx.clearCommands();
    const refused = await refusal(play(t, { media: { kind: 'sound', name: '../../etc/passwd' } }));
    expect(refused.code).toBe('MEDIA_NOT_ALLOWED');
    expect(t.pbx.commands).toEqual([]);
    expect(await t.core.activeAgentPlayback('1000')).toBeNull();
  });

  it('maps a client file path', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { playback } = await play(t, { media: { kind: 'file', path: 'Y:/1/0/20180621/105/1406470.V3' } });
    expect(playback).toMatchObject({ media: 'recording:huawei/1/0/20180621/105/1406470', requestedName: 'Y:/1/0/20180621/105/1406470.V3' });
  });

  it('stores nothing when the engine refuses the media', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    t.takeEvents();
    t.pbx.failNext('play');
    expect((await refusal(play(t))).code).toBe('PBX_REJECTED');
    expect(await t.core.activeAgentPlayback('1000')).toBeNull();
    t.pbx.setAvailable(false);
    expect((await refusal(play(t))).code).toBe('PBX_UNAVAILABLE');
    expect(await t.core.activeAgentPlayback('1000')).toBeNull();
    expect(t.events).toEqual([]);
  });
});

describe('controlling a playback', () => {
  async function playing(t: TestCore, offsetMs = 0): Promise<Playback> {
    await loginWithConference(t, '1000');
    const { playback } = await play(t, { offsetMs });
    await t.playbackStarted(playback.id);
    t.takeEvents();
    t.pbx.clearCommands();
    return playback;
  }

  it('pauses and resumes, keeping track of the position', async () => {
    const t = await setup();
    const playback = await playing(t, 2000);
    await t.advance(4000);

    const paused = await t.core.controlAgentPlayback({ agentId: '1000', action: 'pause' });
    expect(paused).toMatchObject({ id: playback.id, state: 'paused', playedMs: 4000, resumedAt: null });
    await t.advance(60_000);
    const resumed = await t.core.controlAgentPlayback({ agentId: '1000', action: 'resume' });
    expect(resumed).toMatchObject({ state: 'playing', playedMs: 4000, resumedAt: t.clock.now() });
    expect(t.pbx.describe()).toEqual([`controlPlayback ${playback.id} pause`, `controlPlayback ${playback.id} unpause`]);
    expect(describeEvents(t.events)).toEqual(['PlaybackPaused', 'PlaybackResumed']);
    expect(t.events.map((event) => ('playbackId' in event ? event.playbackId : null))).toEqual([playback.id, playback.id]);
  });

  it('does not announce the start again when the engine repeats it after an unpause', async () => {
    const t = await setup();
    const playback = await playing(t);
    await t.core.controlAgentPlayback({ agentId: '1000', action: 'pause' });
    await t.core.controlAgentPlayback({ agentId: '1000', action: 'resume' });
    await t.playbackStarted(playback.id);
    expect(describeEvents(t.events)).toEqual(['PlaybackPaused', 'PlaybackResumed']);
  });

  it('refuses to pause what is not playing and to resume what is not paused', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    await play(t);
    const notStarted = await refusal(t.core.controlAgentPlayback({ agentId: '1000', action: 'pause' }));
    expect(notStarted.code).toBe('PLAYBACK_NOT_PLAYING');
    expect(notStarted.details).toEqual({ state: 'pending' });
    expect((await refusal(t.core.controlAgentPlayback({ agentId: '1000', action: 'resume' }))).code).toBe('PLAYBACK_NOT_PAUSED');
    expect((await refusal(t.core.controlAgentPlayback({ agentId: '1000', action: 'restart' }))).code).toBe('PLAYBACK_NOT_PLAYING');
    expect((await refusal(t.core.controlAgentPlayback({ agentId: '1000', action: 'jump', seconds: 5 }))).code).toBe('PLAYBACK_NOT_PLAYING');

    const active = (await t.core.activeAgentPlayback('1000'))!;
    await t.playbackStarted(active.id);
    const notPaused = await refusal(t.core.controlAgentPlayback({ agentId: '1000', action: 'resume' }));
    expect(notPaused.code).toBe('PLAYBACK_NOT_PAUSED');
    expect(notPaused.details).toEqual({ state: 'playing' });
    await t.core.controlAgentPlayback({ agentId: '1000', action: 'pause' });
    expect((await refusal(t.core.controlAgentPlayback({ agentId: '1000', action: 'pause' }))).code).toBe('PLAYBACK_NOT_PLAYING');
  });

  it('answers NO_ACTIVE_PLAYBACK with the conference and server when nothing plays', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    for (const action of ['stop', 'pause', 'resume', 'restart'] as const) {
      const refused = await refusal(t.core.controlAgentPlayback({ agentId: '1000', action }));
      expect(refused.code).toBe('NO_ACTIVE_PLAYBACK');
      expect(refused.details).toEqual({ conference: '8600051', serverIp: '10.1.1.5' });
    }
    const { playback } = await play(t);
    await t.playbackStarted(playback.id);
    await t.playbackFinished(playback.id);
    expect((await refusal(t.core.controlAgentPlayback({ agentId: '1000', action: 'stop' }))).code).toBe('NO_ACTIVE_PLAYBACK');
  });

  it('answers NO_ACTIVE_PLAYBACK with empty conference for a session without one', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const refused = await refusal(t.core.controlAgentPlayback({ agentId: '1000', action: 'stop' }));
    expect(refused.code).toBe('NO_ACTIVE_PLAYBACK');
    expect(refused.details).toEqual({ conference: '', serverIp: '10.1.1.5' });
  });

  it('restarts from the beginning without announcing anything', async () => {
    const t = await setup();
    const playback = await playing(t, 7000);
    await t.advance(3000);
    const restarted = await t.core.controlAgentPlayback({ agentId: '1000', action: 'restart' });
    expect(restarted).toMatchObject({ id: playback.id, state: 'playing', offsetMs: 0, playedMs: 0, resumedAt: t.clock.now() });
    expect(t.pbx.describe()).toEqual([`controlPlayback ${playback.id} restart`]);
    expect(t.events).toEqual([]);
  });

  it('stops a conference playback at once', async () => {
    const t = await setup();
    const playback = await playing(t);
    const stopped = await t.core.controlAgentPlayback({ agentId: '1000', action: 'stop' });
    expect(stopped).toMatchObject({ id: playback.id, state: 'finished', finishCause: 'stopped' });
    expect(t.pbx.describe()).toEqual([`stopPlayback ${playback.id}`]);
    expect(describeEvents(t.events)).toEqual(['PlaybackFinished stopped']);
    await t.playbackFinished(playback.id);
    expect(describeEvents(t.events)).toEqual(['PlaybackFinished stopped']);
  });

  it('jumps by restarting the media under a new id at the new position, silently', async () => {
    const t = await setup();
    const playback = await playing(t, 10_000);
    await t.advance(5000);
    const nextId = `agent-1000.pb-${t.ids.peekNextId()}`;

    const jumped = await t.core.controlAgentPlayback({ agentId: '1000', action: 'jump', seconds: 30 });
    expect(jumped).toMatchObject({ id: nextId, state: 'pending', offsetMs: 45_000, playedMs: 0, continues: playback.id, target: playback.target });
    // The new position is queued before the old media stops, so a refused play leaves the old one playing.
    expect(t.pbx.describe()).toEqual([`play ${nextId} bridge:agent-1000.conference sound:ss-noservice offset=45000`, `stopPlayback ${playback.id}`]);
    expect(t.events).toEqual([{ type: 'PlaybackJumped', playbackId: nextId, agentId: '1000', callId: null, positionMs: 45_000, at: t.clock.now() }]);
    expect(await t.store.direct.playbacks.get(playback.id)).toMatchObject({ state: 'finished', finishCause: 'replaced' });

    await t.playbackFinished(playback.id);
    await t.playbackStarted(nextId);
    expect(describeEvents(t.events)).toEqual(['PlaybackJumped']);
    expect(await t.core.activeAgentPlayback('1000')).toMatchObject({ id: nextId, state: 'playing' });

    await t.advance(2000);
    const back = await t.core.controlAgentPlayback({ agentId: '1000', action: 'jump', seconds: -10 });
    expect(back.offsetMs).toBe(37_000);
    await t.playbackFinished(nextId);
    expect(describeEvents(t.events)).toEqual(['PlaybackJumped', 'PlaybackJumped']);

    await t.playbackStarted(back.id);
    await t.playbackFinished(back.id, 'done');
    expect(describeEvents(t.events)).toEqual(['PlaybackJumped', 'PlaybackJumped', 'PlaybackFinished done']);
    expect(t.events[2]).toMatchObject({ playbackId: back.id });
  });

  it('does not jump before the start of the media', async () => {
    const t = await setup();
    await playing(t, 1000);
    await t.advance(2000);
    const jumped = await t.core.controlAgentPlayback({ agentId: '1000', action: 'jump', seconds: -60 });
    expect(jumped.offsetMs).toBe(0);
    expect(t.pbx.played()[0]).toMatchObject({ playbackId: jumped.id, offsetMs: undefined });
  });

  it('jumps from the paused position', async () => {
    const t = await setup();
    await playing(t);
    await t.advance(8000);
    await t.core.controlAgentPlayback({ agentId: '1000', action: 'pause' });
    await t.advance(100_000);
    const jumped = await t.core.controlAgentPlayback({ agentId: '1000', action: 'jump', seconds: 2 });
    expect(jumped.offsetMs).toBe(10_000);
  });
});

describe("by ringing the agent's phone", () => {
  async function ringing(t: TestCore): Promise<{ playback: Playback; legId: string; callId: string }> {
    await loginPlain(t, '1000');
    t.takeEvents();
    const { playback } = await play(t, { offsetMs: 3000 });
    const legId = (await legOf(t, playback.callId!, 'agent')).id;
    return { playback, legId, callId: playback.callId! };
  }

  it('makes the agent busy and rings the phone; the media starts once answered', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    t.takeEvents();
    const started = await play(t, { offsetMs: 3000 });
    const callId = started.playback.callId!;
    const legId = (await legOf(t, callId, 'agent')).id;

    expect(started.playback).toMatchObject({ state: 'pending', target: null, agentId: '1000' });
    expect(started.session).toMatchObject({ state: 'in_call', currentCallId: callId, stateBeforeCall: 'ready' });
    expect(await t.core.getCall(callId)).toMatchObject({ call: { purpose: 'agent_playback', agentId: '1000', toNumber: '1000', state: 'setup' } });
    expect(t.pbx.originated()).toEqual([{ legId, endpoint: 'PJSIP/1000', callerId: { number: '', name: 'Playback' }, timeoutSec: t.config.agentRingTimeoutSec }]);

    await t.ring(legId);
    await t.answer(legId);
    expect(t.pbx.describe().slice(-1)).toEqual([`play ${started.playback.id} leg:${legId} sound:ss-noservice offset=3000`]);
    await t.playbackStarted(started.playback.id);

    expect(describeEvents(t.events)).toEqual([
      'AgentStateChanged ready->in_call (playback)',
      'LegRinging agent',
      'AgentPhoneRinging',
      'LegAnswered agent',
      'AgentPhoneAnswered',
      'PlaybackStarted',
    ]);
    expect(await t.core.activeAgentPlayback('1000')).toMatchObject({ state: 'playing', target: { kind: 'leg', legId }, callId });
  });

  it('releases the phone when the media ends: released, ready, finished with cause done', async () => {
    const t = await setup();
    const { playback, legId, callId } = await ringing(t);
    await t.answer(legId);
    await t.playbackStarted(playback.id);
    t.takeEvents();
    t.pbx.clearCommands();

    await t.playbackFinished(playback.id, 'done');
    expect(t.pbx.describe()).toEqual([`hangup ${legId}`]);
    expect(t.events).toEqual([]);
    await t.confirmHangups();
    expect(describeEvents(t.events)).toEqual(['LegEnded agent', 'AgentPhoneReleased by system', 'CallEnded', 'AgentStateChanged in_call->ready', 'PlaybackFinished done']);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null });
    expect(await t.store.direct.playbacks.get(playback.id)).toMatchObject({ state: 'finished', finishCause: 'done' });
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ purpose: 'agent_playback', agentId: '1000', hangupSide: 'system' });
  });

  it('stops on request: the phone is released first, then the playback ends with cause stopped', async () => {
    const t = await setup();
    const { playback, legId } = await ringing(t);
    await t.answer(legId);
    await t.playbackStarted(playback.id);
    t.takeEvents();
    t.pbx.clearCommands();

    const stopping = await t.core.controlAgentPlayback({ agentId: '1000', action: 'stop' });
    expect(stopping).toMatchObject({ id: playback.id, state: 'finishing', finishCause: 'stopped' });
    expect(t.pbx.describe()).toEqual([`stopPlayback ${playback.id}`, `hangup ${legId}`]);
    expect(t.events).toEqual([]);
    expect(await t.core.activeAgentPlayback('1000')).toBeNull();

    await t.playbackFinished(playback.id, 'done');
    await t.confirmHangups();
    expect(describeEvents(t.events)).toEqual(['LegEnded agent', 'AgentPhoneReleased by system', 'CallEnded', 'AgentStateChanged in_call->ready', 'PlaybackFinished stopped']);
  });

  it('reports a phone that is not answered as a failed playback', async () => {
    const t = await setup();
    const { legId, callId } = await ringing(t);
    await t.ring(legId);
    await t.advance(30_000);
    await t.endLeg(legId, 19, 'No answer');
    expect(describeEvents(t.events)).toEqual([
      'AgentStateChanged ready->in_call (playback)',
      'LegRinging agent',
      'AgentPhoneRinging',
      'LegEnded agent',
      'AgentPhoneReleased by system',
      'CallEnded',
      'AgentStateChanged in_call->ready',
      'PlaybackFinished failed',
    ]);
    expect(t.pbx.played()).toEqual([]);
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupCause: 19, hangupCauseText: 'No answer', billsec: 0, durationSec: 30, answeredAt: null });
  });

  it('reports media the engine cannot play as failed, after releasing the phone', async () => {
    const t = await setup();
    const { legId } = await ringing(t);
    t.pbx.failNext('play');
    await t.answer(legId);
    expect(t.pbx.hungUp()).toEqual([legId]);
    await t.confirmHangups();
    expect(describeEvents(t.events).slice(-5)).toEqual(['LegEnded agent', 'AgentPhoneReleased by system', 'CallEnded', 'AgentStateChanged in_call->ready', 'PlaybackFinished failed']);
  });

  it('reports media that fails while playing as failed, releasing the phone after a grace period', async () => {
    const t = await setup();
    const { playback, legId } = await ringing(t);
    await t.answer(legId);
    t.pbx.clearCommands();
    await t.playbackFinished(playback.id, 'failed');
    // The engine also says "failed" when the agent hangs up: the phone is kept a moment for that end to arrive.
    expect(t.pbx.describe()).toEqual([]);
    await t.advance(1000);
    expect(t.pbx.describe()).toEqual([`hangup ${legId}`]);
    await t.confirmHangups();
    expect(describeEvents(t.events).slice(-4)).toEqual(['AgentPhoneReleased by system', 'CallEnded', 'AgentStateChanged in_call->ready', 'PlaybackFinished failed']);
  });

  it('tells an agent hanging up apart from failed media when the engine reports the media failed first', async () => {
    const t = await setup();
    const { playback, legId } = await ringing(t);
    await t.answer(legId);
    await t.playbackStarted(playback.id);
    t.takeEvents();
    await t.playbackFinished(playback.id, 'failed');
    await t.endLeg(legId);
    expect(describeEvents(t.events)).toEqual(['LegEnded agent', 'AgentPhoneReleased by agent', 'CallEnded', 'AgentStateChanged in_call->ready', 'PlaybackFinished stopped']);
    await t.advance(1000);
    expect(t.pbx.describe().filter((command) => command.startsWith('hangup'))).toEqual([]);
  });

  it('refuses new audio while the phone of failed media is being released, so that audio cannot outlive the call', async () => {
    const t = await setup();
    const { playback, legId } = await ringing(t);
    await t.answer(legId);
    await t.playbackStarted(playback.id);
    await t.playbackFinished(playback.id, 'failed');
    t.pbx.clearCommands();

    const refused = await refusal(play(t));
    expect(refused.code).toBe('AGENT_BUSY');
    expect(t.pbx.played()).toEqual([]);
    await t.advance(1000);
    await t.confirmHangups();
    expect(await t.store.direct.playbacks.listUnfinished()).toEqual([]);
    expect(await t.store.direct.playbacks.get(playback.id)).toMatchObject({ state: 'finished', finishCause: 'failed' });
  });

  it('finishes every unfinished playback of the call when its phone goes away, each once', async () => {
    const t = await setup();
    const { playback, legId, callId } = await ringing(t);
    await t.answer(legId);
    await t.playbackStarted(playback.id);
    await t.playbackFinished(playback.id, 'failed');
    // However a second audio came to share the call, the end of the call is the end of both.
    const second: Playback = { ...playback, id: `${playback.id}-second`, state: 'playing', finishCause: null, createdAt: t.clock.now() };
    await t.store.direct.playbacks.insert(second);
    t.takeEvents();

    await t.advance(1000);
    await t.confirmHangups();
    expect(await t.store.direct.playbacks.listUnfinished()).toEqual([]);
    expect(await t.store.direct.playbacks.get(playback.id)).toMatchObject({ state: 'finished', finishCause: 'failed' });
    expect(await t.store.direct.playbacks.get(second.id)).toMatchObject({ state: 'finished', finishCause: 'stopped' });
    expect(describeEvents(t.events).slice(-2)).toEqual(['PlaybackFinished failed', 'PlaybackFinished stopped']);
    expect(t.events.filter((event) => event.type === 'PlaybackFinished').map((event) => 'playbackId' in event && event.playbackId)).toEqual([playback.id, second.id]);
    expect(callId).toBe(second.callId);
  });

  it('ends the playback as stopped when the agent hangs up while it plays', async () => {
    const t = await setup();
    const { playback, legId } = await ringing(t);
    await t.answer(legId);
    await t.playbackStarted(playback.id);
    t.takeEvents();
    await t.endLeg(legId);
    expect(describeEvents(t.events)).toEqual(['LegEnded agent', 'AgentPhoneReleased by agent', 'CallEnded', 'AgentStateChanged in_call->ready', 'PlaybackFinished stopped']);
  });

  it('ends as stopped, not failed, when the agent hangs up right after a jump', async () => {
    const t = await setup();
    const { playback, legId } = await ringing(t);
    await t.answer(legId);
    await t.playbackStarted(playback.id);
    await t.advance(4000);
    const jumped = await t.core.controlAgentPlayback({ agentId: '1000', action: 'jump', seconds: 10 });
    expect(jumped).toMatchObject({ state: 'pending', target: { kind: 'leg', legId }, offsetMs: 17_000 });
    t.takeEvents();
    await t.endLeg(legId);
    expect(describeEvents(t.events).slice(-1)).toEqual(['PlaybackFinished stopped']);
    expect(t.events[t.events.length - 1]).toMatchObject({ playbackId: jumped.id });
  });

  it('stops while the phone still rings', async () => {
    const t = await setup();
    const { playback, legId } = await ringing(t);
    t.pbx.clearCommands();
    const stopping = await t.core.controlAgentPlayback({ agentId: '1000', action: 'stop' });
    expect(stopping.state).toBe('finishing');
    expect(t.pbx.describe()).toEqual([`hangup ${legId}`]);
    await t.answer(legId);
    expect(t.pbx.played()).toEqual([]);
    await t.confirmHangups();
    expect(describeEvents(t.events).slice(-2)).toEqual(['AgentStateChanged in_call->ready', 'PlaybackFinished stopped']);
    expect(await t.store.direct.playbacks.get(playback.id)).toMatchObject({ state: 'finished', finishCause: 'stopped' });
  });

  it('lets a replacing playback take over the call to the phone', async () => {
    const t = await setup();
    const { playback, legId, callId } = await ringing(t);
    await t.answer(legId);
    await t.playbackStarted(playback.id);
    t.takeEvents();
    t.pbx.clearCommands();

    const second = await play(t, { replaceActive: true, media: { kind: 'sound', name: 'other' } });
    expect(second.playback).toMatchObject({ callId, target: { kind: 'leg', legId } });
    expect(t.pbx.describe()).toEqual([`stopPlayback ${playback.id}`, `play ${second.playback.id} leg:${legId} sound:other`]);
    expect(describeEvents(t.events)).toEqual(['PlaybackFinished stopped']);

    await t.playbackStarted(second.playback.id);
    await t.playbackFinished(second.playback.id);
    await t.confirmHangups();
    expect(describeEvents(t.events)).toEqual([
      'PlaybackFinished stopped',
      'PlaybackStarted',
      'LegEnded agent',
      'AgentPhoneReleased by system',
      'CallEnded',
      'AgentStateChanged in_call->ready',
      'PlaybackFinished done',
    ]);
  });

  it('refuses a second playback while the phone rings for the first', async () => {
    const t = await setup();
    await ringing(t);
    const refused = await refusal(play(t));
    expect(refused.code).toBe('PLAYBACK_ALREADY_ACTIVE');
    expect(refused.details).toEqual({ conference: '', serverIp: '10.1.1.5' });
  });

  it('returns a paused agent to the pause afterwards', async () => {
    const t = await setup();
    await t.core.loginAgent({ agentId: '1000', via: 'ccgateway', phoneNumber: '1000', initialState: 'paused', pauseReason: 'busy:200' });
    const { playback } = await play(t);
    const legId = (await legOf(t, playback.callId!, 'agent')).id;
    await t.answer(legId);
    await t.playbackStarted(playback.id);
    await t.playbackFinished(playback.id);
    await t.confirmHangups();
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', pauseReason: 'busy:200' });
  });

  it('logs out after the playback call when a logout was deferred, finishing the playback once', async () => {
    const t = await setup();
    const { playback, legId } = await ringing(t);
    await t.answer(legId);
    await t.playbackStarted(playback.id);
    await expect(t.core.logoutAgent({ agentId: '1000', whenInCall: 'defer' })).resolves.toBe('logout_pending');
    t.takeEvents();
    await t.endLeg(legId);
    expect(describeEvents(t.events)).toEqual([
      'LegEnded agent',
      'AgentPhoneReleased by agent',
      'CallEnded',
      'AgentStateChanged in_call->ready',
      'PlaybackFinished stopped',
      'AgentLoggedOut after_call',
    ]);
    expect(await t.core.getAgentSession('1000')).toBeNull();
  });

  it('answers AGENT_HAS_NO_DEVICE for an agent without phone', async () => {
    const t = await setup();
    await t.core.loginAgent({ agentId: '1001', via: 'ccgateway' });
    expect((await refusal(play(t, { agentId: '1001' }))).code).toBe('AGENT_HAS_NO_DEVICE');
    expect(await t.core.getAgentSession('1001')).toMatchObject({ state: 'ready' });
  });

  it('accepts the playback and fails it like an unanswered phone when the engine refuses to ring the phone', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    t.takeEvents();
    t.pbx.failNext('originate');
    const { playback } = await play(t);
    expect(describeEvents(t.events)).toEqual([
      'AgentStateChanged ready->in_call (playback)',
      'LegEnded agent',
      'AgentPhoneReleased by system',
      'CallEnded',
      'AgentStateChanged in_call->ready',
      'PlaybackFinished failed',
    ]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null });
    expect(await t.core.listLiveCalls()).toEqual([]);
    expect(await t.store.direct.playbacks.get(playback.id)).toMatchObject({ state: 'finished', finishCause: 'failed' });
    expect(await t.core.getCdrOfCall(playback.callId!)).toMatchObject({ hangupCause: 0, hangupSide: 'system' });
  });

  it('refuses the playback and leaves the agent ready when the engine is away', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    t.takeEvents();
    t.pbx.setAvailable(false);
    expect((await refusal(play(t))).code).toBe('PBX_UNAVAILABLE');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null });
    expect(await t.core.listLiveCalls()).toEqual([]);
    expect(await t.core.activeAgentPlayback('1000')).toBeNull();
    expect(t.events).toEqual([]);
  });
});

describe('into the current call', () => {
  it("plays to the agent's leg of the call, without phone or state events", async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const { callId, agentLegId } = await connectedCustomerCall(t, '1000');
    t.takeEvents();
    t.pbx.clearCommands();

    const { playback } = await play(t);
    expect(playback).toMatchObject({ callId, target: { kind: 'leg', legId: agentLegId } });
    expect(t.pbx.describe()).toEqual([`play ${playback.id} leg:${agentLegId} sound:ss-noservice`]);
    await t.playbackStarted(playback.id);
    await t.playbackFinished(playback.id);
    expect(describeEvents(t.events)).toEqual(['PlaybackStarted', 'PlaybackFinished done']);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });
  });

  it('stops at once and leaves the call up', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const { callId } = await connectedCustomerCall(t, '1000');
    const { playback } = await play(t);
    await t.playbackStarted(playback.id);
    t.takeEvents();
    t.pbx.clearCommands();
    await expect(t.core.controlAgentPlayback({ agentId: '1000', action: 'stop' })).resolves.toMatchObject({ state: 'finished', finishCause: 'stopped' });
    expect(t.pbx.describe()).toEqual([`stopPlayback ${playback.id}`]);
    expect(describeEvents(t.events)).toEqual(['PlaybackFinished stopped']);
    expect((await t.core.getCall(callId))!.call.state).toBe('answered');
  });

  it("answers AGENT_BUSY while the agent's phone has not answered the call", async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    expect((await refusal(play(t))).code).toBe('AGENT_BUSY');
  });
});
