import { DomainError, type Campaign, type LeadFields } from '../src';
import { agent, campaign, newLead, trunk, describeEvents, legOf, loginWithConference, ORIGIN, createTestCore, type TestCore } from '@pbx-gateway/test-support';

const CAMPAIGN: Campaign = campaign('TESTCAMP', { name: 'Test campaign', dialPrefix: '' });

/** A lead's own fields, as a client gives them. */
const FIELDS: LeadFields = (({ listId: _list, entryListId: _entry, status: _status, user: _user, entryDate: _entry2, modifyDate: _modify, calledCount: _count, ...fields }) => fields)(newLead());

async function setup(campaign: Partial<Campaign> = {}): Promise<TestCore> {
  const t = await createTestCore({ directory: { agents: [agent('1000')], trunks: [trunk(1)] } });
  const direct = t.store.direct;
  await direct.campaigns.upsert({ ...CAMPAIGN, ...campaign });
  await direct.campaigns.upsert({ ...CAMPAIGN, id: 'SHARED', manualDialListId: 999 });
  const status = { campaignId: null, selectable: true, humanAnswered: true, sale: false, scheduledCallback: false };
  await direct.leadStatuses.upsert({ ...status, status: 'SALE', name: 'Sale Made', sale: true });
  await direct.leadStatuses.upsert({ ...status, status: 'CALLBK', name: 'Call Back', scheduledCallback: true });
  return t;
}

const add = (t: TestCore, overrides: { campaignId?: string | null; fields?: Partial<LeadFields>; system?: boolean; campaign?: boolean } = {}) =>
  t.core.addLead({
    campaignId: overrides.campaignId === undefined ? 'TESTCAMP' : overrides.campaignId,
    fields: { ...FIELDS, ...overrides.fields },
    addedBy: '6666',
    dncChecks: { system: overrides.system ?? false, campaign: overrides.campaign ?? false },
  });

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('adding a lead', () => {
  it("stores a NEW lead in the campaign's manual-dial list, numbered in sequence", async () => {
    const t = await setup();
    const first = await add(t);
    const second = await add(t, { fields: { phoneNumber: '7275550000' } });
    expect(first).toMatchObject({ campaignId: 'TESTCAMP', lead: { id: 1, listId: 998, entryListId: 998, status: 'NEW', user: '6666', calledCount: 0 } });
    expect(second.lead.id).toBe(2);
    expect(await t.core.getLead(1)).toEqual(first.lead);
    expect(t.eventTypes('LeadAdded')).toEqual(['LeadAdded', 'LeadAdded']);
  });

  it('refuses an unknown campaign, and a campaign without a manual-dial list', async () => {
    const t = await setup({ manualDialListId: null });
    expect((await refusal(add(t, { campaignId: null }))).code).toBe('CAMPAIGN_NOT_FOUND');
    expect((await refusal(add(t, { campaignId: 'NONE' }))).code).toBe('CAMPAIGN_NOT_FOUND');
    expect((await refusal(add(t))).code).toBe('NO_MANUAL_DIAL_LIST');
  });

  it('checks the do-not-call lists it is asked to, and says which hold the number', async () => {
    const t = await setup({ useOtherCampaignDnc: 'SHARED' });
    await t.store.direct.dnc.add({ phoneNumber: '7275551212', scope: { kind: 'system' } });
    await t.store.direct.dnc.add({ phoneNumber: '7275551212', scope: { kind: 'campaign', campaignId: 'SHARED' } });
    await t.store.direct.dnc.add({ phoneNumber: '7275553333', scope: { kind: 'campaign', campaignId: 'TESTCAMP' } });
    expect((await refusal(add(t, { system: true, campaign: true }))).details).toEqual({ system: true, campaign: true, campaignId: 'TESTCAMP' });
    expect((await refusal(add(t, { system: true }))).details).toEqual({ system: true, campaign: false, campaignId: 'TESTCAMP' });
    expect((await refusal(add(t, { campaign: true }))).details).toEqual({ system: false, campaign: true, campaignId: 'TESTCAMP' });
    // The campaign uses the other campaign's list instead of its own.
    await expect(add(t, { campaign: true, fields: { phoneNumber: '7275553333' } })).resolves.toMatchObject({ lead: { status: 'NEW' } });
    await expect(add(t)).resolves.toMatchObject({ lead: { phoneNumber: '7275551212' } });
  });

  it('refuses fields that do not fit the lead, naming the list it would have gone to', async () => {
    const t = await setup();
    const error = await refusal(add(t, { fields: { phoneNumber: '1'.repeat(19), rank: 40000, dateOfBirth: '1970-02-30' } }));
    expect(error).toMatchObject({ code: 'LEAD_REJECTED', details: { campaignId: 'TESTCAMP', listId: 998, fields: 'phoneNumber,rank,dateOfBirth' } });
    expect(await t.core.getLead(1)).toBeNull();
  });
});

