import { agent, trunk, connectedCustomerCall, legOf, loginPlain, queueMember, ORIGIN, createTestCore, type TestCore, domainErrorCode } from '@pbx-gateway/test-support';

// Help from a queue's agents, the release of a party by its number, and a
// ringing phone turning its call away.

async function setup(): Promise<TestCore> {
  return createTestCore({
    directory: {
      agents: [agent('1000'), agent('1001'), agent('1002')],
      trunks: [trunk(1, { callerIdPool: ['2120280001'] })],
      queues: [
        { name: 'HELP', strategy: 'longest_wait_time', members: [queueMember('1000'), queueMember('1001', { penalty: 2 }), queueMember('1002', { penalty: 1 })] },
        { name: 'CLOSED', strategy: 'ringall', active: false, members: [queueMember('1001')] },
      ],
    },
  });
}

/** Agents 1000, 1001 and 1002 signed in; 1000 talks with 5550100. */
async function talking(t: TestCore): Promise<{ callId: string; customerLegId: string; agentLegId: string }> {
  for (const id of ['1000', '1001', '1002']) await loginPlain(t, id);
  const call = await connectedCustomerCall(t, '1000');
  t.pbx.clearCommands();
  t.takeEvents();
  return call;
}

describe('help from a queue (dialQueueHelper)', () => {
  it('rings the available member of the lowest penalty, never the asking agent, as the call’s helper, the customer held', async () => {
    const t = await setup();
    const { callId, customerLegId } = await talking(t);
    const { legId, helperAgentId } = await t.core.dialQueueHelper({ agentId: '1000', queueName: 'HELP', parkCustomer: true });
    expect(helperAgentId).toBe('1002');
    expect(t.pbx.originated()).toEqual([expect.objectContaining({ legId, endpoint: 'PJSIP/1002' })]);
    const { call, legs } = (await t.core.getCall(callId))!;
    expect(call.progress).toMatchObject({ thirdPartyLegId: legId, helperLeg: { legId, agentId: '1002' }, parkedLegIds: [customerLegId] });
    expect(legs.find((leg) => leg.id === legId)).toMatchObject({ role: 'third_party', dialedNumber: '1002' });
    expect(await t.core.getAgentSession('1002')).toMatchObject({ state: 'in_call', currentCallId: callId });
    expect(await t.core.getAgentSession('1001')).toMatchObject({ state: 'ready', currentCallId: null });
  });

  it('passes over members that are not free (paused), and refuses when nobody is (AGENT_BUSY), an inactive or unknown queue (QUEUE_NOT_FOUND)', async () => {
    const t = await setup();
    const { callId } = await talking(t);
    await t.core.pauseAgent({ agentId: '1002', reason: 'coffee' });
    await expect(domainErrorCode(t.core.dialQueueHelper({ agentId: '1000', queueName: 'NOPE', parkCustomer: false }))).resolves.toBe('QUEUE_NOT_FOUND');
    await expect(domainErrorCode(t.core.dialQueueHelper({ agentId: '1000', queueName: 'CLOSED', parkCustomer: false }))).resolves.toBe('QUEUE_NOT_FOUND');
    const { helperAgentId } = await t.core.dialQueueHelper({ agentId: '1000', queueName: 'HELP', parkCustomer: false });
    expect(helperAgentId).toBe('1001');
    await t.endLeg((await legOf(t, callId, 'third_party')).id, 17, 'User busy');
    await t.core.pauseAgent({ agentId: '1001', reason: 'coffee' });
    await expect(domainErrorCode(t.core.dialQueueHelper({ agentId: '1000', queueName: 'HELP', parkCustomer: false }))).resolves.toBe('AGENT_BUSY');
    expect((await t.core.getCall(callId))!.call.progress).not.toHaveProperty('parkedLegIds');
  });
});

