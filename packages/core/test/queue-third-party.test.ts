import { agent, newLead, queueMember, legOf, loginWithConference, trunk, ORIGIN, createTestCore, type TestCore, domainErrorCode } from '@pbx-gateway/test-support';

// A queue dialled as the third party of an agent's call (VICIdial's
// consultative dial to an in-group): a Local channel whose ;1 half is the
// third party and whose ;2 half the dialplan (context gateway-queue) hands
// back with the queue, the lead, the agent asked for and the caller.

async function setup(): Promise<TestCore> {
  return createTestCore({
    directory: {
      agents: [agent('1000'), agent('1001')],
      trunks: [trunk(1, { callerIdPool: ['2120280001'] })],
      queues: [
        { name: 'CLOSERS', strategy: 'longest_wait_time', mohClass: 'jazz', maxWaitSec: 60, members: [queueMember('1001')] },
        { name: 'CLOSED', strategy: 'ringall', active: false },
      ],
    },
  });
}

/** Agent 1000 in its conference, on an answered call with 5550100 for a lead. */
async function inConferenceCall(t: TestCore): Promise<{ callId: string; customerId: string; leadId: number }> {
  await loginWithConference(t, '1000');
  const lead = await t.store.direct.leads.insert(newLead());
  const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: '2120289999', origin: ORIGIN, leadId: lead.id });
  const customer = await legOf(t, callId, 'customer');
  await t.answer(customer.id);
  t.pbx.clearCommands();
  t.takeEvents();
  return { callId, customerId: customer.id, leadId: lead.id };
}

/** The dialplan half enters the application as the gateway-queue context sends it. */
async function queueHalfArrives(t: TestCore, thirdId: string, args: readonly string[]): Promise<string> {
  const legId = `${thirdId};2`;
  const channelName = 'Local/s@gateway-queue-00000001;2';
  t.pbx.arrive(legId, channelName);
  await t.emit({ type: 'leg_arrived', legId, channelName, callerNumber: '2120289999', callerName: '', dialed: 's', args: ['queue', ...args], at: t.clock.now() });
  return legId;
}

const waitingIn = async (t: TestCore, queueName: string): Promise<string[]> => (await t.core.listWaitingCalls([queueName])).map((waiting) => waiting.callId);

