import type { CallOf } from '../src';
import { agent, newLead, queueMember, legOf, loginPlain, loginWithConference, trunk, ORIGIN, createTestCore, type TestCore, domainErrorCode } from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({
    directory: {
      agents: [agent('1000'), agent('1001'), agent('1002')],
      trunks: [trunk(1, { callerIdPool: ['2120280001'] })],
      queues: [
        { name: 'CLOSERS', strategy: 'longest_wait_time', mohClass: 'jazz', maxWaitSec: 60, members: [queueMember('1001')] },
        { name: 'AGENTDIRECT', strategy: 'longest_wait_time', mohClass: 'default' },
        { name: 'CLOSED', strategy: 'ringall', active: false },
      ],
    },
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

async function queuedCall(t: TestCore, callId: string): Promise<CallOf<'inbound'>> {
  const found = await t.core.getCall(callId);
  if (found?.call.purpose !== 'inbound') throw new Error(`${callId} is not a queued call`);
  return found.call;
}

describe('transfer of a customer into a queue', () => {
  it('ends the agent’s part with its CDR, frees the agent, and queues the customer with the queue’s music', async () => {
    const t = await setup();
    const { callId, customerId } = await inConferenceCall(t);
    const { callId: queuedId } = await t.core.transferToQueue({ agentId: '1000', queueName: 'CLOSERS' });

    expect(t.pbx.describe()).toEqual([`removeFromBridge agent-1000.conference ${customerId}`, `setMusicOnHold ${customerId} jazz`]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ purpose: 'agent_customer', agentId: '1000', toNumber: '5550100', hangupSide: 'caller', hangupCause: 16 });
    expect((await t.core.getCall(callId))!.call.progress).toMatchObject({ agentLeft: true, transferredTo: queuedId });

    const queued = await queuedCall(t, queuedId);
    expect(queued).toMatchObject({
      state: 'answered',
      agentId: null,
      fromNumber: '5550100',
      toNumber: 'CLOSERS',
      progress: { stage: 'waiting', queueName: 'CLOSERS', mohClass: 'jazz', callerLegId: customerId, forAgentId: null, transferredFrom: callId },
    });
    expect((await t.core.getCall(queuedId))!.legs).toEqual([expect.objectContaining({ id: customerId, role: 'caller', state: 'up' })]);
    expect((await t.core.listWaitingCalls(['CLOSERS'])).map((waiting) => waiting.callId)).toEqual([queuedId]);
  });

  it('is delivered to an agent of the queue who becomes free, and ends with a CDR of its own', async () => {
    const t = await setup();
    const { customerId } = await inConferenceCall(t);
    const { callId: queuedId } = await t.core.transferToQueue({ agentId: '1000', queueName: 'CLOSERS' });
    await loginWithConference(t, '1001', '8600052');
    await t.settle();

    expect(await queuedCall(t, queuedId)).toMatchObject({ agentId: '1001', bridgeId: 'agent-1001.conference', progress: { stage: 'connected' } });
    expect(t.pbx.bridges.get('agent-1001.conference')!.legIds).toContain(customerId);
    expect(await t.core.getAgentSession('1001')).toMatchObject({ state: 'in_call', currentCallId: queuedId });

    await t.endLeg(customerId, 16, 'Normal Clearing');
    expect(await t.core.getCdrOfCall(queuedId)).toMatchObject({ purpose: 'inbound', agentId: '1001', fromNumber: '5550100', toNumber: 'CLOSERS', hangupSide: 'caller' });
    expect(await t.core.getAgentSession('1001')).toMatchObject({ currentCallId: null });
  });

  it('goes at once to an agent of the queue who is ready, bringing the lead along', async () => {
    const t = await setup();
    await loginWithConference(t, '1001', '8600052');
    await loginWithConference(t, '1000');
    const lead = await t.store.direct.leads.insert(newLead());
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN, leadId: lead.id });
    const customer = await legOf(t, callId, 'customer');
    await t.answer(customer.id);
    t.pbx.clearCommands();

    const { callId: queuedId } = await t.core.transferToQueue({ agentId: '1000', queueName: 'CLOSERS' });
    expect(t.pbx.describe()).toEqual([
      `removeFromBridge agent-1000.conference ${customer.id}`,
      `setMusicOnHold ${customer.id} jazz`,
      `setMusicOnHold ${customer.id} null`,
      'ensureBridge agent-1001.conference mixing',
      `addToBridge agent-1001.conference ${customer.id}`,
    ]);
    expect(await queuedCall(t, queuedId)).toMatchObject({ agentId: '1001', progress: { stage: 'connected' } });
    expect(await t.core.getAgentSession('1001')).toMatchObject({ lead: { leadId: lead.id, callId: queuedId } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', lead: { leadId: lead.id } });
    await t.endLeg(customer.id, 16, 'Normal Clearing');
    expect(await t.core.getCdrOfCall(queuedId)).toMatchObject({ leadId: lead.id, agentId: '1001' });
    expect(await t.core.getAgentSession('1001')).toMatchObject({ state: 'wrap_up', lead: { leadId: lead.id } });
    // The closer gives the lead its disposition.
    await t.core.dispositionAgentLead({ agentId: '1001', disposition: { status: 'SALE', callback: null } });
    expect(await t.core.getLead(lead.id)).toMatchObject({ status: 'SALE', user: '1001' });
    // Without a campaign that dials by itself, the agent dials next: paused, as after any disposition.
    expect(await t.core.getAgentSession('1001')).toMatchObject({ state: 'paused', lead: null });
  });

  it('waits for the one agent named, member of the queue or not', async () => {
    const t = await setup();
    await loginWithConference(t, '1001', '8600052');
    const { customerId } = await inConferenceCall(t);
    const { callId: queuedId } = await t.core.transferToQueue({ agentId: '1000', queueName: 'AGENTDIRECT', forAgentId: '1002' });
    // Agent 1001 is free but not the one named.
    expect(await queuedCall(t, queuedId)).toMatchObject({ agentId: null, progress: { stage: 'waiting', forAgentId: '1002' } });

    await loginWithConference(t, '1002', '8600053');
    await t.settle();
    expect(await queuedCall(t, queuedId)).toMatchObject({ agentId: '1002', progress: { stage: 'connected' } });
    expect(t.pbx.bridges.get('agent-1002.conference')!.legIds).toContain(customerId);
  });

  it('without a session conference, hangs up the agent’s phone and ends the agent’s part when it is gone', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    const agentLeg = await legOf(t, callId, 'agent');
    await t.answer(agentLeg.id);
    const customer = await legOf(t, callId, 'customer');
    await t.answer(customer.id);
    t.pbx.clearCommands();

    const { callId: queuedId } = await t.core.transferToQueue({ agentId: '1000', queueName: 'CLOSERS' });
    expect(t.pbx.describe()).toEqual([`removeFromBridge ${callId}.bridge ${customer.id}`, `setMusicOnHold ${customer.id} jazz`, `hangup ${agentLeg.id}`]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    expect(await t.core.getCdrOfCall(callId)).toBeNull();
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ agentId: '1000', hangupSide: 'caller' });
    expect(t.pbx.hungUp()).toEqual([agentLeg.id]);
    expect(await queuedCall(t, queuedId)).toMatchObject({ state: 'answered', progress: { stage: 'waiting' } });
  });

  it('the queued caller still gets the queue’s longest wait', async () => {
    const t = await setup();
    const { customerId } = await inConferenceCall(t);
    const { callId: queuedId } = await t.core.transferToQueue({ agentId: '1000', queueName: 'CLOSERS' });
    await t.advance(60_000);
    expect(t.pbx.hungUp()).toEqual([customerId]);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(queuedId)).toMatchObject({ purpose: 'inbound', agentId: null, hangupSide: 'system', durationSec: 60 });
  });

  it('transfers a call named by its id, whoever’s it is', async () => {
    const t = await setup();
    const { callId } = await inConferenceCall(t);
    const { callId: queuedId } = await t.core.transferCallToQueue({ callId, queueName: 'CLOSERS' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up' });
    expect(await queuedCall(t, queuedId)).toMatchObject({ progress: { stage: 'waiting', transferredFrom: callId } });
    expect(await domainErrorCode(t.core.transferCallToQueue({ callId, queueName: 'CLOSERS' }))).toBe('NO_ACTIVE_CALL');
  });

  it('refuses a missing or inactive queue, an unknown agent, and an agent without a call', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    expect(await domainErrorCode(t.core.transferToQueue({ agentId: '1000', queueName: 'CLOSERS' }))).toBe('NO_ACTIVE_CALL');
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    await t.answer((await legOf(t, callId, 'customer')).id);
    t.pbx.clearCommands();
    expect(await domainErrorCode(t.core.transferToQueue({ agentId: '1000', queueName: 'NOPE' }))).toBe('QUEUE_NOT_FOUND');
    expect(await domainErrorCode(t.core.transferToQueue({ agentId: '1000', queueName: 'CLOSED' }))).toBe('QUEUE_NOT_FOUND');
    expect(await domainErrorCode(t.core.transferToQueue({ agentId: '1000', queueName: 'AGENTDIRECT', forAgentId: '4242' }))).toBe('AGENT_NOT_FOUND');
    expect(t.pbx.describe()).toEqual([]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });
  });

  it('with a third party on the call: the third party is hung up with the agent’s part, the customer alone is queued', async () => {
    const t = await setup();
    const { callId, customerId } = await inConferenceCall(t);
    const { legId: thirdId } = await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null });
    await t.answer(thirdId);
    t.pbx.clearCommands();

    const { callId: queuedId } = await t.core.transferToQueue({ agentId: '1000', queueName: 'CLOSERS' });
    expect(t.pbx.describe()).toEqual([`hangup ${thirdId}`, `removeFromBridge agent-1000.conference ${customerId}`, `setMusicOnHold ${customerId} jazz`]);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    expect(await t.core.getCdrOfCall(callId)).toBeNull();
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ agentId: '1000', hangupSide: 'caller', hangupCause: 16 });
    expect((await t.core.getCall(queuedId))!.legs).toEqual([expect.objectContaining({ id: customerId, role: 'caller', state: 'up' })]);
    expect(await queuedCall(t, queuedId)).toMatchObject({ progress: { stage: 'waiting', transferredFrom: callId } });
  });
});