/** An agent of TESTCAMP on a call for a new lead, answered: the lead is on the agent's screen. */
async function leadCall(t: TestCore): Promise<{ leadId: number; callId: string; customerLegId: string }> {
  await t.core.loginAgent({ agentId: '1000', via: 'vicidial', phoneNumber: '1000', conferenceNumber: '8600051', connectPhone: true, campaignId: 'TESTCAMP' });
  await t.answer((await t.core.getAgentSession('1000'))!.conference!.agentLegId!);
  const { lead } = await add(t);
  const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: lead.phoneNumber, callerId: null, origin: ORIGIN, leadId: lead.id });
  const customer = await legOf(t, callId, 'customer');
  await t.answer(customer.id);
  return { leadId: lead.id, callId, customerLegId: customer.id };
}

describe('dispositions', () => {
  it("a recording made during a lead's call names the lead", async () => {
    const t = await setup();
    const { leadId, callId } = await leadCall(t);
    expect((await t.core.startAgentRecording({ agentId: '1000' })).recording).toMatchObject({ callId, leadId });
  });

  const hangUp = async (t: TestCore, legId: string): Promise<void> => {
    await t.endLeg(legId);
    await t.settle();
  };

  it('a call for a lead puts the lead on the screen and ends in its disposition (DISPO)', async () => {
    const t = await setup();
    const { leadId, callId, customerLegId } = await leadCall(t);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', lead: { leadId, callId } });
    expect(await t.core.getLead(leadId)).toMatchObject({ calledCount: 1 });
    expect(await t.core.getLeadCall(callId)).toMatchObject({ leadId, campaignId: 'TESTCAMP', status: null });
    expect((await t.core.getCall(callId))?.call.progress).toMatchObject({ leadId });
    await hangUp(t, customerLegId);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', lead: { leadId, callId }, currentCallId: null });
  });

  it('after the call: the lead and its call take the status; a manual-dial campaign leaves the agent paused', async () => {
    const t = await setup();
    const { leadId, callId, customerLegId } = await leadCall(t);
    await hangUp(t, customerLegId);
    t.takeEvents();
    const outcome = await t.core.dispositionAgentLead({ agentId: '1000', disposition: { status: 'SALE', callback: null } });
    expect(outcome).toEqual({ when: 'now', scheduledCallbackStatus: false });
    expect(await t.core.getLead(leadId)).toMatchObject({ status: 'SALE', user: '1000' });
    expect(await t.core.getLeadCall(callId)).toMatchObject({ status: 'SALE', dispositionedAt: t.clock.now() });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', lead: null, pendingDisposition: null });
    expect(describeEvents(t.events)).toEqual(['LeadDispositioned', 'AgentStateChanged wrap_up->paused']);
  });

  it('an auto-dial campaign leaves the agent ready; a pause asked for during the call wins', async () => {
    const t = await setup({ dialMethod: 'RATIO' });
    const first = await leadCall(t);
    await hangUp(t, first.customerLegId);
    await t.core.dispositionAgentLead({ agentId: '1000', disposition: { status: 'NI', callback: null } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', lead: null });
    expect(await t.core.getLead(first.leadId)).toMatchObject({ status: 'NI' });

    const { lead } = await add(t);
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: lead.phoneNumber, callerId: null, origin: ORIGIN, leadId: lead.id });
    await t.core.pauseAgent({ agentId: '1000', reason: 'LUNCH' });
    await hangUp(t, (await legOf(t, callId, 'customer')).id);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', pendingPause: { reason: 'LUNCH' } });
    await t.core.dispositionAgentLead({ agentId: '1000', disposition: { status: 'SALE', callback: null } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', pauseReason: 'LUNCH', pendingPause: null });
  });

  it('given during the call, it is applied when the call ends', async () => {
    const t = await setup();
    const { leadId, callId, customerLegId } = await leadCall(t);
    await expect(t.core.dispositionAgentLead({ agentId: '1000', disposition: { status: 'SALE', callback: null } })).resolves.toEqual({
      when: 'after_call',
      scheduledCallbackStatus: false,
    });
    // A lead being dialled is INCALL until its disposition, as the dialer marks it.
    expect(await t.core.getLead(leadId)).toMatchObject({ status: 'INCALL' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', pendingDisposition: { status: 'SALE', callback: null } });
    await hangUp(t, customerLegId);
    expect(await t.core.getLead(leadId)).toMatchObject({ status: 'SALE' });
    expect(await t.core.getLeadCall(callId)).toMatchObject({ status: 'SALE' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', lead: null, pendingDisposition: null });
  });

  it('a scheduled-callback status with a time holds the lead (CBHOLD) and schedules the callback', async () => {
    const t = await setup();
    const { leadId, callId, customerLegId } = await leadCall(t);
    await hangUp(t, customerLegId);
    const at = new Date('2030-01-02T10:00:00Z');
    const outcome = await t.core.dispositionAgentLead({ agentId: '1000', disposition: { status: 'CALLBK', callback: { at, recipient: 'USERONLY', comments: 'after ten' } } });
    expect(outcome).toEqual({ when: 'now', scheduledCallbackStatus: true });
    expect(await t.core.getLead(leadId)).toMatchObject({ status: 'CBHOLD' });
    expect(await t.core.getLeadCall(callId)).toMatchObject({ status: 'CALLBK' });
    expect(await t.core.callbacksOfLead(leadId)).toEqual([
      { id: 1, leadId, listId: 998, campaignId: 'TESTCAMP', state: 'ACTIVE', status: 'CALLBK', callbackAt: at, recipient: 'USERONLY', agentId: '1000', comments: 'after ten', createdAt: t.clock.now() },
    ]);
  });

  it('a callback time with a status that schedules none is ignored', async () => {
    const t = await setup();
    const { leadId, customerLegId } = await leadCall(t);
    await hangUp(t, customerLegId);
    const outcome = await t.core.dispositionAgentLead({ agentId: '1000', disposition: { status: 'SALE', callback: { at: new Date(0), recipient: 'ANYONE', comments: '' } } });
    expect(outcome.scheduledCallbackStatus).toBe(false);
    expect(await t.core.getLead(leadId)).toMatchObject({ status: 'SALE' });
    expect(await t.core.callbacksOfLead(leadId)).toEqual([]);
  });

  it('a logout asked for during the call happens after the disposition', async () => {
    const t = await setup();
    const { leadId, customerLegId } = await leadCall(t);
    await t.core.logoutAgent({ agentId: '1000', whenInCall: 'defer' });
    await hangUp(t, customerLegId);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', pendingLogout: true });
    await t.core.dispositionAgentLead({ agentId: '1000', disposition: { status: 'SALE', callback: null } });
    expect(await t.core.getLead(leadId)).toMatchObject({ status: 'SALE' });
    expect(await t.core.getAgentSession('1000')).toBeNull();
  });

  it('a pause asked for while the lead waits for its disposition waits for it too', async () => {
    const t = await setup({ dialMethod: 'RATIO' });
    const { leadId, customerLegId } = await leadCall(t);
    await hangUp(t, customerLegId);
    await expect(t.core.pauseAgent({ agentId: '1000', reason: 'BREAK' })).resolves.toBe('pause_pending');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', lead: { leadId }, pendingPause: { reason: 'BREAK' } });
    await t.core.dispositionAgentLead({ agentId: '1000', disposition: { status: 'SALE', callback: null } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', pauseReason: 'BREAK', lead: null });
  });

  it("a reason kept during the disposition (inDisposition: 'next_pause') is the reason of the pause that follows it, and only of that one", async () => {
    const t = await setup();
    const { leadId, customerLegId } = await leadCall(t);
    const code = (reason: string) => t.core.pauseAgent({ agentId: '1000', reason, ifPaused: 'update', ifNotPaused: 'refuse', inDisposition: 'next_pause' });
    // During the call: not paused, whatever inDisposition says.
    expect((await refusal(code('LUNCH'))).code).toBe('AGENT_NOT_PAUSED');
    await hangUp(t, customerLegId);
    t.takeEvents();
    await expect(code('LUNCH')).resolves.toBe('reason_kept');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', lead: { leadId }, pauseReason: null, pendingPause: null, nextPauseReason: 'LUNCH' });
    // Without it the agent in DISPO is refused as before.
    expect((await refusal(t.core.pauseAgent({ agentId: '1000', reason: 'X', ifNotPaused: 'refuse' }))).code).toBe('AGENT_NOT_PAUSED');
    expect(describeEvents(t.takeEvents())).toEqual([]);
    // The manual-dial campaign pauses the agent after the disposition: that pause has the reason.
    await t.core.dispositionAgentLead({ agentId: '1000', disposition: { status: 'SALE', callback: null } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', pauseReason: 'LUNCH' });
    expect((await t.core.getAgentSession('1000'))?.nextPauseReason ?? null).toBeNull();
    expect(t.takeEvents()).toContainEqual(expect.objectContaining({ type: 'AgentStateChanged', from: 'wrap_up', to: 'paused', reason: 'LUNCH' }));
  });

  it('a reason kept during the disposition goes to a pending pause; with no pause after the disposition it is dropped', async () => {
    const t = await setup({ dialMethod: 'RATIO' });
    const first = await leadCall(t);
    await hangUp(t, first.customerLegId);
    const code = (reason: string) => t.core.pauseAgent({ agentId: '1000', reason, ifPaused: 'update', ifNotPaused: 'refuse', inDisposition: 'next_pause' });
    await code('BRK');
    await expect(t.core.pauseAgent({ agentId: '1000', reason: null })).resolves.toBe('pause_pending');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ pendingPause: { reason: 'BRK' } });
    expect((await t.core.getAgentSession('1000'))?.nextPauseReason ?? null).toBeNull();
    await code('MEET');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ pendingPause: { reason: 'MEET' } });
    await t.core.dispositionAgentLead({ agentId: '1000', disposition: { status: 'SALE', callback: null } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', pauseReason: 'MEET' });

    await t.core.resumeAgent({ agentId: '1000' });
    const { lead } = await add(t);
    const second = await t.core.startAgentCustomerCall({ agentId: '1000', number: lead.phoneNumber, callerId: null, origin: ORIGIN, leadId: lead.id });
    await hangUp(t, (await legOf(t, second.callId, 'customer')).id);
    await code('BRK');
    await t.core.dispositionAgentLead({ agentId: '1000', disposition: { status: 'SALE', callback: null } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', pauseReason: null });
    expect((await t.core.getAgentSession('1000'))?.nextPauseReason ?? null).toBeNull();
    await t.core.pauseAgent({ agentId: '1000', reason: null });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', pauseReason: null });
  });

  it('resuming without a disposition takes the lead off the screen; a call without a lead shows none', async () => {
    const t = await setup();
    const first = await leadCall(t);
    await hangUp(t, first.customerLegId);
    await t.core.resumeAgent({ agentId: '1000' });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', lead: null });
    // Left without a disposition, the lead keeps the status of its call.
    expect(await t.core.getLead(first.leadId)).toMatchObject({ status: 'INCALL' });

    const { lead } = await add(t);
    const second = await t.core.startAgentCustomerCall({ agentId: '1000', number: lead.phoneNumber, callerId: null, origin: ORIGIN, leadId: lead.id });
    await hangUp(t, (await legOf(t, second.callId, 'customer')).id);
    await t.core.pauseAgent({ agentId: '1000', reason: null });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', lead: { leadId: lead.id } });
    await t.core.resumeAgent({ agentId: '1000' });
    const third = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', lead: null });
    await hangUp(t, (await legOf(t, third.callId, 'customer')).id);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready', lead: null });
  });

  it('refuses a status the lead cannot keep, and callback comments beyond 255 characters', async () => {
    const t = await setup();
    await leadCall(t);
    const give = (status: string, comments = '') =>
      refusal(t.core.dispositionAgentLead({ agentId: '1000', disposition: { status, callback: { at: new Date(0), recipient: 'ANYONE', comments } } }));
    expect((await give('CALLBACK')).code).toBe('INVALID_ARGUMENT');
    expect((await give('')).code).toBe('INVALID_ARGUMENT');
    expect((await give('CALLBK', 'c'.repeat(256))).code).toBe('INVALID_ARGUMENT');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ pendingDisposition: null });
  });

  it('refuses an agent without a lead, and one not logged in', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    expect((await refusal(t.core.dispositionAgentLead({ agentId: '1000', disposition: { status: 'SALE', callback: null } }))).code).toBe('NO_ACTIVE_LEAD');
    expect((await refusal(t.core.dispositionAgentLead({ agentId: '1001', disposition: { status: 'SALE', callback: null } }))).code).toBe('AGENT_NOT_LOGGED_IN');
  });
});

describe('adding a lead to a given list', () => {
  const toList = (t: TestCore, listId: number, overrides: { mustExist?: boolean; scope?: 'list' | 'campaign' | 'system'; days?: number; campaign?: boolean; fields?: Partial<LeadFields> } = {}) =>
    t.core.addLeadToList({
      listId,
      listMustExist: overrides.mustExist ?? false,
      fields: { ...FIELDS, ...overrides.fields },
      addedBy: '6666',
      dncChecks: { system: false, campaign: overrides.campaign ?? false },
      duplicateChecks: overrides.scope ? [{ scope: overrides.scope, match: 'phone' as const, withinDays: overrides.days ?? null }] : [],
    });

  async function withLists(): Promise<TestCore> {
    const t = await setup();
    await t.store.direct.leadLists.upsert({ id: 101, name: 'one', campaignId: 'TESTCAMP', active: true });
    await t.store.direct.leadLists.upsert({ id: 102, name: 'two', campaignId: 'TESTCAMP', active: true });
    await t.store.direct.leadLists.upsert({ id: 201, name: 'other', campaignId: 'SHARED', active: true });
    return t;
  }

  it("stores the lead in the list and names the list's campaign; an undefined list takes it unless it must exist", async () => {
    const t = await withLists();
    expect(await toList(t, 102)).toMatchObject({ campaignId: 'TESTCAMP', lead: { listId: 102, entryListId: 102, status: 'NEW', user: '6666' } });
    expect(await toList(t, 999)).toMatchObject({ campaignId: null, lead: { listId: 999 } });
    const missing = await refusal(toList(t, 998, { mustExist: true }));
    expect(missing).toMatchObject({ code: 'LEAD_REJECTED', details: { listId: 998, listMissing: true } });
    expect(t.eventTypes('LeadAdded')).toHaveLength(2);
  });

  it("checks the do-not-call list of the list's campaign", async () => {
    const t = await withLists();
    await t.store.direct.dnc.add({ phoneNumber: FIELDS.phoneNumber, scope: { kind: 'campaign', campaignId: 'TESTCAMP' } });
    expect(await refusal(toList(t, 101, { campaign: true }))).toMatchObject({ code: 'NUMBER_IN_DNC', details: { system: false, campaign: true, campaignId: 'TESTCAMP' } });
    expect(await toList(t, 201, { campaign: true })).toMatchObject({ campaignId: 'SHARED' });
  });

  it('refuses a duplicate in the list, in the campaign\'s lists or anywhere, naming the earlier lead', async () => {
    const t = await withLists();
    const first = await toList(t, 101);
    expect(await toList(t, 102, { scope: 'list' })).toMatchObject({ lead: { listId: 102 } });
    expect(await refusal(toList(t, 101, { scope: 'list' }))).toMatchObject({ code: 'DUPLICATE_LEAD', details: { leadId: first.lead.id, listId: 101 } });
    expect(await refusal(toList(t, 201, { scope: 'system' }))).toMatchObject({ code: 'DUPLICATE_LEAD', details: { leadId: first.lead.id } });
    expect(await toList(t, 201, { scope: 'campaign' })).toMatchObject({ lead: { listId: 201 } });
    expect(await refusal(toList(t, 102, { scope: 'campaign' }))).toMatchObject({ code: 'DUPLICATE_LEAD', details: { leadId: first.lead.id, listId: 101 } });
    expect(await toList(t, 101, { scope: 'list', fields: { phoneNumber: '7275550001' } })).toMatchObject({ lead: { listId: 101 } });
  });

  it('schedules a callback with the lead, held CBHOLD, only for a list of a campaign', async () => {
    const t = await withLists();
    const callback = { at: new Date('2030-01-02T10:00:00Z'), recipient: 'USERONLY' as const, agentId: '1000', status: 'CALLBK', comments: 'later' };
    const base = { listMustExist: false, fields: FIELDS, addedBy: '6666', dncChecks: { system: false, campaign: false }, duplicateChecks: [] };
    const held = await t.core.addLeadToList({ ...base, listId: 101, callback });
    expect(held).toMatchObject({ lead: { status: 'CBHOLD' }, callbackId: expect.any(Number) as unknown });
    expect(await t.core.getLead(held.lead.id)).toMatchObject({ status: 'CBHOLD' });
    expect(await t.core.callbacksOfLead(held.lead.id)).toMatchObject([{ campaignId: 'TESTCAMP', state: 'ACTIVE', status: 'CALLBK', agentId: '1000', comments: 'later' }]);
    const loose = await t.core.addLeadToList({ ...base, listId: 999, callback });
    expect(loose).toMatchObject({ lead: { status: 'NEW' }, callbackId: null });
    expect(await refusal(t.core.addLeadToList({ ...base, listId: 101, callback: { ...callback, status: 'TOOLONG' } }))).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('counts only leads entered within the days asked', async () => {
    const t = await withLists();
    await toList(t, 101);
    t.clock.advance(3 * 86_400_000);
    expect(await toList(t, 101, { scope: 'list', days: 2 })).toMatchObject({ lead: { listId: 101 } });
    expect(await refusal(toList(t, 101, { scope: 'list', days: 2 }))).toMatchObject({ code: 'DUPLICATE_LEAD' });
  });
});

describe('finding and changing leads', () => {
  it('finds by every criterion given, in lead order, at most the limit asked', async () => {
    const t = await setup();
    const first = await add(t);
    const second = await add(t, { fields: { vendorLeadCode: 'V2' } });
    expect((await t.core.findLeads({ phoneNumber: FIELDS.phoneNumber }, 10)).map((lead) => lead.id)).toEqual([first.lead.id, second.lead.id]);
    expect((await t.core.findLeads({ phoneNumber: FIELDS.phoneNumber }, 1)).map((lead) => lead.id)).toEqual([first.lead.id]);
    expect((await t.core.findLeads({ vendorLeadCode: 'V2', listIds: [998] }, 10)).map((lead) => lead.id)).toEqual([second.lead.id]);
    expect(await t.core.findLeads({ leadId: first.lead.id, listIds: [999] }, 10)).toEqual([]);
  });

  it('changes the fields given, refuses values that do not fit, and says when the lead is gone', async () => {
    const t = await setup();
    const { lead } = await add(t);
    t.clock.advance(1000);
    const changed = await t.core.updateLead({ leadId: lead.id, changes: { firstName: 'Robert', status: 'SALE' } });
    expect(changed).toMatchObject({ firstName: 'Robert', lastName: 'Smith', status: 'SALE', modifyDate: t.clock.now() });
    expect(await t.core.getLead(lead.id)).toEqual(changed);
    expect(await refusal(t.core.updateLead({ leadId: lead.id, changes: { status: 'TOOLONG' } }))).toMatchObject({ code: 'LEAD_REJECTED' });
    expect(await refusal(t.core.updateLead({ leadId: lead.id, changes: { firstName: 'x'.repeat(31) } }))).toMatchObject({ code: 'LEAD_REJECTED' });
    expect((await t.core.getLead(lead.id))?.firstName).toBe('Robert');
    expect(await t.core.updateLead({ leadId: 9999, changes: { firstName: 'Nobody' } })).toBeNull();
    expect(t.eventTypes('LeadUpdated')).toEqual(['LeadUpdated']);
  });

  it('finds the newest first when asked', async () => {
    const t = await setup();
    const first = await add(t);
    const second = await add(t);
    expect((await t.core.findLeads({ phoneNumber: FIELDS.phoneNumber, newestFirst: true }, 1)).map((lead) => lead.id)).toEqual([second.lead.id]);
    expect((await t.core.findLeads({ phoneNumber: FIELDS.phoneNumber, newestFirst: true }, 10)).map((lead) => lead.id)).toEqual([second.lead.id, first.lead.id]);
  });

  it("schedules a callback for an existing lead without holding it, changes it (waiting again), and removes the lead's callbacks", async () => {
    const t = await setup();
    const { lead } = await add(t);
    const at = new Date('2030-01-02T10:00:00.000Z');
    const scheduled = await t.core.scheduleLeadCallback({ leadId: lead.id, campaignId: 'TESTCAMP', callback: { at, recipient: 'USERONLY', agentId: '1000', status: 'CALLBK', comments: 'later' } });
    expect(scheduled).toMatchObject({ leadId: lead.id, listId: lead.listId, campaignId: 'TESTCAMP', state: 'ACTIVE', callbackAt: at, recipient: 'USERONLY', agentId: '1000' });
    expect((await t.core.getLead(lead.id))?.status).toBe('NEW');
    t.clock.advance(1000);
    const changed = await t.core.changeLeadCallback({ leadId: lead.id, changes: { status: 'CBX', recipient: 'ANYONE' } });
    expect(changed).toMatchObject({ id: scheduled!.id, status: 'CBX', recipient: 'ANYONE', agentId: '1000', comments: 'later', createdAt: t.clock.now() });
    expect(await t.core.callbacksOfLead(lead.id)).toEqual([changed]);
    expect(await refusal(t.core.changeLeadCallback({ leadId: lead.id, changes: { status: 'TOOLONG' } }))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await t.core.scheduleLeadCallback({ leadId: 9999, campaignId: 'TESTCAMP', callback: { at, recipient: 'ANYONE', agentId: '', status: 'CALLBK', comments: '' } })).toBeNull();
    expect(await t.core.removeLeadCallbacks(lead.id)).toBe(1);
    expect(await t.core.changeLeadCallback({ leadId: lead.id, changes: { status: 'CBX' } })).toBeNull();
  });

  it('deletes a lead with its callbacks, but not one on an agent\'s screen', async () => {
    const t = await setup();
    const { lead } = await add(t);
    await t.core.scheduleLeadCallback({ leadId: lead.id, campaignId: 'TESTCAMP', callback: { at: t.clock.now(), recipient: 'ANYONE', agentId: '', status: 'CALLBK', comments: '' } });
    expect(await t.core.deleteLead(lead.id)).toEqual({ callbacksRemoved: 1 });
    expect(await t.core.getLead(lead.id)).toBeNull();
    expect(await t.core.callbacksOfLead(lead.id)).toEqual([]);
    expect(await t.core.deleteLead(lead.id)).toBeNull();

    const { leadId } = await leadCall(t);
    expect(await refusal(t.core.deleteLead(leadId))).toMatchObject({ code: 'LEAD_REJECTED', details: { leadId, onScreen: true } });
    expect(await t.core.getLead(leadId)).not.toBeNull();
  });

  it('keeps removed callbacks and those of a deleted lead in the callback archive, as they were', async () => {
    const t = await setup();
    const { lead } = await add(t);
    const callback = (await t.core.scheduleLeadCallback({ leadId: lead.id, campaignId: 'TESTCAMP', callback: { at: t.clock.now(), recipient: 'ANYONE', agentId: '', status: 'CALLBK', comments: 'one' } }))!;
    expect(await t.core.removeLeadCallbacks(lead.id)).toBe(1);
    expect(await t.core.archivedCallbacksOfLead(lead.id)).toEqual([callback]);
    const second = (await t.core.scheduleLeadCallback({ leadId: lead.id, campaignId: 'TESTCAMP', callback: { at: t.clock.now(), recipient: 'ANYONE', agentId: '', status: 'CALLBK', comments: 'two' } }))!;
    await t.core.setLeadCustomValues({ leadId: lead.id, listId: lead.listId, values: { color: 'red' } });
    expect(await t.core.deleteLead(lead.id)).toEqual({ callbacksRemoved: 1 });
    expect(await t.core.archivedCallbacksOfLead(lead.id)).toEqual([callback, second]);
    expect(await t.core.leadCustomValues(lead.listId, lead.id)).toBeNull();
  });
});

describe('the lead archive', () => {
  it('moves a lead there whole, out of the hopper, its callbacks archived and its list values kept; brings it back as it was', async () => {
    const t = await setup();
    const { lead } = await add(t);
    const callback = (await t.core.scheduleLeadCallback({ leadId: lead.id, campaignId: 'TESTCAMP', callback: { at: t.clock.now(), recipient: 'ANYONE', agentId: '', status: 'CALLBK', comments: '' } }))!;
    await t.core.setLeadCustomValues({ leadId: lead.id, listId: lead.listId, values: { color: 'red' } });
    await t.store.direct.leadLists.upsert({ id: lead.listId, name: 'Manual', campaignId: 'TESTCAMP', active: true });
    expect(await t.core.addLeadToHopper({ leadId: lead.id, priority: 0, source: 'P' })).toMatchObject({ outcome: 'added' });
    const stored = (await t.core.getLead(lead.id))!;
    expect(await t.core.archiveLead(lead.id)).toEqual({ lead: stored, callbacksArchived: 1 });
    expect(await t.core.getLead(lead.id)).toBeNull();
    expect(await t.core.getArchivedLead(lead.id)).toEqual(stored);
    expect(await t.core.hopperEntryOfLead(lead.id)).toBeNull();
    expect(await t.core.findArchivedLeads({ phoneNumber: stored.phoneNumber }, 10)).toEqual([stored]);
    expect(await t.core.callbacksOfLead(lead.id)).toEqual([]);
    expect(await t.core.archivedCallbacksOfLead(lead.id)).toEqual([callback]);
    expect(await t.core.leadCustomValues(lead.listId, lead.id)).toEqual({ color: 'red' });
    expect(await t.core.archiveLead(lead.id)).toBeNull();

    expect(await t.core.dearchiveLead({ leadId: lead.id, listIds: [lead.listId + 1] })).toEqual({ outcome: 'not_archived' });
    expect(await t.core.dearchiveLead({ leadId: lead.id, listIds: [lead.listId] })).toEqual({ outcome: 'restored', lead: stored });
    expect(await t.core.getLead(lead.id)).toEqual(stored);
    expect(await t.core.getArchivedLead(lead.id)).toBeNull();
    expect(await t.core.archivedCallbacksOfLead(lead.id)).toEqual([callback]);
    expect(await t.core.dearchiveLead({ leadId: lead.id, listIds: null })).toEqual({ outcome: 'not_archived' });
  });

  it('numbers new leads after archived ones; a lead of that number among the leads too stays, nothing moved', async () => {
    const t = await setup();
    const { lead } = await add(t);
    await t.core.archiveLead(lead.id);
    const next = await add(t, { fields: { phoneNumber: '7275550199' } });
    expect(next.lead.id).toBeGreaterThan(lead.id);
    await t.store.direct.leads.put({ ...(await t.core.getArchivedLead(lead.id))!, firstName: 'Twin' });
    expect(await t.core.dearchiveLead({ leadId: lead.id, listIds: null })).toMatchObject({ outcome: 'active', archived: { id: lead.id, firstName: FIELDS.firstName } });
    expect((await t.core.getLead(lead.id))?.firstName).toBe('Twin');
    expect(await t.core.getArchivedLead(lead.id)).not.toBeNull();
  });

  it("refuses to archive a lead on an agent's screen", async () => {
    const t = await setup();
    const { leadId } = await leadCall(t);
    expect(await refusal(t.core.archiveLead(leadId))).toMatchObject({ code: 'LEAD_REJECTED', details: { leadId, onScreen: true } });
    expect(await t.core.getLead(leadId)).not.toBeNull();
    expect(await t.core.getArchivedLead(leadId)).toBeNull();
  });
});
