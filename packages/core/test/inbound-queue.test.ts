import { PbxFailure, type CallOf } from '../src';
import { agent, trunk, queueMember, describeEvents, loginPlain, loginWithConference, createTestCore, type TestCore, domainErrorCode } from '@pbx-gateway/test-support';

const CALLER = '1718000000.42';
const SECOND_CALLER = '1718000000.43';

async function setup(queue: { strategy?: string; maxWaitSec?: number | null; active?: boolean } = {}): Promise<TestCore> {
  return createTestCore({
    directory: {
      agents: [agent('1000'), agent('1001'), agent('1002')],
      queues: [
        { name: 'SALESLINE', strategy: queue.strategy ?? 'longest_wait_time', mohClass: 'jazz', maxWaitSec: queue.maxWaitSec ?? null, active: queue.active ?? true },
        { name: 'SUPPORT', strategy: 'ringall' },
      ],
      didRoutes: [
        { did: '2125550100', queueName: 'SALESLINE' },
        { did: '2125550199', queueName: 'SUPPORT' },
      ],
      trunks: [trunk(1)],
    },
  });
}

async function inboundCall(t: TestCore, callerLegId = CALLER): Promise<CallOf<'inbound'>> {
  const leg = await t.store.direct.calls.getLeg(callerLegId);
  if (!leg) throw new Error(`no leg ${callerLegId}`);
  const call = await t.store.direct.calls.get(leg.callId);
  if (call?.purpose !== 'inbound') throw new Error('not an inbound call');
  return call;
}

describe('a call arriving on a DID', () => {
  it('is answered, hears the queue music and waits while nobody serves the queue', async () => {
    const t = await setup();
    await t.callIn(CALLER, '2125550100', '5550123');
    expect(t.pbx.describe()).toEqual([`answer ${CALLER}`, `setMusicOnHold ${CALLER} jazz`]);
    const call = await inboundCall(t);
    expect(call).toMatchObject({
      direction: 'inbound',
      state: 'answered',
      agentId: null,
      fromNumber: '5550123',
      toNumber: '2125550100',
      progress: { stage: 'waiting', did: '2125550100', queueName: 'SALESLINE', mohClass: 'jazz', callerLegId: CALLER, agentLegs: [], agentLegId: null },
    });
    expect(call.id.startsWith('1718000000.')).toBe(true);
    expect(await t.core.listWaitingCalls(['SALESLINE'])).toEqual([
      { callId: call.id, queueName: 'SALESLINE', fromNumber: '5550123', did: '2125550100', waitingSince: t.clock.now() },
    ]);
    expect(await t.core.listWaitingCalls(['SUPPORT'])).toEqual([]);
  });

  it('leaves an abandoned CDR when the caller hangs up while waiting', async () => {
    const t = await setup();
    await t.callIn(CALLER, '2125550100');
    const { id } = await inboundCall(t);
    await t.advance(12_000);
    await t.endLeg(CALLER);
    expect((await t.core.getCall(id))!.call).toMatchObject({ state: 'ended', hangupSide: 'caller', progress: { stage: 'abandoned' } });
    expect(await t.core.getCdrOfCall(id)).toMatchObject({ purpose: 'inbound', direction: 'inbound', agentId: null, hangupSide: 'caller', durationSec: 12, billsec: 12 });
    expect(await t.core.listWaitingCalls(['SALESLINE'])).toEqual([]);
  });

  it('is released with a CDR when the number routes nowhere, or to an inactive queue', async () => {
    for (const [did, active] of [['999', true], ['2125550100', false]] as const) {
      const t = await setup({ active });
      await t.callIn(CALLER, did);
      expect(t.pbx.describe()).toEqual([`hangup ${CALLER}`]);
      await t.confirmHangups();
      const call = await inboundCall(t);
      expect(call).toMatchObject({ state: 'ended', hangupSide: 'system', answeredAt: null, progress: { stage: 'no_route', queueName: null } });
      expect(await t.core.getCdrOfCall(call.id)).toMatchObject({ hangupSide: 'system', billsec: 0 });
    }
  });

  it('is released when its DID is inactive, routed to voicemail or a call menu, or to an agent it does not name', async () => {
    const routes = [{ active: false }, { route: 'VOICEMAIL' as const }, { route: 'VMAIL_NO_INST' as const }, { route: 'CALLMENU' as const }, { route: 'AGENT' as const }];
    for (const changes of routes) {
      const t = await setup();
      await t.core.updateDid({ pattern: '2125550100', changes });
      await t.callIn(CALLER, '2125550100');
      expect(t.pbx.describe()).toEqual([`hangup ${CALLER}`]);
      expect((await inboundCall(t)).progress).toMatchObject({ stage: 'no_route', queueName: null });
    }
  });

  it('leaves its DID log row, routed or not, and counts its length once it entered an in-group and ended', async () => {
    const t = await setup();
    const { id: didId } = (await t.core.getDid('2125550100'))!;
    await t.callIn(CALLER, '2125550100', '5550123');
    const queued = await inboundCall(t);
    await t.callIn(SECOND_CALLER, '999', '5550124');
    const released = await inboundCall(t, SECOND_CALLER);
    await t.advance(7_000);
    await t.endLeg(CALLER);
    const day = { from: new Date(t.clock.now().getTime() - 60_000), to: new Date(t.clock.now().getTime() + 60_000) };
    const calledAt = queued.createdAt;
    expect(await t.store.direct.dids.findLog({ did: '2125550100', ...day }, 10)).toEqual([
      { callId: queued.id, did: '2125550100', didId, route: 'IN_GROUP', callerIdNumber: '5550123', callerIdName: expect.any(String), calledAt },
    ]);
    expect(await t.store.direct.dids.findLog({ did: '999', ...day }, 10)).toEqual([
      { callId: released.id, did: '999', didId: null, route: '', callerIdNumber: '5550124', callerIdName: expect.any(String), calledAt: released.createdAt },
    ]);
    expect(await t.core.findDidCalls({ did: '2125550100', ...day })).toEqual([{ callId: queued.id, did: '2125550100', route: 'IN_GROUP', callerIdNumber: '5550123', calledAt, seconds: 7 }]);
    expect(await t.core.findDidCalls({ did: '999', ...day })).toEqual([{ callId: released.id, did: '999', route: '', callerIdNumber: '5550124', calledAt: released.createdAt, seconds: 0 }]);
  });

  it('is hung up by the gateway when the queue’s longest wait is over', async () => {
    const t = await setup({ maxWaitSec: 60 });
    await t.callIn(CALLER, '2125550100');
    await t.advance(59_000);
    expect(t.pbx.hungUp()).toEqual([]);
    await t.advance(1_000);
    expect(t.pbx.hungUp()).toEqual([CALLER]);
    await t.confirmHangups();
    const call = await inboundCall(t);
    expect(call).toMatchObject({ state: 'ended', hangupSide: 'system', progress: { stage: 'timed_out' } });
    expect(await t.core.getCdrOfCall(call.id)).toMatchObject({ hangupSide: 'system', durationSec: 60 });
  });
});

