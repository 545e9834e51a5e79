import { agent, trunk, connectedCustomerCall, legOf, loginPlain, queueMember, createTestCore, ORIGIN, type TestCore } from '@pbx-gateway/test-support';

// The agent's calls recorded for it (AgentSession.recordCalls), and a skill
// call's caller released by its number while the agent consults a party.

const CALLER = 'caller-1';

async function setup(): Promise<TestCore> {
  return createTestCore({
    directory: {
      agents: [agent('1000'), agent('1001')],
      trunks: [trunk(1, { callerIdPool: ['2120280001'] })],
      queues: [{ name: 'SALESLINE', strategy: 'longest_wait_time', members: [queueMember('1000')] }],
      didRoutes: [{ did: '2125550100', queueName: 'SALESLINE' }],
    },
  });
}

/** Agent 1000 (on its phone) talks with the caller 5550123 of a skill call. */
async function takingSkillCall(t: TestCore): Promise<{ callId: string; agentLegId: string }> {
  await loginPlain(t, '1000');
  await t.callIn(CALLER, '2125550100', '5550123');
  const callId = (await t.store.direct.calls.getLeg(CALLER))!.callId;
  const agentLeg = await legOf(t, callId, 'agent');
  await t.answer(agentLeg.id);
  return { callId, agentLegId: agentLeg.id };
}

describe('the agent’s calls recorded for it (recordCalls)', () => {
  it('records a callout’s bridge as it connects, for the agent; the CDR names it; nothing while off', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await t.core.setCallHandling({ agentId: '1000', recordCalls: true });
    const { callId } = await connectedCustomerCall(t, '1000');
    const [recording] = await t.core.recordingsOfCall(callId);
    expect(recording).toMatchObject({ agentId: '1000', callId, bridgeId: `${callId}.bridge`, state: 'pending' });
    expect(t.pbx.describe()).toContain(`recordBridge ${callId}.bridge ${recording!.location}`);
    await t.core.hangupAgentCustomer({ agentId: '1000' });
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ recordingFile: recording!.location });

    await t.core.setCallHandling({ agentId: '1000', recordCalls: false });
    const { callId: next } = await connectedCustomerCall(t, '1000', '5550101');
    expect(await t.core.recordingsOfCall(next)).toEqual([]);
  });

  it('records a skill call from the moment the agent takes it', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await t.core.setCallHandling({ agentId: '1000', recordCalls: true });
    t.pbx.clearCommands();
    await t.callIn(CALLER, '2125550100', '5550123');
    const callId = (await t.store.direct.calls.getLeg(CALLER))!.callId;
    expect(await t.core.recordingsOfCall(callId)).toEqual([]);
    await t.answer((await legOf(t, callId, 'agent')).id);
    const [recording] = await t.core.recordingsOfCall(callId);
    expect(recording).toMatchObject({ agentId: '1000', callId, bridgeId: `${callId}.bridge` });
    // The bridge is made and joined before it is recorded.
    const commands = t.pbx.describe();
    expect(commands.indexOf(`recordBridge ${callId}.bridge ${recording!.location}`)).toBeGreaterThan(commands.indexOf(`addToBridge ${callId}.bridge ${CALLER}`));
  });

  it('records a call between two agents once the called agent answers: one recording for each agent that asked', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await loginPlain(t, '1001');
    await t.core.setCallHandling({ agentId: '1000', recordCalls: true });
    await t.core.setCallHandling({ agentId: '1001', recordCalls: true });
    const { callId } = await t.core.startAgentInternalCall({ agentId: '1000', calledAgentId: '1001', callerId: null, origin: ORIGIN });
    await t.answer((await t.core.getCall(callId))!.legs[0]!.id);
    expect(await t.core.recordingsOfCall(callId)).toEqual([]);
    await t.answer((await t.core.getCall(callId))!.legs[1]!.id);
    const recordings = await t.core.recordingsOfCall(callId);
    expect(recordings.map((recording) => recording.agentId).sort()).toEqual(['1000', '1001']);
    expect(recordings.every((recording) => recording.bridgeId === `${callId}.bridge`)).toBe(true);
    expect((await t.core.getCall(callId))!.call.data.recordingFile).toBe(recordings.find((recording) => recording.agentId === '1000')!.location);
  });

  it('ends the agent’s recording of the call it leaves to its customer and a party (leaveThreeWayCall), at once', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await t.core.setCallHandling({ agentId: '1000', recordCalls: true });
    const { callId } = await connectedCustomerCall(t, '1000');
    const [recording] = await t.core.recordingsOfCall(callId);
    await t.emit({ type: 'recording_started', recordingName: recording!.name, at: t.clock.now() });
    const { legId: partyId } = await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null });
    await t.answer(partyId);
    t.pbx.clearCommands();
    t.takeEvents();
    await t.core.leaveThreeWayCall({ agentId: '1000', agentAfterCall: 'ready' });
    expect(await t.core.getRecording(recording!.id)).toMatchObject({ state: 'finished' });
    expect(t.pbx.describe()).toContain(`stopRecording ${recording!.name}`);
    expect(t.takeEvents().filter((event) => event.type === 'RecordingEnded')).toHaveLength(1);
  });
});

describe('a skill call’s caller released by its number (releaseCustomer)', () => {
  it('hangs up the caller while the agent consults a party; the party takes its place and its end ends the call', async () => {
    const t = await setup();
    const { callId } = await takingSkillCall(t);
    const { legId: partyId } = await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null, parkCustomer: true });
    await expect(t.core.releaseCustomer({ agentId: '1000', number: '5550123' })).resolves.toEqual({ released: false });
    await t.answer(partyId);
    await expect(t.core.releaseCustomer({ agentId: '1000', number: '5550999' })).resolves.toEqual({ released: false });
    t.pbx.clearCommands();
    await expect(t.core.releaseCustomer({ agentId: '1000', number: '5550123' })).resolves.toEqual({ released: true });
    expect(t.pbx.describe()).toEqual([`hangup ${CALLER}`]);
    await t.confirmHangups();
    const { call, legs } = (await t.core.getCall(callId))!;
    expect(call).toMatchObject({ state: 'answered', progress: { stage: 'connected', callerLegId: partyId, thirdPartyLegId: null, parkedLegIds: [] } });
    expect(legs.find((leg) => leg.id === partyId)).toMatchObject({ role: 'caller', state: 'up' });
    expect(legs.find((leg) => leg.id === CALLER)).toMatchObject({ role: 'third_party', state: 'ended' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });
    expect(await t.core.getCdrOfCall(callId)).toBeNull();
    await t.endLeg(partyId, 16, 'Normal Clearing');
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ purpose: 'inbound', agentId: '1000', fromNumber: '5550123' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ currentCallId: null });
  });
});
