import { agent, trunk, connectedCustomerCall, describeEvents, legsOf, loginPlain, createTestCore, type TestCore, domainErrorCode } from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({ directory: { agents: [agent('1000')], trunks: [trunk(1, { callerIdPool: ['2120280001'] })] } });
}

const TAG = 'success';

/** Agent 1000 (no conference: its phone is a leg of the call) talking with 5550100, then asking for a transfer to 5550300 once it answers. */
async function transferring(t: TestCore): Promise<{ callId: string; agentLegId: string; customerLegId: string; legId: string }> {
  await loginPlain(t, '1000');
  const call = await connectedCustomerCall(t, '1000');
  t.pbx.clearCommands();
  t.takeEvents();
  const { legId } = await t.core.transferOnAnswer({ agentId: '1000', number: '5550300', callerId: null, agentAfterCall: 'ready', tag: TAG });
  return { ...call, legId };
}

describe('transfer once the target answers', () => {
  it('holds the customer, still the agent\'s, while the number is dialled', async () => {
    const t = await setup();
    const { callId, customerLegId, legId } = await transferring(t);
    const hold = `${callId}.hold`;
    expect(t.pbx.describe()).toEqual([`ensureBridge ${hold} holding`, `addToBridge ${hold} ${customerLegId}`, `startMusicOnHold ${hold} null`, `originate ${legId} PJSIP/5550300@upc`]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });
    expect((await t.core.getCall(callId))!.call.progress).toMatchObject({ parkedLegIds: [customerLegId], pendingTransfer: { legId, agentAfterCall: 'ready', tag: TAG } });
    expect(describeEvents(t.takeEvents())).toEqual([]);
  });

  it('the target answering frees the agent (told first) and joins customer and target in the call bridge', async () => {
    const t = await setup();
    const { callId, agentLegId, customerLegId, legId } = await transferring(t);
    t.pbx.clearCommands();
    await t.ring(legId);
    await t.answer(legId);
    const own = `${callId}.bridge`;
    expect(t.pbx.describe()).toEqual([`hangup ${agentLegId}`, `addToBridge ${own} ${customerLegId}`, `ensureBridge ${own} mixing`, `addToBridge ${own} ${legId}`]);
    const events = t.takeEvents();
    expect(events.find((event) => event.type === 'CustomerTransferred')).toMatchObject({ callId, agentId: '1000', toCallId: callId, tag: TAG });
    expect(describeEvents(events)).toEqual(['LegRinging third_party', 'CustomerTransferred', 'AgentStateChanged in_call->ready', 'LegAnswered third_party']);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null });
    expect((await t.core.getCall(callId))!.call.progress).toMatchObject({ agentLeft: true, parkedLegIds: [], pendingTransfer: null });

    await t.confirmHangups();
    await t.endLeg(customerLegId, 16, 'Normal Clearing');
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ toNumber: '5550100', agentId: '1000' });
    expect((await legsOf(t, callId)).map((leg) => leg.role)).toEqual(['agent', 'customer', 'third_party']);
  });

  it.each([
    [17, 'User busy'],
    [19, 'No answer'],
  ])('the target failing (cause %i) gives the customer back to the agent, who is told', async (cause, text) => {
    const t = await setup();
    const { callId, customerLegId, legId } = await transferring(t);
    t.pbx.clearCommands();
    await t.endLeg(legId, cause, text);
    expect(t.pbx.describe()).toEqual([`addToBridge ${callId}.bridge ${customerLegId}`]);
    expect(t.pbx.hungUp()).toEqual([]);
    const events = t.takeEvents();
    expect(describeEvents(events)).toEqual(['LegEnded third_party', 'TransferFailed']);
    expect(events.find((event) => event.type === 'TransferFailed')).toMatchObject({ callId, agentId: '1000', tag: TAG });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });
    expect((await t.core.getCall(callId))!.call).toMatchObject({ state: 'answered', progress: { parkedLegIds: [], pendingTransfer: null, thirdPartyLegId: null } });
    // The agent can try again.
    await expect(t.core.transferOnAnswer({ agentId: '1000', number: '5550301', callerId: null })).resolves.toMatchObject({ legId: expect.any(String) });
  });

  it('the customer hanging up while the target rings ends the call; nothing is given back', async () => {
    const t = await setup();
    const { callId, customerLegId, legId } = await transferring(t);
    await t.endLeg(customerLegId, 16, 'Normal Clearing');
    await t.confirmHangups();
    expect(t.pbx.hungUp()).toEqual(expect.arrayContaining([legId]));
    expect(describeEvents(t.takeEvents())).not.toContain('TransferFailed');
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'callee', hangupCause: 16 });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ currentCallId: null });
  });

  it('refused with no call, and with a third party already on the call', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    expect(await domainErrorCode(t.core.transferOnAnswer({ agentId: '1000', number: '5550300', callerId: null }))).toBe('NO_ACTIVE_CALL');
    await connectedCustomerCall(t, '1000');
    await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null });
    expect(await domainErrorCode(t.core.transferOnAnswer({ agentId: '1000', number: '5550300', callerId: null }))).toBe('INVALID_ARGUMENT');
  });
});