describe('a call arriving on a DID, when things go wrong', () => {
  it('hangs up a caller the engine would not answer (gone already), and the call still leaves its CDR', async () => {
    const t = await setup();
    t.pbx.failNext('answer', new PbxFailure('not_found', 'Channel not found', 404));
    await t.callIn(CALLER, '2125550100');
    expect(t.pbx.describe()).toEqual([`answer ${CALLER}`, `setMusicOnHold ${CALLER} jazz`, `hangup ${CALLER}`]);
    await t.confirmHangups();
    const call = await inboundCall(t);
    expect(await t.core.getCdrOfCall(call.id)).toMatchObject({ purpose: 'inbound', hangupSide: 'system' });
  });

  it('gives a caller still waiting after a restart the rest of the queue’s longest wait', async () => {
    const t = await setup({ maxWaitSec: 60 });
    await t.callIn(CALLER, '2125550100');
    await t.advance(45_000);
    const restarted = t.restartGateway();
    await restarted.emit({ type: 'pbx_connected', at: restarted.clock.now() });
    await restarted.advance(14_000);
    expect(restarted.pbx.hungUp()).toEqual([]);
    await restarted.advance(1_000);
    expect(restarted.pbx.hungUp()).toEqual([CALLER]);
  });
});

describe('delivery into an agent’s session conference', () => {
  it('bridges the caller into the conference of a ready agent who serves the queue', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE'], blended: null });
    t.pbx.clearCommands();
    t.takeEvents();

    await t.callIn(CALLER, '2125550100');
    expect(t.pbx.describe()).toEqual([
      `answer ${CALLER}`,
      `setMusicOnHold ${CALLER} jazz`,
      `setMusicOnHold ${CALLER} null`,
      'ensureBridge agent-1000.conference mixing',
      `addToBridge agent-1000.conference ${CALLER}`,
    ]);
    const call = await inboundCall(t);
    expect(call).toMatchObject({ agentId: '1000', bridgeId: 'agent-1000.conference', progress: { stage: 'connected' } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: call.id });
    expect(describeEvents(t.events)).toEqual(['InboundCallQueued', 'AgentStateChanged ready->in_call (queued_call)', 'InboundCallOffered']);
    expect(t.events[2]).toMatchObject({ type: 'InboundCallOffered', agentId: '1000', queueName: 'SALESLINE', call: { id: call.id, fromNumber: '5550100' } });
    expect((await t.core.getQueue('SALESLINE'))!.members[0]).toMatchObject({ agentId: '1000', callsToday: 1, callsTodayOn: '2024-03-01' });

    t.pbx.clearCommands();
    await t.core.hangupAgentCustomer({ agentId: '1000' });
    await t.confirmHangups();
    expect(t.pbx.describe()).toEqual([`hangup ${CALLER}`]);
    expect(await t.core.getCdrOfCall(call.id)).toMatchObject({ purpose: 'inbound', agentId: '1000', hangupSide: 'system' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null });
  });

  it('gives a waiting call to an agent as soon as the agent resumes, and the agent goes to wrap-up after it', async () => {
    const t = await setup();
    await t.core.loginAgent({ agentId: '1000', via: 'vicidial', phoneNumber: '1000', conferenceNumber: '8600051', connectPhone: true, initialState: 'paused', queues: ['SALESLINE'], afterCall: 'wrap_up' });
    await t.answer((await t.core.getAgentSession('1000'))!.conference!.agentLegId!);
    await t.callIn(CALLER, '2125550100');
    expect((await inboundCall(t)).progress.stage).toBe('waiting');

    await t.core.resumeAgent({ agentId: '1000' });
    // Waiting calls are offered once the resume has committed, not within it.
    await t.settle();
    const call = await inboundCall(t);
    expect(call).toMatchObject({ agentId: '1000', progress: { stage: 'connected' } });
    expect(await t.core.listWaitingCalls(['SALESLINE'])).toEqual([]);

    await t.endLeg(CALLER);
    expect(await t.core.getCdrOfCall(call.id)).toMatchObject({ agentId: '1000', hangupSide: 'caller' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
  });

  it('offers the oldest waiting call first when an agent becomes free', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    await t.callIn(CALLER, '2125550100');
    await t.advance(1000);
    await t.callIn(SECOND_CALLER, '2125550100');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'replace', queues: ['SALESLINE'], blended: false });
    await t.settle();
    expect((await inboundCall(t, CALLER)).progress.stage).toBe('connected');
    expect((await inboundCall(t, SECOND_CALLER)).progress.stage).toBe('waiting');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ blended: false });

    await t.endLeg(CALLER);
    expect((await inboundCall(t, SECOND_CALLER))).toMatchObject({ agentId: '1000', progress: { stage: 'connected' } });
  });

  it('skips paused agents, agents in a call and agents at their daily limit', async () => {
    const t = await createTestCore({
      directory: {
        agents: [agent('1000'), agent('1001'), agent('1002')],
        queues: [{ name: 'SALESLINE', strategy: 'longest_wait_time', members: [queueMember('1000', { dailyLimit: 0 }), queueMember('1001'), queueMember('1002')] }],
        didRoutes: [{ did: '2125550100', queueName: 'SALESLINE' }],
      },
    });
    await loginWithConference(t, '1000', '8600051');
    await loginWithConference(t, '1001', '8600052');
    await loginWithConference(t, '1002', '8600053');
    await t.core.pauseAgent({ agentId: '1001', reason: 'LUNCH' });
    await t.callIn(CALLER, '2125550100');
    expect((await inboundCall(t)).agentId).toBe('1002');
    await t.callIn(SECOND_CALLER, '2125550100');
    expect((await inboundCall(t, SECOND_CALLER)).progress.stage).toBe('waiting');
  });
});