describe('a helper leaving (leaveHelp)', () => {
  it('hangs up the helper’s phone as its own hang-up (not the gateway’s), and only the helper’s', async () => {
    const t = await setup();
    const { callId } = await talking(t);
    await expect(t.core.leaveHelp({ agentId: '1001' })).resolves.toEqual({ left: false });
    const { legId } = await t.core.dialHelperAgent({ agentId: '1000', helperAgentId: '1001', parkCustomer: false });
    await t.answer(legId);
    t.pbx.clearCommands();
    await expect(t.core.leaveHelp({ agentId: '1000' })).resolves.toEqual({ left: false });
    await expect(t.core.leaveHelp({ agentId: '1001' })).resolves.toEqual({ left: true });
    expect(t.pbx.describe()).toEqual([`hangup ${legId}`]);
    expect((await legOf(t, callId, 'third_party')).hangupRequested).toBe(false);
    await t.endLeg(legId, 16, 'Normal Clearing');
    expect(await t.core.getAgentSession('1001')).toMatchObject({ currentCallId: null });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ currentCallId: callId });
  });
});

describe('the customer released by its number (releaseCustomer)', () => {
  it('hangs up the customer of a callout while the agent consults a party; the party takes its place and its end ends the call', async () => {
    const t = await setup();
    const { callId, customerLegId } = await talking(t);
    const { legId: partyId } = await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null, parkCustomer: true });
    await expect(t.core.releaseCustomer({ agentId: '1000', number: '5550100' })).resolves.toEqual({ released: false });
    await t.answer(partyId);
    await expect(t.core.releaseCustomer({ agentId: '1000', number: '5550200' })).resolves.toEqual({ released: false });
    t.pbx.clearCommands();
    await expect(t.core.releaseCustomer({ agentId: '1000', number: '5550100' })).resolves.toEqual({ released: true });
    expect(t.pbx.describe()).toEqual([`hangup ${customerLegId}`]);
    await t.confirmHangups();
    const { call, legs } = (await t.core.getCall(callId))!;
    expect(call).toMatchObject({ state: 'answered', progress: { thirdPartyLegId: null, parkedLegIds: [] } });
    expect(legs.find((leg) => leg.id === partyId)).toMatchObject({ role: 'customer', state: 'up' });
    expect(await t.core.getCdrOfCall(callId)).toBeNull();
    await t.endLeg(partyId, 16, 'Normal Clearing');
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ agentId: '1000', toNumber: '5550100' });
  });

  it('releases the customer of a three-way call too: agent and party talk on in the call bridge', async () => {
    const t = await setup();
    const { callId, customerLegId } = await talking(t);
    const { legId: partyId } = await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null });
    await t.answer(partyId);
    await expect(t.core.releaseCustomer({ agentId: '1000', number: '5550100' })).resolves.toEqual({ released: true });
    await t.confirmHangups();
    expect((await t.core.getCall(callId))!.legs.find((leg) => leg.id === customerLegId)).toMatchObject({ state: 'ended', role: 'third_party' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });
    expect(t.pbx.bridges.get(`${callId}.bridge`)?.legIds).toEqual(expect.arrayContaining([partyId]));
  });

  it('does not release the customer for a helper (the help is not a call of the customer’s)', async () => {
    const t = await setup();
    const { legId } = await (async () => {
      await talking(t);
      return t.core.dialHelperAgent({ agentId: '1000', helperAgentId: '1001', parkCustomer: true });
    })();
    await t.answer(legId);
    await expect(t.core.releaseCustomer({ agentId: '1000', number: '5550100' })).resolves.toEqual({ released: false });
  });
});

describe('a ringing phone turning its call away (rejectRingingPhone)', () => {
  it('hangs up the agent’s ringing phone as busy, not as the gateway’s hang-up; nothing ringing: NO_ACTIVE_CALL', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await expect(domainErrorCode(t.core.rejectRingingPhone({ agentId: '1000' }))).resolves.toBe('NO_ACTIVE_CALL');
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    const phone = await legOf(t, callId, 'agent');
    await expect(domainErrorCode(t.core.rejectRingingPhone({ agentId: '1000' }))).resolves.toBe('NO_ACTIVE_CALL');
    await t.ring(phone.id);
    t.pbx.clearCommands();
    await expect(t.core.rejectRingingPhone({ agentId: '1000' })).resolves.toEqual({ callId, legId: phone.id });
    expect(t.pbx.describe()).toEqual([`hangup ${phone.id} busy`]);
    await t.endLeg(phone.id, 17, 'User busy');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ currentCallId: null });
    expect((await t.core.getCall(callId))!.call.state).toBe('ended');
  });
});