describe('a queue dialled as the third party', () => {
  it('originates the Local channel with the queue, the lead, no agent and the customer’s number as its variables', async () => {
    const t = await setup();
    const { callId, leadId } = await inConferenceCall(t);
    const { legId } = await t.core.dialQueueThirdParty({ agentId: '1000', queueName: 'CLOSERS', callerId: null });

    expect(t.pbx.originated()).toEqual([
      expect.objectContaining({
        legId,
        endpoint: 'Local/s@gateway-queue',
        callerId: { number: '2120289999' },
        variables: { GATEWAY_QUEUE: 'CLOSERS', GATEWAY_LEAD: String(leadId), GATEWAY_AGENT: '', GATEWAY_CALLER: '5550100' },
      }),
    ]);
    expect((await t.core.getCall(callId))!.legs.find((leg) => leg.id === legId)).toMatchObject({ role: 'third_party', dialedNumber: 'CLOSERS', account: null });
    expect((await t.core.getCall(callId))!.call.progress).toMatchObject({ thirdPartyLegId: legId });
  });

  it('queues the dialplan half as a call of its own with the lead, and the answered ;1 half joins the agent’s conference', async () => {
    const t = await setup();
    const { callId, customerId, leadId } = await inConferenceCall(t);
    const { legId: thirdId } = await t.core.dialQueueThirdParty({ agentId: '1000', queueName: 'CLOSERS', callerId: null });
    t.pbx.clearCommands();
    const halfId = await queueHalfArrives(t, thirdId, ['CLOSERS', String(leadId), '', '5550100']);

    const [queuedId] = await waitingIn(t, 'CLOSERS');
    expect((await t.core.getCall(queuedId!))!.call).toMatchObject({
      purpose: 'inbound',
      state: 'answered',
      fromNumber: '5550100',
      toNumber: 'CLOSERS',
      progress: { stage: 'waiting', did: '', queueName: 'CLOSERS', mohClass: 'jazz', callerLegId: halfId, leadId, forAgentId: null },
    });
    expect((await t.core.getCall(queuedId!))!.legs).toEqual([expect.objectContaining({ id: halfId, role: 'caller', state: 'up', endpoint: 'Local/s@gateway-queue' })]);
    expect(t.pbx.describe()).toEqual([`answer ${halfId}`, `setMusicOnHold ${halfId} jazz`]);

    // Its answer answers the ;1 half: the third party joins the agent and the customer.
    await t.answer(thirdId);
    expect(t.pbx.bridges.get('agent-1000.conference')!.legIds).toEqual(expect.arrayContaining([customerId, thirdId]));

    // The queue's agent takes it with the lead.
    await loginWithConference(t, '1001', '8600052');
    await t.settle();
    expect((await t.core.getCall(queuedId!))!.call).toMatchObject({ agentId: '1001', progress: { stage: 'connected' } });
    expect(t.pbx.bridges.get('agent-1001.conference')!.legIds).toContain(halfId);
    expect(await t.core.getAgentSession('1001')).toMatchObject({ state: 'in_call', currentCallId: queuedId, lead: { leadId } });

    // The agent leaves: customer and third party talk on; the queue's agent stays on its own call.
    await t.core.leaveThreeWayCall({ agentId: '1000' });
    expect(t.pbx.bridges.get(`${callId}.bridge`)!.legIds).toEqual(expect.arrayContaining([customerId, thirdId]));
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });

    // The customer hangs up: the third party goes with it, and with it (the engine ends both halves) the queued call.
    await t.endLeg(customerId);
    await t.confirmHangups();
    await t.endLeg(halfId);
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ purpose: 'agent_customer', agentId: '1000', leadId });
    expect(await t.core.getCdrOfCall(queuedId!)).toMatchObject({ purpose: 'inbound', agentId: '1001', fromNumber: '5550100', toNumber: 'CLOSERS', leadId });
  });

  it('parks the customer first when asked', async () => {
    const t = await setup();
    const { callId, customerId } = await inConferenceCall(t);
    await t.core.dialQueueThirdParty({ agentId: '1000', parkCustomer: true, queueName: 'CLOSERS', callerId: '2125550000' });
    expect(t.pbx.describe()).toContain(`addToBridge ${callId}.hold ${customerId}`);
    expect((await t.core.getCall(callId))!.call.progress).toMatchObject({ parkedLegIds: [customerId] });
    expect(t.pbx.originated()).toEqual([expect.objectContaining({ endpoint: 'Local/s@gateway-queue', callerId: { number: '2125550000' } })]);
  });

  it('is refused for a queue missing or inactive, an agent nobody knows, or a second third party; nothing is dialled', async () => {
    const t = await setup();
    await inConferenceCall(t);
    await expect(domainErrorCode(t.core.dialQueueThirdParty({ agentId: '1000', queueName: 'NOWHERE', callerId: null }))).resolves.toBe('QUEUE_NOT_FOUND');
    await expect(domainErrorCode(t.core.dialQueueThirdParty({ agentId: '1000', queueName: 'CLOSED', callerId: null }))).resolves.toBe('QUEUE_NOT_FOUND');
    await expect(domainErrorCode(t.core.dialQueueThirdParty({ agentId: '1000', queueName: 'CLOSERS', forAgentId: '4242', callerId: null }))).resolves.toBe('AGENT_NOT_FOUND');
    expect(t.pbx.originated()).toEqual([]);
    await t.core.dialQueueThirdParty({ agentId: '1000', queueName: 'CLOSERS', callerId: null });
    await expect(domainErrorCode(t.core.dialQueueThirdParty({ agentId: '1000', queueName: 'CLOSERS', callerId: null }))).resolves.toBe('INVALID_ARGUMENT');
    expect(t.pbx.originated()).toHaveLength(1);
  });

  it('waits for the one agent named, and a dialplan half for a queue that is gone is released with its CDR', async () => {
    const t = await setup();
    const forAgent = await queueHalfArrives(t, 'agent-1000.x.3', ['CLOSERS', '', '1001', '5550100']);
    const [queuedId] = await waitingIn(t, 'CLOSERS');
    expect((await t.core.getCall(queuedId!))!.call).toMatchObject({ progress: { forAgentId: '1001', leadId: null, callerLegId: forAgent } });

    const gone = await queueHalfArrives(t, 'agent-1000.y.3', ['CLOSED', '', '', '5550100']);
    expect(t.pbx.hungUp()).toEqual([gone]);
    await t.confirmHangups();
    expect((await t.core.listCdrs()).filter((cdr) => cdr.toNumber === 'CLOSED')).toEqual([
      expect.objectContaining({ purpose: 'inbound', fromNumber: '5550100', agentId: null }),
    ]);
  });
});
