import { DomainError, type Campaign } from '../src';
import { agent, campaign, createTestCore, legOf, newLead, ORIGIN, trunk, type TestCore } from '@pbx-gateway/test-support';

// An agent's manual dials: a previewed lead (shown, skipped, closed without
// a call) and the manual-dial queue, dialled whenever the agent is free.

async function setup(overrides: Partial<Campaign> = {}): Promise<TestCore> {
  const t = await createTestCore({ directory: { agents: [agent('1000')], trunks: [trunk(1)] } });
  await t.store.direct.campaigns.upsert(campaign('TESTCAMP', { dialPrefix: '', ...overrides }));
  await t.store.direct.leadLists.upsert({ id: 998, name: 'Manual', campaignId: 'TESTCAMP', active: true });
  await t.core.loginAgent({ agentId: '1000', via: 'vicidial', phoneNumber: '1000', conferenceNumber: '8600051', connectPhone: true, campaignId: 'TESTCAMP' });
  await t.answer((await t.core.getAgentSession('1000'))!.conference!.agentLegId!);
  return t;
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const queue = (t: TestCore, phoneNumber: string, leadId: number | null, whileReady = false) =>
  t.core.queueManualDial({ agentId: '1000', phoneNumber, phoneCode: '1', leadId, callerId: '3125550000', dialPrefix: '9', whileReady, origin: ORIGIN });

describe('a previewed lead', () => {
  it('is shown to a paused agent without a call, and skipped', async () => {
    const t = await setup();
    const lead = await t.store.direct.leads.insert(newLead());
    expect((await refusal(t.core.previewLead({ agentId: '1000', action: { kind: 'show', leadId: lead.id } }))).code).toBe('AGENT_NOT_PAUSED');
    await t.core.pauseAgent({ agentId: '1000', reason: null });
    await t.core.previewLead({ agentId: '1000', action: { kind: 'show', leadId: lead.id } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', previewLeadId: lead.id, lead: null, currentCallId: null });
    await expect(t.core.previewLead({ agentId: '1000', action: { kind: 'skip' } })).resolves.toEqual({ leadId: lead.id });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', previewLeadId: null });
    expect((await refusal(t.core.previewLead({ agentId: '1000', action: { kind: 'skip' } }))).code).toBe('NO_ACTIVE_LEAD');
    expect((await refusal(t.core.previewLead({ agentId: '1000', action: { kind: 'show', leadId: 999999 } }))).code).toBe('INVALID_ARGUMENT');
  });

  it('finished without a call, waits for its disposition; dialled, it is the call\'s lead', async () => {
    const t = await setup();
    const first = await t.store.direct.leads.insert(newLead());
    await t.core.pauseAgent({ agentId: '1000', reason: null });
    await t.core.previewLead({ agentId: '1000', action: { kind: 'show', leadId: first.id } });
    await t.core.previewLead({ agentId: '1000', action: { kind: 'finish' } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', previewLeadId: null, lead: { leadId: first.id, callId: null } });
    await t.core.dispositionAgentLead({ agentId: '1000', disposition: { status: 'NI', callback: null } });
    expect(await t.core.getLead(first.id)).toMatchObject({ status: 'NI', calledCount: 0, calledSinceLastReset: 'N' });

    const second = await t.store.direct.leads.insert(newLead());
    await t.core.previewLead({ agentId: '1000', action: { kind: 'show', leadId: second.id } });
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '7275551212', callerId: null, origin: ORIGIN, leadId: second.id, dialPrefix: '91' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', previewLeadId: null, lead: { leadId: second.id, callId } });
    expect(await legOf(t, callId, 'customer')).toMatchObject({ endpoint: 'PJSIP/917275551212@upc' });
    expect(await t.core.getLead(second.id)).toMatchObject({ status: 'INCALL', calledCount: 1, calledSinceLastReset: 'Y' });
  });
});

describe('the manual-dial queue', () => {
  it('dials a paused agent\'s number at once, with its lead, caller id and prefix', async () => {
    const t = await setup();
    const lead = await t.store.direct.leads.insert(newLead({ phoneNumber: '3125556000' }));
    await t.core.pauseAgent({ agentId: '1000', reason: null });
    const { callId } = await queue(t, '3125556000', lead.id);
    expect(callId).not.toBeNull();
    const customer = await legOf(t, callId!, 'customer');
    expect(customer.endpoint).toBe('PJSIP/913125556000@upc');
    expect((await t.core.getCall(callId!))!.call).toMatchObject({ fromNumber: '3125550000', toNumber: '3125556000' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', lead: { leadId: lead.id, callId } });
    expect(await t.core.manualDialQueueOf('1000')).toEqual([]);
  });

  it('keeps numbers while the agent is busy, refuses one twice, and dials the next after the disposition', async () => {
    const t = await setup();
    const lead = await t.store.direct.leads.insert(newLead({ phoneNumber: '3125556001' }));
    await t.core.pauseAgent({ agentId: '1000', reason: null });
    const { callId: first } = await queue(t, '3125556000', null);
    expect(await queue(t, '3125556001', lead.id)).toEqual({ callId: null });
    const twice = await refusal(queue(t, '3125556001', lead.id));
    expect(twice).toMatchObject({ code: 'INVALID_ARGUMENT', details: { alreadyQueued: true } });
    const customer = await legOf(t, first!, 'customer');
    await t.answer(customer.id);
    await t.endLeg(customer.id);
    await t.settle();
    // A call without a lead ends without a disposition: the agent is back to paused and free.
    const session = (await t.core.getAgentSession('1000'))!;
    expect(session.state).toBe('paused');
    expect(await t.core.manualDialQueueOf('1000')).toHaveLength(1);
    await t.core.pauseAgent({ agentId: '1000', reason: 'AGAIN' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', lead: { leadId: lead.id } });
  });

  it('waits for a ready agent unless the number is to be called automatically (QUEUE_AND_AUTOCALL)', async () => {
    const t = await setup();
    expect(await queue(t, '3125556000', null)).toEqual({ callId: null });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null });
    const { callId } = await queue(t, '3125556002', null, true);
    // The oldest number goes first, and only when the agent pauses; the automatic one is next, even while ready.
    expect(callId).toBeNull();
    await t.core.pauseAgent({ agentId: '1000', reason: null });
    const session = (await t.core.getAgentSession('1000'))!;
    expect((await t.core.getCall(session.currentCallId!))!.call.toNumber).toBe('3125556000');
  });

  it('a lead dialled from the queue gets its disposition, then the next number is dialled', async () => {
    const t = await setup();
    const [a, b] = [await t.store.direct.leads.insert(newLead({ phoneNumber: '3125556010' })), await t.store.direct.leads.insert(newLead({ phoneNumber: '3125556011' }))];
    await t.core.pauseAgent({ agentId: '1000', reason: null });
    const { callId } = await queue(t, '3125556010', a.id);
    await queue(t, '3125556011', b.id);
    const customer = await legOf(t, callId!, 'customer');
    await t.answer(customer.id);
    await t.endLeg(customer.id);
    await t.settle();
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', lead: { leadId: a.id } });
    await t.core.dispositionAgentLead({ agentId: '1000', disposition: { status: 'NI', callback: null } });
    await t.settle();
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', lead: { leadId: b.id } });
    expect(await t.core.manualDialQueueOf('1000')).toEqual([]);
  });
});