describe('delivery by ringing the agent’s phone', () => {
  it('rings the phone while the caller keeps the music, then bridges both', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE'], blended: null });
    t.pbx.clearCommands();
    await t.callIn(CALLER, '2125550100');
    const call = await inboundCall(t);
    const agentLegId = `${call.id}.2`;
    expect(call).toMatchObject({ agentId: null, progress: { stage: 'ringing_agent', agentLegs: [{ legId: agentLegId, agentId: '1000' }], agentLegId: null } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: call.id });
    expect(t.pbx.originated()).toEqual([{ legId: agentLegId, endpoint: 'PJSIP/1000', callerId: { number: '5550100' }, timeoutSec: t.config.agentRingTimeoutSec }]);

    t.pbx.clearCommands();
    await t.ring(agentLegId);
    await t.answer(agentLegId);
    const bridgeId = `${call.id}.bridge`;
    expect(t.pbx.describe()).toEqual([
      `ensureBridge ${bridgeId} mixing`,
      `addToBridge ${bridgeId} ${agentLegId}`,
      `setMusicOnHold ${CALLER} null`,
      `addToBridge ${bridgeId} ${CALLER}`,
    ]);
    expect(await inboundCall(t)).toMatchObject({ agentId: '1000', progress: { stage: 'connected', agentLegId } });
    expect((await t.core.getQueue('SALESLINE'))!.members[0]).toMatchObject({ callsToday: 1 });

    await t.endLeg(agentLegId);
    expect(t.pbx.hungUp()).toEqual([CALLER]);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(call.id)).toMatchObject({ agentId: '1000', hangupSide: 'caller' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready' });
  });

  it('puts the call back in the queue and pauses the agent whose phone does not answer, then tries the next agent', async () => {
    const t = await setup({ strategy: 'linear' });
    await loginPlain(t, '1000');
    await loginPlain(t, '1001');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE'], blended: null });
    await t.core.changeAgentQueues({ agentId: '1001', change: 'add', queues: ['SALESLINE'], blended: null });
    await t.callIn(CALLER, '2125550100');
    const call = await inboundCall(t);
    expect(call.progress.agentLegs).toEqual([{ legId: `${call.id}.2`, agentId: '1000' }]);

    await t.endLeg(`${call.id}.2`, 19, 'No answer');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', currentCallId: null });
    expect(await inboundCall(t)).toMatchObject({
      state: 'answered',
      hangupSide: null,
      agentId: null,
      progress: { stage: 'ringing_agent', agentLegs: [{ legId: `${call.id}.2`, agentId: '1000' }, { legId: `${call.id}.3`, agentId: '1001' }] },
    });
    expect(await t.core.getAgentSession('1001')).toMatchObject({ state: 'in_call', currentCallId: call.id });
  });

  it('a session that ends while its phone rings for the call hangs up that phone only: the call goes to the next agent', async () => {
    const t = await setup({ strategy: 'linear' });
    await loginPlain(t, '1000');
    await loginPlain(t, '1001');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE'], blended: null });
    await t.core.changeAgentQueues({ agentId: '1001', change: 'add', queues: ['SALESLINE'], blended: null });
    await t.callIn(CALLER, '2125550100');
    const call = await inboundCall(t);
    t.pbx.clearCommands();
    await expect(t.core.logoutAgent({ agentId: '1000', whenInCall: 'refuse' })).resolves.toBe('logged_out');
    expect(t.pbx.hungUp()).toEqual([`${call.id}.2`]);
    await t.confirmHangups();
    expect(await t.core.getAgentSession('1000')).toBeNull();
    expect(await inboundCall(t)).toMatchObject({ hangupSide: null, progress: { stage: 'ringing_agent', agentLegs: [{ legId: `${call.id}.2`, agentId: '1000' }, { legId: `${call.id}.3`, agentId: '1001' }] } });
    expect(await t.core.getAgentSession('1001')).toMatchObject({ state: 'in_call', currentCallId: call.id });
  });

  it('a logout that refuses calls still refuses once the agent has answered', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE'], blended: null });
    await t.callIn(CALLER, '2125550100');
    const call = await inboundCall(t);
    await t.answer(`${call.id}.2`);
    expect(await domainErrorCode(t.core.logoutAgent({ agentId: '1000', whenInCall: 'refuse' }))).toBe('AGENT_BUSY');
  });

  it('ringall rings every available phone at once; the first to answer gets the call, the others are released ready', async () => {
    const t = await setup({ strategy: 'ringall' });
    for (const agentId of ['1000', '1001', '1002']) {
      await loginPlain(t, agentId);
      await t.core.changeAgentQueues({ agentId, change: 'add', queues: ['SALESLINE'], blended: null });
    }
    await t.core.pauseAgent({ agentId: '1002', reason: null });
    t.pbx.clearCommands();
    await t.callIn(CALLER, '2125550100');
    const call = await inboundCall(t);
    expect(t.pbx.originated().map((request) => [request.legId, request.endpoint])).toEqual([
      [`${call.id}.2`, 'PJSIP/1000'],
      [`${call.id}.3`, 'PJSIP/1001'],
    ]);
    await t.answer(`${call.id}.3`);
    expect(await inboundCall(t)).toMatchObject({ agentId: '1001', progress: { stage: 'connected', agentLegId: `${call.id}.3` } });
    expect(t.pbx.hungUp()).toEqual([`${call.id}.2`]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null });
    expect(await t.core.getAgentSession('1001')).toMatchObject({ state: 'in_call', currentCallId: call.id });
    await t.confirmHangups();
    expect((await inboundCall(t)).state).toBe('answered');

    await t.endLeg(CALLER);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(call.id)).toMatchObject({ agentId: '1001', hangupSide: 'caller' });
    expect(await t.core.getAgentSession('1001')).toMatchObject({ state: 'ready' });
  });

  it('ringall rings only the available members of the lowest penalty; a higher penalty is rung when none of those is left', async () => {
    const t = await setup({ strategy: 'ringall' });
    const penalties: Record<string, number> = { '1000': 2, '1001': 1, '1002': 1 };
    for (const [agentId, penalty] of Object.entries(penalties)) {
      await loginPlain(t, agentId);
      await t.core.changeAgentQueues({ agentId, change: 'add', queues: ['SALESLINE'], blended: null, member: { penalty } });
    }
    t.pbx.clearCommands();
    await t.callIn(CALLER, '2125550100');
    const call = await inboundCall(t);
    expect(t.pbx.originated().map((request) => request.endpoint).sort()).toEqual(['PJSIP/1001', 'PJSIP/1002']);
    await t.answer(`${call.id}.2`);
    await t.confirmHangups();
    // 1002 is ready again and 1001 busy: the next caller rings 1002 alone, then 1000 when 1002 is paused.
    t.pbx.clearCommands();
    await t.callIn(SECOND_CALLER, '2125550100');
    expect(t.pbx.originated().map((request) => request.endpoint)).toEqual(['PJSIP/1002']);
    await t.endLeg(SECOND_CALLER);
    await t.confirmHangups();
    await t.core.pauseAgent({ agentId: '1002', reason: null });
    t.pbx.clearCommands();
    await t.callIn('1718000000.44', '2125550100');
    expect(t.pbx.originated().map((request) => request.endpoint)).toEqual(['PJSIP/1000']);
  });

  it('releases the agents still ringing when the caller hangs up, and the call is abandoned', async () => {
    const t = await setup({ strategy: 'ringall' });
    for (const agentId of ['1000', '1001']) {
      await loginPlain(t, agentId);
      await t.core.changeAgentQueues({ agentId, change: 'add', queues: ['SALESLINE'], blended: null });
    }
    await t.callIn(CALLER, '2125550100');
    const call = await inboundCall(t);
    await t.endLeg(CALLER);
    expect(t.pbx.hungUp().sort()).toEqual([`${call.id}.2`, `${call.id}.3`]);
    for (const agentId of ['1000', '1001']) expect(await t.core.getAgentSession(agentId)).toMatchObject({ state: 'ready', currentCallId: null });
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(call.id)).toMatchObject({ agentId: null, hangupSide: 'caller' });
    expect((await inboundCall(t)).progress.stage).toBe('abandoned');
  });

  it('a phone the engine refuses counts as not answered', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE'], blended: null });
    t.pbx.failNext('originate');
    await t.callIn(CALLER, '2125550100');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', currentCallId: null });
    expect(await inboundCall(t)).toMatchObject({ state: 'answered', progress: { stage: 'waiting' } });
  });
});

