import { agent, extension, trunk, connectedCustomerCall, legOf, legsOf, loginPlain, loginWithConference, ORIGIN, createTestCore, type TestCore, domainErrorCode } from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({
    directory: { agents: [agent('1000')], trunks: [trunk(1, { callerIdPool: ['2120280001'] })], extensions: [extension(5, '100', { endpoint: 'PJSIP/sip100' })] },
  });
}

/** Agent 1000 in its conference, on an answered call with 5550100. */
async function inConferenceCall(t: TestCore): Promise<{ callId: string; customerId: string }> {
  await loginWithConference(t, '1000');
  const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: '2120289999', origin: ORIGIN });
  const customer = await legOf(t, callId, 'customer');
  await t.answer(customer.id);
  t.pbx.clearCommands();
  t.takeEvents();
  return { callId, customerId: customer.id };
}

const CONFERENCE = 'agent-1000.conference';

describe('third party in a 3-way call', () => {
  it('dials the third party with the call caller id and bridges it into the conference when it answers', async () => {
    const t = await setup();
    const { callId, customerId } = await inConferenceCall(t);
    const { legId } = await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null });
    expect(t.pbx.originated()).toEqual([{ legId, endpoint: 'PJSIP/5550200@upc', callerId: { number: '2120289999' }, timeoutSec: t.config.destinationRingTimeoutSec }]);
    expect((await t.core.getCall(callId))!.call.progress).toMatchObject({ thirdPartyLegId: legId });
    t.pbx.clearCommands();
    await t.answer(legId);
    expect(t.pbx.describe()).toEqual([`ensureBridge ${CONFERENCE} mixing`, `addToBridge ${CONFERENCE} ${legId}`]);
    expect(t.pbx.bridges.get(CONFERENCE)!.legIds).toEqual(expect.arrayContaining([customerId, legId]));
  });

  it("rings an extension given by its internal number instead of dialling out", async () => {
    const t = await setup();
    const { callId } = await inConferenceCall(t);
    const { legId } = await t.core.dialThirdParty({ agentId: '1000', number: '100', callerId: null });
    expect(t.pbx.describe()).toEqual([`originate ${legId} PJSIP/sip100`]);
    expect((await legsOf(t, callId)).find((leg) => leg.id === legId)).toMatchObject({ role: 'third_party', dialedNumber: '100', account: { kind: 'extension', id: 5 } });
  });

  it('hangs up the third party only: agent and customer talk on, no CDR yet', async () => {
    const t = await setup();
    const { callId, customerId } = await inConferenceCall(t);
    const { legId } = await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null });
    await t.answer(legId);
    t.pbx.clearCommands();
    await expect(t.core.hangupThirdParty({ agentId: '1000' })).resolves.toEqual({ hungUp: true });
    expect(t.pbx.describe()).toEqual([`hangup ${legId}`]);
    await t.confirmHangups();
    expect(t.pbx.hungUp()).toEqual([legId]);
    expect((await t.core.getCall(callId))!.call).toMatchObject({ state: 'answered', progress: { thirdPartyLegId: null } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });
    expect(await t.core.getCdrOfCall(callId)).toBeNull();
    await expect(t.core.hangupThirdParty({ agentId: '1000' })).resolves.toEqual({ hungUp: false });

    await t.endLeg(customerId, 16, 'Normal Clearing');
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'callee', hangupCause: 16, toNumber: '5550100' });
  });

  it('a third party that does not answer leaves the call as it was', async () => {
    const t = await setup();
    const { callId } = await inConferenceCall(t);
    const { legId } = await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null });
    await t.endLeg(legId, 17, 'User busy');
    expect(t.pbx.hungUp()).toEqual([]);
    expect((await t.core.getCall(callId))!.call).toMatchObject({ state: 'answered', hangupCause: null, progress: { thirdPartyLegId: null } });
  });

  it('hangs up both parties and puts the agent in after-call work; one CDR', async () => {
    const t = await setup();
    const { callId, customerId } = await inConferenceCall(t);
    const { legId } = await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null });
    await t.answer(legId);
    t.pbx.clearCommands();
    await t.core.hangupCallParties({ agentId: '1000' });
    expect(t.pbx.describe().sort()).toEqual([`hangup ${customerId}`, `hangup ${legId}`].sort());
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null, afterCall: 'ready' });
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'system', purpose: 'agent_customer' });
    expect(t.eventTypes('CallEnded')).toEqual(['CallEnded']);
  });

  it('the agent leaves the 3-way call: customer and third party move to a bridge of their own', async () => {
    const t = await setup();
    const { callId, customerId } = await inConferenceCall(t);
    const { legId } = await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null });
    await t.answer(legId);
    t.pbx.clearCommands();
    await t.core.leaveThreeWayCall({ agentId: '1000' });
    const own = `${callId}.bridge`;
    expect(t.pbx.describe()).toEqual([`ensureBridge ${own} mixing`, `addToBridge ${own} ${customerId},${legId}`]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    expect(t.pbx.bridges.get(CONFERENCE)!.legIds).toHaveLength(1);

    // The third party hangs up: the customer follows, the call's bridge goes, its one CDR says the third party ended it.
    t.pbx.clearCommands();
    await t.endLeg(legId, 16, 'Normal Clearing');
    expect(t.pbx.describe()).toEqual([`hangup ${customerId}`]);
    await t.confirmHangups();
    expect(t.pbx.describe()).toContain(`destroyBridge ${own}`);
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'callee', hangupCause: 16 });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up' });
  });

  it('refuses a second third party, a 3-way leave without one, and an agent without a call', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    expect(await domainErrorCode(t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null }))).toBe('NO_ACTIVE_CALL');
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    // Not yet answered: nobody to add a third party to.
    expect(await domainErrorCode(t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null }))).toBe('NO_ACTIVE_CALL');
    await t.answer((await legOf(t, callId, 'customer')).id);
    expect(await domainErrorCode(t.core.leaveThreeWayCall({ agentId: '1000' }))).toBe('NO_ACTIVE_CALL');
    expect(await domainErrorCode(t.core.dialThirdParty({ agentId: '1000', number: 'x1', callerId: null }))).toBe('INVALID_NUMBER');
    await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null });
    expect(await domainErrorCode(t.core.dialThirdParty({ agentId: '1000', number: '5550300', callerId: null }))).toBe('INVALID_ARGUMENT');
    expect(await domainErrorCode(t.core.hangupThirdParty({ agentId: '1001' }))).toBe('AGENT_NOT_LOGGED_IN');
  });
});

