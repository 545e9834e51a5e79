import {
  agent,
  extension,
  extensionGroup,
  trunk,
  connectedCustomerCall,
  describeEvents,
  legOf,
  legsOf,
  loginPlain,
  loginWithConference,
  createTestCore,
  type TestCore,
} from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({
    config: { voiceMenuKeyWaitMs: 5000 },
    directory: {
      agents: [agent('1000'), agent('1001')],
      extensions: [extension(5, '100'), extension(11, '301'), extension(12, '302')],
      groups: [extensionGroup('g', [11]), extensionGroup('pair', [11, 12])],
      trunks: [trunk(1)],
    },
  });
}

/** A voice menu whose transfer key is 1, rung to the group, its caller answered. */
async function answeredVoiceMenu(t: TestCore, groupName: string): Promise<{ callId: string; customerId: string }> {
  const { callId } = await t.core.startVoiceMenuCall({
    destination: '85781218893',
    callerId: '2120280001',
    media: { kind: 'sound', name: 'menu' },
    transferKey: '1',
    groupName,
    tenant: null,
    data: {},
    origin: { dialect: 'sipcall', operation: 'PlayVoice', apiUserId: null },
  });
  const customerId = `${callId}.1`;
  await t.answer(customerId);
  return { callId, customerId };
}

const connected = (t: TestCore) => t.emit({ type: 'pbx_connected', at: t.clock.now() });