describe('agent queue selection', () => {
  it('adds, removes and replaces the queues a logged-in agent serves, in join order', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await expect(t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SUPPORT', 'SALESLINE'], blended: null })).resolves.toEqual({ queues: ['SUPPORT', 'SALESLINE'] });
    await expect(t.core.changeAgentQueues({ agentId: '1000', change: 'remove', queues: ['SUPPORT'], blended: null })).resolves.toEqual({ queues: ['SALESLINE'] });
    await expect(t.core.changeAgentQueues({ agentId: '1000', change: 'replace', queues: ['SUPPORT'], blended: null, agentAttributes: (queues) => ({ closer_campaigns: ` ${queues.join(' ')} -` }) })).resolves.toEqual({ queues: ['SUPPORT'] });
    expect((await t.core.getAgent('1000'))!.attributes).toEqual({ closer_campaigns: ' SUPPORT -' });
  });

  it('leaves a provisioned membership as it is, as Asterisk does with static queue members', async () => {
    const t = await createTestCore({
      directory: { agents: [agent('1000')], queues: [{ name: 'STATIC', strategy: 'ringall', members: [queueMember('1000')] }, { name: 'SALESLINE', strategy: 'ringall' }] },
    });
    await loginPlain(t, '1000');
    await expect(t.core.changeAgentQueues({ agentId: '1000', change: 'replace', queues: ['SALESLINE'], blended: null })).resolves.toEqual({ queues: ['STATIC', 'SALESLINE'] });
    await expect(t.core.changeAgentQueues({ agentId: '1000', change: 'remove', queues: ['STATIC', 'SALESLINE'], blended: null })).resolves.toEqual({ queues: ['STATIC'] });
    await t.core.logoutAgent({ agentId: '1000', whenInCall: 'defer' });
    expect(await t.core.queuesOfAgent('1000')).toEqual(['STATIC']);
  });

  it('joins with the facts given, and sets them on a queue already served, keeping its count', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE'], blended: null, member: { penalty: 2, weight: 5, dailyLimit: 10 } });
    expect((await t.core.getQueue('SALESLINE'))!.members[0]).toMatchObject({ penalty: 2, weight: 5, grade: 1, dailyLimit: 10, membership: 'dynamic' });
    await t.callIn(CALLER, '2125550100');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE', 'SUPPORT'], blended: null, member: { grade: 9 } });
    expect((await t.core.getQueue('SALESLINE'))!.members[0]).toMatchObject({ penalty: 2, weight: 5, grade: 9, dailyLimit: 10, callsToday: 1 });
    expect((await t.core.getQueue('SUPPORT'))!.members[0]).toMatchObject({ penalty: 0, weight: 0, grade: 9, dailyLimit: null });
  });

  it('keeps the count of calls of a queue the agent keeps', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE'], blended: null });
    await t.callIn(CALLER, '2125550100');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'replace', queues: ['SALESLINE', 'SUPPORT'], blended: null });
    expect((await t.core.getQueue('SALESLINE'))!.members).toEqual([expect.objectContaining({ agentId: '1000', callsToday: 1 })]);
  });

  it('refuses a queue that does not exist and an agent who is not logged in', async () => {
    const t = await setup();
    expect(await domainErrorCode(t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE'], blended: null }))).toBe('AGENT_NOT_LOGGED_IN');
    await loginPlain(t, '1000');
    expect(await domainErrorCode(t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['NOPE'], blended: null }))).toBe('QUEUE_NOT_FOUND');
    expect(await t.core.queuesOfAgent('1000')).toEqual([]);
  });
});