describe('blind transfer', () => {
  it('moves the customer to the call bridge ringing, frees the agent, and connects the number when it answers', async () => {
    const t = await setup();
    const { callId, customerId } = await inConferenceCall(t);
    const { legId } = await t.core.blindTransfer({ agentId: '1000', number: '5550300', callerId: null });
    const own = `${callId}.bridge`;
    expect(t.pbx.describe()).toEqual([`ensureBridge ${own} mixing`, `addToBridge ${own} ${customerId}`, `setRinging ${customerId} on`, `originate ${legId} PJSIP/5550300@upc`]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    t.pbx.clearCommands();
    await t.answer(legId);
    expect(t.pbx.describe()).toEqual([`ensureBridge ${own} mixing`, `addToBridge ${own} ${legId}`, `setRinging ${customerId} off`]);

    await t.endLeg(customerId, 16, 'Normal Clearing');
    await t.confirmHangups();
    const cdr = await t.core.getCdrOfCall(callId);
    expect(cdr).toMatchObject({ toNumber: '5550100', hangupSide: 'callee', hangupCause: 16 });
    expect((await legsOf(t, callId)).map((leg) => leg.role)).toEqual(['customer', 'third_party']);
  });

  it('ends the call when the number is busy', async () => {
    const t = await setup();
    const { callId, customerId } = await inConferenceCall(t);
    const { legId } = await t.core.blindTransfer({ agentId: '1000', number: '5550300', callerId: null });
    await t.endLeg(legId, 17, 'User busy');
    expect(t.pbx.hungUp()).toEqual([customerId]);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupCause: 17, hangupSide: 'callee' });
  });

  it('without a conference hangs up the agent phone leg and keeps the customer in the call bridge', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const { callId, agentLegId, customerLegId } = await connectedCustomerCall(t, '1000');
    t.pbx.clearCommands();
    const { legId } = await t.core.transferCall({ callId, number: '5550300', callerId: null });
    expect(t.pbx.describe()).toEqual([`hangup ${agentLegId}`, `setRinging ${customerLegId} on`, `originate ${legId} PJSIP/5550300@upc`]);
    await t.confirmHangups();
    expect(t.pbx.hungUp()).toEqual([agentLegId]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    expect((await t.core.getCall(callId))!.call.state).toBe('answered');
    expect(await domainErrorCode(t.core.transferCall({ callId: 'nothing', number: '5550300', callerId: null }))).toBe('NO_ACTIVE_CALL');
  });

  it('hangs up a whole call named by its id', async () => {
    const t = await setup();
    const { callId, customerId } = await inConferenceCall(t);
    await t.core.hangupCall({ callId });
    expect(t.pbx.describe()).toEqual([`hangup ${customerId}`]);
    await t.confirmHangups();
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null });
    expect(await domainErrorCode(t.core.hangupCall({ callId }))).toBe('NO_ACTIVE_CALL');
  });
});