describe('reconciliation after the engine connects', () => {
  it('leaves alone a call started while it reads the engine', async () => {
    const t = await setup();
    const snapshot = t.pbx.snapshot.bind(t.pbx);
    let started: string | null = null;
    // A client's command lands between reconciliation's two reads.
    t.pbx.snapshot = async () => {
      const before = await snapshot();
      started = (
        await t.core.startClickToCall({
          source: { by: 'internal_number', value: '100' },
          dialplan: null,
          destination: '800123456',
          sourceCallerId: { number: '000', name: 'Dialer' },
          destinationCallerId: null,
          sourceRingSec: null,
          destinationRingSec: null,
          data: {},
          origin: { dialect: 'voipsun', operation: 'originate', apiUserId: null },
        })
      ).callId;
      return before;
    };
    await connected(t);
    await t.core.idle();
    expect(started).not.toBeNull();
    expect((await t.core.getCall(started!))!.legs[0]).toMatchObject({ state: 'dialing' });
    expect(await t.core.getCdrOfCall(started!)).toBeNull();
  });

  it('ends the calls whose legs the engine no longer has, with their CDRs, and frees their agents', async () => {
    const t = await setup();
    const { callId: clickId } = await t.core.startClickToCall({
      source: { by: 'internal_number', value: '100' },
      dialplan: null,
      destination: '800123456',
      sourceCallerId: { number: '800123456', name: '' },
      destinationCallerId: null,
      sourceRingSec: null,
      destinationRingSec: null,
      data: {},
      origin: { dialect: 'voipsun', operation: 'originate', apiUserId: null },
    });
    await t.answer(`${clickId}.1`);
    await t.answer(`${clickId}.2`);
    await loginPlain(t, '1000');
    const agentCall = await connectedCustomerCall(t, '1000');
    t.takeEvents();

    t.pbx.forgetEverything();
    await connected(t);

    expect(await t.core.listLiveCalls()).toEqual([]);
    const cdrs = await t.store.direct.cdrs.list();
    expect(cdrs.map((cdr) => cdr.callId).sort()).toEqual([clickId, agentCall.callId].sort());
    // Nobody is known to have hung up: the gateway ended them when it found out.
    for (const cdr of cdrs) expect(cdr).toMatchObject({ hangupCause: 0, hangupCauseText: 'Unknown', hangupSide: 'system', endedAt: t.clock.now() });
    expect((await legOf(t, clickId, 'destination')).state).toBe('ended');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null });
    expect(t.eventTypes('CallEnded')).toHaveLength(2);
    expect(describeEvents(t.events).slice(-1)).toEqual(['AgentStateChanged in_call->ready']);
  });

  it('leaves alone the calls the engine still has', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const { callId } = await connectedCustomerCall(t, '1000');
    t.takeEvents();
    t.pbx.clearCommands();
    await connected(t);
    expect((await t.core.getCall(callId))!.call.state).toBe('answered');
    expect(t.events).toEqual([]);
    expect(t.pbx.commands).toEqual([]);
  });

  it('finishes playbacks the engine no longer knows, and keeps the ones it does', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    await loginWithConference(t, '1001', '8600052');
    const lost = (await t.core.startAgentPlayback({ agentId: '1000', media: { kind: 'sound', name: 'a' }, placement: 'conference' })).playback;
    const kept = (await t.core.startAgentPlayback({ agentId: '1001', media: { kind: 'sound', name: 'b' }, placement: 'conference' })).playback;
    await t.playbackStarted(lost.id);
    await t.playbackStarted(kept.id);
    t.takeEvents();

    t.pbx.playbacks.delete(lost.id);
    await connected(t);
    expect(t.events).toEqual([{ type: 'PlaybackFinished', playbackId: lost.id, agentId: '1000', callId: null, cause: 'done', at: t.clock.now() }]);
    expect(await t.core.activeAgentPlayback('1000')).toBeNull();
    expect(await t.core.activeAgentPlayback('1001')).toMatchObject({ id: kept.id, state: 'playing' });
  });

  it('finishes as failed a playback the engine reports failed', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { playback } = await t.core.startAgentPlayback({ agentId: '1000', media: { kind: 'sound', name: 'a' }, placement: 'conference' });
    await t.playbackStarted(playback.id);
    t.takeEvents();
    t.pbx.playbacks.set(playback.id, 'failed');
    await connected(t);
    expect(describeEvents(t.events)).toEqual(['PlaybackFinished failed']);
  });

  it('recreates the session conferences and notices the phones that are gone', async () => {
    const t = await setup();
    const session = await loginWithConference(t, '1000');
    await loginPlain(t, '1001');
    t.pbx.forgetEverything();
    t.pbx.clearCommands();
    t.takeEvents();

    await connected(t);
    expect(t.pbx.describe()).toContain('ensureBridge agent-1000.conference mixing');
    expect(t.pbx.bridges.has('agent-1000.conference')).toBe(true);
    expect(describeEvents(t.events)).toEqual(['LegEnded agent', 'AgentPhoneReleased by system', 'CallEnded']);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ conference: { ...session.conference, agentLegId: null } });
  });

  it('ends the playback call of a phone that is gone', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const { playback } = await t.core.startAgentPlayback({ agentId: '1000', media: { kind: 'sound', name: 'a' }, placement: 'agent' });
    await t.answer((await legOf(t, playback.callId!, 'agent')).id);
    await t.playbackStarted(playback.id);
    t.takeEvents();
    t.pbx.forgetEverything();
    await connected(t);
    expect(describeEvents(t.events)).toEqual(['LegEnded agent', 'AgentPhoneReleased by system', 'CallEnded', 'AgentStateChanged in_call->ready', 'PlaybackFinished stopped']);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready' });
  });

  it('gives a voice menu awaiting its key a new timer after a gateway restart', async () => {
    const t = await setup();
    const { callId, customerId } = await answeredVoiceMenu(t, 'g');
    const playbackId = t.pbx.played()[0]!.playbackId;
    await t.playbackStarted(playbackId);
    await t.playbackFinished(playbackId);
    expect((await t.core.getCall(callId))!.call.progress.stage).toBe('awaiting_key');

    const restarted = t.restartGateway();
    expect(restarted.timers.pending).toBe(0);
    await restarted.advance(60_000);
    expect((await restarted.core.getCall(callId))!.call.state).toBe('answered');

    await connected(restarted);
    expect(restarted.timers.pending).toBe(1);
    restarted.pbx.clearCommands();
    await restarted.advance(4999);
    expect(restarted.pbx.commands).toEqual([]);
    await restarted.advance(1);
    expect(restarted.pbx.describe()).toEqual([`hangup ${customerId}`]);
    await restarted.confirmHangups();
    expect(await restarted.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'system' });
    expect((await restarted.core.getCall(callId))!.call.progress.stage).toBe('no_key');
  });

  it('asks the engine again to hang up a leg whose hang-up a crash kept from it', async () => {
    const t = await setup();
    const { callId, customerId } = await answeredVoiceMenu(t, 'pair');
    await t.playbackStarted(t.pbx.played()[0]!.playbackId);
    await t.dtmf(customerId, '1');
    const [first, second] = (await legsOf(t, callId)).filter((leg) => leg.role === 'member');
    // The gateway dies after committing that the second member is to be
    // released, before the hang-up goes out: the engine never hears it.
    t.pbx.hangup = async () => undefined;
    await t.answer(first!.id);
    expect(await legOf(t, callId, 'member')).toMatchObject({ id: first!.id, state: 'up' });
    expect((await legsOf(t, callId)).find((leg) => leg.id === second!.id)).toMatchObject({ hangupRequested: true, state: 'dialing' });
    const restarted = t.restartGateway();
    Reflect.deleteProperty(restarted.pbx, 'hangup');
    restarted.pbx.clearCommands();

    await connected(restarted);
    expect(restarted.pbx.describe()).toEqual([`hangup ${second!.id}`]);
    await restarted.confirmHangups();
    expect((await legsOf(restarted, callId)).find((leg) => leg.id === second!.id)).toMatchObject({ state: 'ended' });
  });

  it('releases a channel the engine still has for a leg the gateway already ended', async () => {
    const t = await setup();
    const { callId, customerId } = await answeredVoiceMenu(t, 'pair');
    await t.playbackStarted(t.pbx.played()[0]!.playbackId);
    await t.dtmf(customerId, '1');
    const [first, second] = (await legsOf(t, callId)).filter((leg) => leg.role === 'member');
    await t.answer(first!.id);
    await t.confirmHangups();
    expect((await legsOf(t, callId)).find((leg) => leg.id === second!.id)).toMatchObject({ state: 'ended' });
    // The engine kept the second member's channel and its answer never reached the gateway.
    t.pbx.legs.set(second!.id, { channelName: 'PJSIP/302-00000009', state: 'up', ending: false });
    const restarted = t.restartGateway();
    restarted.pbx.clearCommands();

    await connected(restarted);
    expect(restarted.pbx.describe()).toEqual([`hangup ${second!.id}`]);
    expect((await restarted.core.getCall(callId))!.call.state).toBe('answered');
  });
});