describe('a status given with a call named by its id', () => {
  /** Agent 1000 in its conference, on an answered call for a new lead. */
  async function leadCall(t: TestCore): Promise<{ callId: string; customerId: string; leadId: number }> {
    await loginWithConference(t, '1000');
    const lead = await t.store.direct.leads.insert(newLead());
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN, leadId: lead.id });
    const customer = await legOf(t, callId, 'customer');
    await t.answer(customer.id);
    return { callId, customerId: customer.id, leadId: lead.id };
  }

  it('a transfer: the lead and its call log take it at once, as the agent’s disposition', async () => {
    const t = await setup();
    const { callId, leadId } = await leadCall(t);
    await t.core.transferCallToQueue({ callId, queueName: 'CLOSERS', status: 'RAXFER' });
    expect(await t.core.getLead(leadId)).toMatchObject({ status: 'RAXFER', user: '1000' });
    expect(await t.core.getLeadCall(callId)).toMatchObject({ status: 'RAXFER', dispositionedAt: t.clock.now() });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', lead: null, pendingDisposition: null });
  });

  it('a hang-up: kept while the call ends, applied when the agent is released from it', async () => {
    const t = await setup();
    const { callId, leadId } = await leadCall(t);
    await t.core.hangupCall({ callId, status: 'SALE' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', pendingDisposition: { status: 'SALE', callback: null } });
    await t.confirmHangups();
    expect(await t.core.getLead(leadId)).toMatchObject({ status: 'SALE' });
    expect(await t.core.getLeadCall(callId)).toMatchObject({ status: 'SALE' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', lead: null });
  });

  it('a call whose lead no agent holds any more: the log entry and the lead alone', async () => {
    const t = await setup();
    const { callId, leadId } = await leadCall(t);
    // The agent left a 3-way call and gave its disposition; the call goes on without it.
    const { legId } = await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null });
    await t.answer(legId);
    await t.core.leaveThreeWayCall({ agentId: '1000' });
    await t.core.dispositionAgentLead({ agentId: '1000', disposition: { status: 'NI', callback: null } });
    await t.core.hangupCall({ callId, status: 'DONE' });
    expect(await t.core.getLead(leadId)).toMatchObject({ status: 'DONE' });
    expect(await t.core.getLeadCall(callId)).toMatchObject({ status: 'DONE' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', lead: null });
    expect(await domainErrorCode(t.core.hangupCall({ callId: 'agent-1000.none', status: 'DONE' }))).toBe('NO_ACTIVE_CALL');
  });
});