describe('delivery to an agent who answers through its client (answerOnRequest)', () => {
  async function answeringAgents(t: TestCore, agentIds: readonly string[]): Promise<void> {
    for (const agentId of agentIds) {
      await loginPlain(t, agentId);
      await t.core.setCallHandling({ agentId, answerOnRequest: true });
      await t.core.changeAgentQueues({ agentId, change: 'add', queues: ['SALESLINE'], blended: null });
    }
    t.pbx.clearCommands();
  }

  it('offers the call without ringing the phone; the answer rings it, and its answer bridges the call', async () => {
    const t = await setup();
    await answeringAgents(t, ['1000']);
    await t.callIn(CALLER, '2125550100');
    const call = await inboundCall(t);
    expect(call).toMatchObject({ agentId: null, progress: { stage: 'ringing_agent', agentLegs: [], offers: [{ agentId: '1000', at: t.clock.now().toISOString() }] } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: call.id });
    expect(t.pbx.originated()).toEqual([]);
    expect(describeEvents(t.events).filter((line) => line.startsWith('InboundCallOffered'))).toHaveLength(1);

    expect(await t.core.answerOfferedCall({ agentId: '1000' })).toEqual({ callId: call.id });
    const agentLegId = `${call.id}.2`;
    expect(t.pbx.originated()).toEqual([{ legId: agentLegId, endpoint: 'PJSIP/1000', callerId: { number: '5550100' }, timeoutSec: t.config.agentRingTimeoutSec }]);
    expect(await inboundCall(t)).toMatchObject({ progress: { stage: 'ringing_agent', agentLegs: [{ legId: agentLegId, agentId: '1000' }], offers: [] } });
    expect(await domainErrorCode(t.core.answerOfferedCall({ agentId: '1000' }))).toBe('NO_ACTIVE_CALL');

    await t.answer(agentLegId);
    expect(await inboundCall(t)).toMatchObject({ agentId: '1000', progress: { stage: 'connected', agentLegId } });
    await t.endLeg(CALLER);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(call.id)).toMatchObject({ agentId: '1000', hangupSide: 'caller' });
  });

  it('an answer with nothing offered is NO_ACTIVE_CALL; without a session AGENT_NOT_LOGGED_IN', async () => {
    const t = await setup();
    await answeringAgents(t, ['1000']);
    expect(await domainErrorCode(t.core.answerOfferedCall({ agentId: '1000' }))).toBe('NO_ACTIVE_CALL');
    expect(await domainErrorCode(t.core.answerOfferedCall({ agentId: '1001' }))).toBe('AGENT_NOT_LOGGED_IN');
  });

  it('an offer not answered within the ring time pauses its agent and goes to the next agent; an earlier offer’s timer does not end a later one', async () => {
    const t = await setup({ strategy: 'linear' });
    await answeringAgents(t, ['1000', '1001']);
    await t.callIn(CALLER, '2125550100');
    const call = await inboundCall(t);
    await t.advance(t.config.agentRingTimeoutSec * 1000);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', currentCallId: null });
    expect(await inboundCall(t)).toMatchObject({ progress: { stage: 'ringing_agent', offers: [{ agentId: '1001' }] } });
    expect(await t.core.getAgentSession('1001')).toMatchObject({ state: 'in_call', currentCallId: call.id });
    await t.advance(t.config.agentRingTimeoutSec * 1000);
    expect(await t.core.getAgentSession('1001')).toMatchObject({ state: 'paused', currentCallId: null });
    expect(await inboundCall(t)).toMatchObject({ progress: { stage: 'waiting', offers: [] } });
    expect(t.pbx.originated()).toEqual([]);
  });

  it('ringall offers every available agent; the first to answer takes it and the others are released ready', async () => {
    const t = await setup({ strategy: 'ringall' });
    await answeringAgents(t, ['1000', '1001']);
    await t.callIn(CALLER, '2125550100');
    const call = await inboundCall(t);
    expect(call.progress.offers?.map((offer) => offer.agentId)).toEqual(['1000', '1001']);
    await t.core.answerOfferedCall({ agentId: '1001' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null });
    expect(t.pbx.originated().map((request) => request.endpoint)).toEqual(['PJSIP/1001']);
    expect(await domainErrorCode(t.core.answerOfferedCall({ agentId: '1000' }))).toBe('NO_ACTIVE_CALL');
  });

  it('an offer still waiting after a restart gets the rest of the ring time', async () => {
    const t = await setup();
    await answeringAgents(t, ['1000']);
    await t.callIn(CALLER, '2125550100');
    const ringMs = t.config.agentRingTimeoutSec * 1000;
    await t.advance(ringMs - 1_000);
    const restarted = t.restartGateway();
    await restarted.emit({ type: 'pbx_connected', at: restarted.clock.now() });
    await restarted.advance(500);
    expect(await restarted.core.getAgentSession('1000')).toMatchObject({ state: 'in_call' });
    await restarted.advance(500);
    expect(await restarted.core.getAgentSession('1000')).toMatchObject({ state: 'paused', currentCallId: null });
  });

  it('a session that ends while the call is offered to it lets the offer lapse at once: the call waits again', async () => {
    const t = await setup();
    await answeringAgents(t, ['1000']);
    await t.callIn(CALLER, '2125550100');
    const call = await inboundCall(t);
    await t.core.logoutAgent({ agentId: '1000', whenInCall: 'force' });
    // The offer's timer is due at once: no time passes.
    await t.advance(0);
    expect(t.pbx.hungUp()).toEqual([]);
    expect(await inboundCall(t)).toMatchObject({ hangupSide: null, progress: { stage: 'waiting', offers: [] } });
    expect(await t.core.getCall(call.id)).toMatchObject({ call: { state: 'answered' } });
  });

  it('the caller hanging up while the call is offered lets the agent go ready', async () => {
    const t = await setup();
    await answeringAgents(t, ['1000']);
    await t.callIn(CALLER, '2125550100');
    const call = await inboundCall(t);
    await t.endLeg(CALLER);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null });
    expect(await t.core.getCdrOfCall(call.id)).toMatchObject({ hangupSide: 'caller' });
  });
});