describe('a message left with the customer', () => {
  it('moves the customer to the call bridge, plays the message to it alone, and ends the call when it is over', async () => {
    const t = await setup();
    const { callId, customerId } = await inConferenceCall(t);
    await t.core.leaveCustomerMessage({ agentId: '1000', media: { kind: 'sound', name: 'vm-goodbye' } });
    const own = `${callId}.bridge`;
    const [played] = t.pbx.played();
    expect(t.pbx.describe()).toEqual([`ensureBridge ${own} mixing`, `addToBridge ${own} ${customerId}`, `play ${played!.playbackId} leg:${customerId} sound:vm-goodbye`]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    await t.playbackStarted(played!.playbackId);
    expect(t.pbx.hungUp()).toEqual([]);
    await t.playbackFinished(played!.playbackId);
    expect(t.pbx.hungUp()).toEqual([customerId]);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'system' });
    expect(t.eventTypes('PlaybackStarted', 'PlaybackFinished', 'CallEnded')).toEqual(['PlaybackStarted', 'PlaybackFinished', 'CallEnded']);
  });

  it('hangs up at once when the engine cannot play the message', async () => {
    const t = await setup();
    const { callId, customerId } = await inConferenceCall(t);
    t.pbx.failNext('play');
    await t.core.leaveCustomerMessage({ agentId: '1000', media: { kind: 'sound', name: 'vm-goodbye' } });
    expect(t.pbx.hungUp()).toEqual([customerId]);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).not.toBeNull();
  });

  it('refuses a message name the gateway does not let reach the engine', async () => {
    const t = await setup();
    await inConferenceCall(t);
    expect(await domainErrorCode(t.core.leaveCustomerMessage({ agentId: '1000', media: { kind: 'sound', name: '../etc' } }))).toBe('MEDIA_NOT_ALLOWED');
  });
});

describe('park and grab', () => {
  it('parks the customer in a holding bridge with music on hold and grabs it back', async () => {
    const t = await setup();
    const { callId, customerId } = await inConferenceCall(t);
    const hold = `${callId}.hold`;
    await expect(t.core.parkCallParty({ agentId: '1000', party: 'customer' })).resolves.toEqual({ parked: true });
    expect(t.pbx.describe()).toEqual([`ensureBridge ${hold} holding`, `addToBridge ${hold} ${customerId}`, `startMusicOnHold ${hold} null`]);
    expect(t.pbx.bridges.get(CONFERENCE)!.legIds).not.toContain(customerId);
    await expect(t.core.parkCallParty({ agentId: '1000', party: 'customer' })).resolves.toEqual({ parked: false });

    t.pbx.clearCommands();
    await expect(t.core.grabCallParty({ agentId: '1000', party: 'customer' })).resolves.toEqual({ grabbed: true });
    expect(t.pbx.describe()).toEqual([`addToBridge ${CONFERENCE} ${customerId}`]);
    await expect(t.core.grabCallParty({ agentId: '1000', party: 'customer' })).resolves.toEqual({ grabbed: false });

    // Parked again: the holding bridge and its music are there already.
    t.pbx.clearCommands();
    await t.core.parkCallParty({ agentId: '1000', party: 'customer' });
    expect(t.pbx.describe()).toEqual([`addToBridge ${hold} ${customerId}`]);
    await t.endLeg(customerId, 16, 'Normal Clearing');
    expect(t.pbx.describe()).toContain(`destroyBridge ${hold}`);
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'callee' });
  });

  it('parks the customer and dials a third party; grabs the customer into the 3-way call', async () => {
    const t = await setup();
    const { callId, customerId } = await inConferenceCall(t);
    const { legId } = await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null, parkCustomer: true });
    const hold = `${callId}.hold`;
    expect(t.pbx.describe()).toEqual([`ensureBridge ${hold} holding`, `addToBridge ${hold} ${customerId}`, `startMusicOnHold ${hold} null`, `originate ${legId} PJSIP/5550200@upc`]);
    await t.answer(legId);
    await expect(t.core.parkCallParty({ agentId: '1000', party: 'third_party' })).resolves.toEqual({ parked: true });
    await t.core.grabCallParty({ agentId: '1000', party: 'customer' });
    await t.core.grabCallParty({ agentId: '1000', party: 'third_party' });
    expect(t.pbx.bridges.get(CONFERENCE)!.legIds).toEqual(expect.arrayContaining([customerId, legId]));
    expect(t.pbx.bridges.get(hold)!.legIds).toEqual([]);
  });

  it('has nothing to park without the party, and nothing while the engine is away', async () => {
    const t = await setup();
    await inConferenceCall(t);
    await expect(t.core.parkCallParty({ agentId: '1000', party: 'third_party' })).resolves.toEqual({ parked: false });
    t.pbx.setAvailable(false);
    expect(await domainErrorCode(t.core.parkCallParty({ agentId: '1000', party: 'customer' }))).toBe('PBX_UNAVAILABLE');
  });
});
