import { agent, trunk, queueMember, connectedCustomerCall, describeEvents, legOf, legsOf, loginPlain, createTestCore, type TestCore } from '@pbx-gateway/test-support';

// Huawei's success transfer to a skill or an agent: the customer waits on
// hold, still the transferring agent's, while the queue offers a queued call
// of its own (the dialplan half of a Local channel) that is answered only
// when an agent takes it; that answer is the third party's, which frees the
// transferring agent. A queued call that ends untaken gives the customer back.

const TAG = 'success';

async function setup(): Promise<TestCore> {
  return createTestCore({
    directory: {
      agents: [agent('1000'), agent('1001'), agent('1002')],
      trunks: [trunk(1, { callerIdPool: ['2120280001'] })],
      queues: [{ name: '11', strategy: 'longest_wait_time', mohClass: 'jazz', maxWaitSec: 60, members: [queueMember('1001')] }],
    },
  });
}

interface Transferring {
  callId: string;
  agentLegId: string;
  customerLegId: string;
  thirdId: string;
}

/** Agent 1000 (its phone a leg of the call) talking with 5550100, then transferring it in success mode. */
async function transferring(t: TestCore, target: { queueName: string; forAgentId?: string }): Promise<Transferring> {
  await loginPlain(t, '1000');
  const call = await connectedCustomerCall(t, '1000');
  t.pbx.clearCommands();
  t.takeEvents();
  const { legId } = await t.core.transferToQueueOnAnswer({ agentId: '1000', ...target, callerId: null, agentAfterCall: 'ready', tag: TAG });
  return { ...call, thirdId: legId };
}

/** The dialplan half enters the application as the gateway-queue context sends it, asked to answer when taken. */
async function queueHalfArrives(t: TestCore, thirdId: string, queueName: string, forAgentId = ''): Promise<{ halfId: string; queuedId: string }> {
  const halfId = `${thirdId};2`;
  const channelName = 'Local/s@gateway-queue-00000001;2';
  t.pbx.arrive(halfId, channelName);
  await t.emit({ type: 'leg_arrived', legId: halfId, channelName, callerNumber: '2120280001', callerName: '', dialed: 's', args: ['queue', queueName, '', forAgentId, '5550100', 'taken'], at: t.clock.now() });
  const queued = (await t.core.listLiveCalls()).find(({ legs }) => legs.some((leg) => leg.id === halfId));
  if (!queued) throw new Error('the dialplan half was not queued');
  return { halfId, queuedId: queued.call.id };
}