describe('hold and mute on a queued call the agent took', () => {
  async function connected(t: TestCore): Promise<{ call: CallOf<'inbound'>; agentLegId: string }> {
    await loginPlain(t, '1000');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE'], blended: null });
    await t.callIn(CALLER, '2125550100');
    const call = await inboundCall(t);
    const agentLegId = `${call.id}.2`;
    await t.answer(agentLegId);
    t.pbx.clearCommands();
    return { call, agentLegId };
  }

  it('holds the caller in the call’s holding bridge with music, takes it back, and the hold bridge goes with the call', async () => {
    const t = await setup();
    const { call } = await connected(t);
    expect(await t.core.parkCallParty({ agentId: '1000', party: 'customer' })).toEqual({ parked: true });
    const hold = `${call.id}.hold`;
    expect(t.pbx.describe()).toEqual([`ensureBridge ${hold} holding`, `addToBridge ${hold} ${CALLER}`, `startMusicOnHold ${hold} null`]);
    expect(await t.core.parkCallParty({ agentId: '1000', party: 'customer' })).toEqual({ parked: false });
    expect(describeEvents(t.events).filter((line) => line.startsWith('CallPartyHeld'))).toHaveLength(1);
    t.pbx.clearCommands();
    expect(await t.core.grabCallParty({ agentId: '1000', party: 'customer' })).toEqual({ grabbed: true });
    expect(t.pbx.describe()).toEqual([`addToBridge ${call.id}.bridge ${CALLER}`]);
    expect(await t.core.grabCallParty({ agentId: '1000', party: 'customer' })).toEqual({ grabbed: false });
    await t.core.parkCallParty({ agentId: '1000', party: 'customer' });
    t.pbx.clearCommands();
    await t.endLeg(CALLER);
    await t.confirmHangups();
    expect(t.pbx.describe()).toContain(`destroyBridge ${hold}`);
    expect(await t.core.getCdrOfCall(call.id)).toMatchObject({ agentId: '1000', hangupSide: 'caller' });
  });

  it('mutes and unmutes the agent’s phone leg on the call', async () => {
    const t = await setup();
    const { agentLegId } = await connected(t);
    expect(await t.core.muteAgent({ agentId: '1000', muted: true })).toEqual({ changed: true });
    expect(await t.core.muteAgent({ agentId: '1000', muted: true })).toEqual({ changed: false });
    expect(await t.core.muteAgent({ agentId: '1000', muted: false })).toEqual({ changed: true });
    expect(t.pbx.describe()).toEqual([`setMuted ${agentLegId} on`, `setMuted ${agentLegId} off`]);
  });

  it('refuses while the call only rings the agent’s phone (NO_ACTIVE_CALL), and for an agent not logged in', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE'], blended: null });
    expect(await domainErrorCode(t.core.parkCallParty({ agentId: '1000', party: 'customer' }))).toBe('NO_ACTIVE_CALL');
    await t.callIn(CALLER, '2125550100');
    expect(await domainErrorCode(t.core.parkCallParty({ agentId: '1000', party: 'customer' }))).toBe('NO_ACTIVE_CALL');
    expect(await domainErrorCode(t.core.muteAgent({ agentId: '1000', muted: true }))).toBe('NO_ACTIVE_CALL');
    expect(await domainErrorCode(t.core.muteAgent({ agentId: '1001', muted: true }))).toBe('AGENT_NOT_LOGGED_IN');
  });
});

describe('a third party on a queued call the agent took', () => {
  async function connected(t: TestCore): Promise<{ call: CallOf<'inbound'>; agentLegId: string }> {
    await loginPlain(t, '1000');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE'], blended: null });
    await t.callIn(CALLER, '2125550100');
    const call = await inboundCall(t);
    const agentLegId = `${call.id}.2`;
    await t.answer(agentLegId);
    t.pbx.clearCommands();
    return { call, agentLegId };
  }

  it('consults a number with the caller on hold, then takes the caller back into a three-way call', async () => {
    const t = await setup();
    const { call, agentLegId } = await connected(t);
    const { legId } = await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null, parkCustomer: true });
    const hold = `${call.id}.hold`;
    const bridge = `${call.id}.bridge`;
    expect(t.pbx.describe()).toEqual([`ensureBridge ${hold} holding`, `addToBridge ${hold} ${CALLER}`, `startMusicOnHold ${hold} null`, expect.stringMatching(new RegExp(`^originate ${legId} `))]);
    expect((await t.core.getCall(call.id))!.call.progress).toMatchObject({ thirdPartyLegId: legId, parkedLegIds: [CALLER] });
    t.pbx.clearCommands();
    await t.answer(legId);
    expect(t.pbx.describe()).toEqual([`ensureBridge ${bridge} mixing`, `addToBridge ${bridge} ${legId}`]);
    expect(await t.core.grabCallParty({ agentId: '1000', party: 'customer' })).toEqual({ grabbed: true });
    expect(t.pbx.bridges.get(bridge)!.legIds).toEqual(expect.arrayContaining([agentLegId, CALLER, legId]));

    // The third party leaving while the agent is there: agent and caller talk on.
    await t.endLeg(legId, 16, 'Normal Clearing');
    expect((await t.core.getCall(call.id))!.call).toMatchObject({ state: 'answered', progress: { stage: 'connected', thirdPartyLegId: null } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ currentCallId: call.id });
    expect(await t.core.getCdrOfCall(call.id)).toBeNull();
  });

  it('transfers the caller blind to a number: the agent leaves at once, the caller rings until the number answers, either end ends the call', async () => {
    const t = await setup();
    const { call, agentLegId } = await connected(t);
    const { legId } = await t.core.blindTransfer({ agentId: '1000', number: '5550300', callerId: null, agentAfterCall: 'ready' });
    expect(t.pbx.describe()).toEqual([`hangup ${agentLegId}`, `setRinging ${CALLER} on`, expect.stringMatching(new RegExp(`^originate ${legId} `))]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ currentCallId: null });
    await t.confirmHangups();
    expect((await t.core.getCall(call.id))!.call).toMatchObject({ state: 'answered', progress: { agentLeft: true } });
    t.pbx.clearCommands();
    await t.answer(legId);
    expect(t.pbx.describe()).toEqual([`ensureBridge ${call.id}.bridge mixing`, `addToBridge ${call.id}.bridge ${legId}`, `setRinging ${CALLER} off`]);

    await t.endLeg(legId, 16, 'Normal Clearing');
    await t.confirmHangups();
    expect(t.pbx.hungUp()).toContain(CALLER);
    expect(await t.core.getCdrOfCall(call.id)).toMatchObject({ agentId: '1000', hangupCause: 16 });
  });

  it('ends the call when the number of a blind transfer is busy', async () => {
    const t = await setup();
    const { call } = await connected(t);
    const { legId } = await t.core.blindTransfer({ agentId: '1000', number: '5550300', callerId: null });
    await t.confirmHangups();
    await t.endLeg(legId, 17, 'User busy');
    await t.confirmHangups();
    expect(t.pbx.hungUp()).toContain(CALLER);
    expect(await t.core.getCdrOfCall(call.id)).not.toBeNull();
  });
});