describe('a success transfer to a queue', () => {
  it('holds the customer and dials the queue asking for an answer only once an agent takes it', async () => {
    const t = await setup();
    const { callId, customerLegId, thirdId } = await transferring(t, { queueName: '11' });
    const hold = `${callId}.hold`;
    expect(t.pbx.describe()).toEqual([`ensureBridge ${hold} holding`, `addToBridge ${hold} ${customerLegId}`, `startMusicOnHold ${hold} null`, `originate ${thirdId} Local/s@gateway-queue`]);
    expect(t.pbx.originated()).toEqual([
      expect.objectContaining({ variables: { GATEWAY_QUEUE: '11', GATEWAY_LEAD: '', GATEWAY_AGENT: '', GATEWAY_CALLER: '5550100', GATEWAY_ANSWER: 'taken' } }),
    ]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });
    expect((await t.core.getCall(callId))!.call.progress).toMatchObject({ parkedLegIds: [customerLegId], pendingTransfer: { legId: thirdId, agentAfterCall: 'ready', tag: TAG } });
    expect(describeEvents(t.takeEvents())).toEqual([]);
  });

  it('the queued call waits unanswered; the agent of the skill answering answers it, which frees the transferring agent', async () => {
    const t = await setup();
    const { callId, agentLegId, customerLegId, thirdId } = await transferring(t, { queueName: '11' });
    await loginPlain(t, '1001');
    t.pbx.clearCommands();
    t.takeEvents();
    const { halfId, queuedId } = await queueHalfArrives(t, thirdId, '11');
    const queued = (await t.core.getCall(queuedId))!;
    expect(queued.call).toMatchObject({ purpose: 'inbound', answeredAt: null, fromNumber: '5550100', toNumber: '11', progress: { stage: 'ringing_agent', queueName: '11' } });
    expect(queued.legs.find((leg) => leg.id === halfId)).toMatchObject({ role: 'caller', state: 'ringing', answeredAt: null });
    // Neither answered nor given music: the third party must not answer before an agent does.
    const phoneId = (await legOf(t, queuedId, 'agent')).id;
    expect(t.pbx.describe()).toEqual([`originate ${phoneId} PJSIP/1001`]);

    t.pbx.clearCommands();
    await t.ring(phoneId);
    await t.answer(phoneId);
    const commands = t.pbx.describe();
    expect(commands[0]).toBe(`answer ${halfId}`);
    expect(commands).toEqual(expect.arrayContaining([`addToBridge ${queuedId}.bridge ${halfId}`, `addToBridge ${queuedId}.bridge ${phoneId}`]));
    expect((await t.core.getCall(queuedId))!.call).toMatchObject({ state: 'answered', agentId: '1001', progress: { stage: 'connected' } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });
    expect(describeEvents(t.takeEvents())).not.toContain('CustomerTransferred');

    // The engine answers the ;1 half with the ;2 half: the transfer takes.
    t.pbx.clearCommands();
    await t.answer(halfId);
    await t.answer(thirdId);
    const events = t.takeEvents();
    expect(describeEvents(events)).toEqual(['LegAnswered caller', 'CustomerTransferred', 'AgentStateChanged in_call->ready', 'LegAnswered third_party']);
    expect(events.find((event) => event.type === 'CustomerTransferred')).toMatchObject({ callId, agentId: '1000', toCallId: callId, tag: TAG });
    const own = `${callId}.bridge`;
    expect(t.pbx.describe()).toEqual([`hangup ${agentLegId}`, `addToBridge ${own} ${customerLegId}`, `ensureBridge ${own} mixing`, `addToBridge ${own} ${thirdId}`]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null });
    expect(await t.core.getAgentSession('1001')).toMatchObject({ state: 'in_call', currentCallId: queuedId });

    // The customer hangs up: the third party goes with it, and the engine ends the queued call's half with it.
    await t.confirmHangups();
    await t.endLeg(customerLegId, 16, 'Normal Clearing');
    await t.confirmHangups();
    await t.endLeg(halfId, 16, 'Normal Clearing');
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ purpose: 'agent_customer', agentId: '1000', toNumber: '5550100' });
    expect(await t.core.getCdrOfCall(queuedId)).toMatchObject({ purpose: 'inbound', agentId: '1001', fromNumber: '5550100', toNumber: '11' });
    expect((await legsOf(t, callId)).map((leg) => leg.role)).toEqual(['agent', 'customer', 'third_party']);
  });

  it('nobody of the skill taking it within the queue\'s longest wait: the queued call ends, and the customer is the agent\'s again', async () => {
    const t = await setup();
    const { callId, customerLegId, thirdId } = await transferring(t, { queueName: '11' });
    const { halfId, queuedId } = await queueHalfArrives(t, thirdId, '11');
    expect((await t.core.getCall(queuedId))!.call.progress).toMatchObject({ stage: 'waiting' });
    t.pbx.clearCommands();
    t.takeEvents();
    await t.advance(60_000);
    expect(t.pbx.hungUp()).toEqual([halfId]);
    await t.confirmHangups();
    // The engine ends the ;1 half with the ;2 half.
    t.pbx.clearCommands();
    await t.endLeg(thirdId, 16, 'Normal Clearing');
    expect(t.pbx.describe()).toEqual([`addToBridge ${callId}.bridge ${customerLegId}`]);
    const events = t.takeEvents();
    expect(describeEvents(events)).toContain('TransferFailed');
    expect(events.find((event) => event.type === 'TransferFailed')).toMatchObject({ callId, agentId: '1000', tag: TAG });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });
    expect((await t.core.getCall(callId))!.call).toMatchObject({ state: 'answered', progress: { parkedLegIds: [], pendingTransfer: null, thirdPartyLegId: null } });
    expect(await t.core.getCdrOfCall(queuedId)).toMatchObject({ purpose: 'inbound', agentId: null, answeredAt: null, toNumber: '11' });
  });

  it('to a named agent who cannot take it (not signed in): the queued call ends at once, unanswered', async () => {
    const t = await setup();
    const { thirdId } = await transferring(t, { queueName: '11', forAgentId: '1002' });
    expect(t.pbx.originated()).toEqual([expect.objectContaining({ variables: expect.objectContaining({ GATEWAY_AGENT: '1002', GATEWAY_ANSWER: 'taken' }) })]);
    t.pbx.clearCommands();
    const { halfId, queuedId } = await queueHalfArrives(t, thirdId, '11', '1002');
    expect(t.pbx.hungUp()).toEqual([halfId]);
    expect((await t.core.getCall(queuedId))!.call).toMatchObject({ progress: { stage: 'not_answered', forAgentId: '1002' } });
    await t.confirmHangups();
    await t.endLeg(thirdId, 16, 'Normal Clearing');
    expect(describeEvents(t.takeEvents())).toContain('TransferFailed');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call' });
  });

  it('to a named agent whose phone is not answered: the queued call ends rather than wait again, and the transfer fails', async () => {
    const t = await setup();
    const { thirdId } = await transferring(t, { queueName: '11', forAgentId: '1002' });
    await loginPlain(t, '1002');
    const { halfId, queuedId } = await queueHalfArrives(t, thirdId, '11', '1002');
    const phoneId = (await legOf(t, queuedId, 'agent')).id;
    await t.ring(phoneId);
    t.pbx.clearCommands();
    await t.endLeg(phoneId, 19, 'No answer');
    expect(t.pbx.hungUp()).toEqual([halfId]);
    expect((await t.core.getCall(queuedId))!.call.progress).toMatchObject({ stage: 'not_answered' });
    await t.confirmHangups();
    t.takeEvents();
    await t.endLeg(thirdId, 16, 'Normal Clearing');
    expect(describeEvents(t.takeEvents())).toContain('TransferFailed');
  });

  it('a queue dial answered at once (no last argument) is answered and given music as before', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    t.pbx.clearCommands();
    const halfId = 'agent-1000.z.3;2';
    const channelName = 'Local/s@gateway-queue-00000002;2';
    t.pbx.arrive(halfId, channelName);
    await t.emit({ type: 'leg_arrived', legId: halfId, channelName, callerNumber: '2120280001', callerName: '', dialed: 's', args: ['queue', '11', '', '', '5550100', ''], at: t.clock.now() });
    expect(t.pbx.describe().slice(0, 2)).toEqual([`answer ${halfId}`, `setMusicOnHold ${halfId} jazz`]);
  });
});
