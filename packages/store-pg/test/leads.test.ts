import { LEAD_FIELD_LENGTHS, type LeadFields } from '@pbx-gateway/core';
import { agent, at, call, campaign, newLead, openStore, session, type OpenStore } from './fixtures';

describe('campaigns, lists and leads', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  afterAll(() => ctx.dispose());

  it('stores a campaign with its settings and updates it in place', async () => {
    const stored = campaign('TESTCAMP', { useOtherCampaignDnc: 'OTHER', settings: { local_call_time: '9am-9pm' } });
    await ctx.store.direct.campaigns.upsert(stored);
    expect(await ctx.store.direct.campaigns.get('TESTCAMP')).toEqual(stored);
    await ctx.store.direct.campaigns.upsert({ ...stored, dialMethod: 'RATIO', manualDialListId: null });
    expect(await ctx.store.direct.campaigns.get('TESTCAMP')).toMatchObject({ dialMethod: 'RATIO', manualDialListId: null });
    expect(await ctx.store.direct.campaigns.get('NONE')).toBeNull();
    await ctx.store.direct.campaigns.upsert({ ...stored, id: 'ANOTHER' });
    expect((await ctx.store.direct.campaigns.list()).map((campaign) => campaign.id)).toEqual(['ANOTHER', 'TESTCAMP']);
  });

  it('stores lists of a campaign, refusing a list of no campaign', async () => {
    await ctx.store.direct.leadLists.upsert({ id: 998, name: 'Manual', campaignId: 'TESTCAMP', active: true });
    await ctx.store.direct.leadLists.upsert({ id: 998, name: 'Manual dial', campaignId: 'TESTCAMP', active: false });
    expect(await ctx.store.direct.leadLists.get(998)).toEqual({ id: 998, name: 'Manual dial', campaignId: 'TESTCAMP', active: false, settings: {} });
    await expect(ctx.store.direct.leadLists.upsert({ id: 999, name: 'x', campaignId: 'NONE', active: true })).rejects.toMatchObject({ code: '23503' });
  });

  it('numbers new leads from a sequence, after the leads numbered by hand', async () => {
    await ctx.store.direct.leads.put({ ...newLead(), id: 500 });
    const first = await ctx.store.direct.leads.insert(newLead({ phoneNumber: '7275550001' }));
    const second = await ctx.store.direct.leads.insert(newLead({ phoneNumber: '7275550002' }));
    expect([first.id, second.id]).toEqual([501, 502]);
    expect(await ctx.store.direct.leads.get(502)).toEqual({ ...newLead({ phoneNumber: '7275550002' }), id: 502 });
    expect(await ctx.store.direct.leads.get(9999)).toBeNull();
  });

  it('keeps quotes, backslashes and semicolons as data', async () => {
    const text = `O'Brien "the" \\ -- ; DROP TABLE leads`;
    const lead = await ctx.store.direct.leads.insert(newLead({ comments: text, vendorLeadCode: `a"b'c`, sourceId: `x'); --` }));
    expect(await ctx.store.direct.leads.get(lead.id)).toMatchObject({ comments: text, vendorLeadCode: `a"b'c`, sourceId: `x'); --` });
  });

  it('holds each field to its length, as the core checks it', async () => {
    for (const [name, length] of Object.entries(LEAD_FIELD_LENGTHS)) {
      const fits = await ctx.store.direct.leads.insert(newLead({ [name as keyof LeadFields]: 'x'.repeat(length) }));
      expect((await ctx.store.direct.leads.get(fits.id))?.[name as keyof LeadFields]).toBe('x'.repeat(length));
      await expect(ctx.store.direct.leads.insert(newLead({ [name as keyof LeadFields]: 'x'.repeat(length + 1) }))).rejects.toMatchObject({ code: '22001' });
    }
  });

  it('keeps the marks of leads called since their list\'s reset: counts the dialable ones, resets one list only', async () => {
    await ctx.store.direct.leadLists.upsert({ id: 970, name: 'Reset', campaignId: 'TESTCAMP', active: true });
    await ctx.store.direct.leadLists.upsert({ id: 971, name: 'Other', campaignId: 'TESTCAMP', active: true });
    await ctx.store.direct.leads.insert(newLead({ listId: 970 }));
    const called = await ctx.store.direct.leads.insert(newLead({ listId: 970, calledSinceLastReset: 'Y1', calledCount: 2 }));
    await ctx.store.direct.leads.insert(newLead({ listId: 970, status: 'NA', calledCount: 3 }));
    const elsewhere = await ctx.store.direct.leads.insert(newLead({ listId: 971, calledSinceLastReset: 'Y' }));
    expect(await ctx.store.direct.leads.get(called.id)).toMatchObject({ calledSinceLastReset: 'Y1' });
    expect(await ctx.store.direct.leads.countDialable(970, { statuses: ['NEW', 'NA'], calledFewerThan: null })).toBe(2);
    expect(await ctx.store.direct.leads.countDialable(970, { statuses: ['NEW', 'NA'], calledFewerThan: 3 })).toBe(1);
    expect(await ctx.store.direct.leads.countDialable(970, { statuses: ['NEW'], calledFewerThan: null })).toBe(1);
    expect(await ctx.store.direct.leads.resetCalledMarks(970)).toBe(1);
    expect(await ctx.store.direct.leads.countDialable(970, { statuses: ['NEW', 'NA'], calledFewerThan: null })).toBe(3);
    expect(await ctx.store.direct.leads.get(called.id)).toMatchObject({ calledSinceLastReset: 'N', calledCount: 2 });
    expect(await ctx.store.direct.leads.get(elsewhere.id)).toMatchObject({ calledSinceLastReset: 'Y' });
  });

  it('keeps a list\'s change time and last reset; an upsert that does not say them leaves them', async () => {
    await ctx.store.direct.leadLists.upsert({ id: 972, name: 'History', campaignId: 'TESTCAMP', active: true });
    expect(await ctx.store.direct.leadLists.get(972)).toEqual({ id: 972, name: 'History', campaignId: 'TESTCAMP', active: true, settings: {} });
    const changedAt = at('2024-05-03T09:00:00.000Z');
    await ctx.store.direct.leadLists.upsert({ id: 972, name: 'History', campaignId: 'TESTCAMP', active: true, changedAt, lastReset: { day: '2024-05-03', count: 2 } });
    await ctx.store.direct.leadLists.upsert({ id: 972, name: 'History renamed', campaignId: 'TESTCAMP', active: true });
    expect(await ctx.store.direct.leadLists.get(972)).toEqual({
      id: 972,
      name: 'History renamed',
      campaignId: 'TESTCAMP',
      active: true,
      settings: {},
      changedAt,
      lastReset: { day: '2024-05-03', count: 2 },
    });
  });

  it('reads a date of birth back as the day written, and updates a locked lead', async () => {
    const lead = await ctx.store.direct.leads.insert(newLead({ dateOfBirth: '1970-01-31' }));
    await ctx.store.transaction(async (tx) => {
      const locked = await tx.leads.lock(lead.id);
      await tx.leads.update({ ...locked!, status: 'SALE', user: '1000', calledCount: 1, modifyDate: at('2024-05-02T00:00:00.000Z') });
    });
    expect(await ctx.store.direct.leads.get(lead.id)).toMatchObject({ dateOfBirth: '1970-01-31', status: 'SALE', user: '1000', calledCount: 1 });
  });

  it('finds the campaign own status before the system one', async () => {
    const status = { status: 'CALLBK', campaignId: null, name: 'Call Back', selectable: true, scheduledCallback: true, humanAnswered: true, sale: false };
    await ctx.store.direct.leadStatuses.upsert(status);
    await ctx.store.direct.leadStatuses.upsert({ ...status, name: 'Call Back Later' });
    expect(await ctx.store.direct.leadStatuses.find('CALLBK', null)).toEqual({ ...status, name: 'Call Back Later' });
    expect(await ctx.store.direct.leadStatuses.find('CALLBK', 'TESTCAMP')).toEqual({ ...status, name: 'Call Back Later' });
    await ctx.store.direct.leadStatuses.upsert({ ...status, campaignId: 'TESTCAMP', scheduledCallback: false, name: 'Own' });
    expect(await ctx.store.direct.leadStatuses.find('CALLBK', 'TESTCAMP')).toMatchObject({ campaignId: 'TESTCAMP', name: 'Own' });
    expect(await ctx.store.direct.leadStatuses.find('CALLBK', 'OTHER')).toMatchObject({ campaignId: null });
    expect(await ctx.store.direct.leadStatuses.find('NOPE', 'TESTCAMP')).toBeNull();
  });

  it('keeps callbacks of a lead in the order they were made', async () => {
    const lead = await ctx.store.direct.leads.insert(newLead());
    const made = { leadId: lead.id, listId: 998, campaignId: 'TESTCAMP', state: 'ACTIVE' as const, status: 'CALLBK', recipient: 'USERONLY' as const, agentId: '1000', createdAt: at('2024-05-01T08:00:00.000Z') };
    const first = await ctx.store.direct.callbacks.insert({ ...made, callbackAt: at('2024-05-03T10:00:00.000Z'), comments: `call "after" 10` });
    const second = await ctx.store.direct.callbacks.insert({ ...made, callbackAt: at('2024-05-04T10:00:00.000Z'), comments: '' });
    expect(second.id).toBeGreaterThan(first.id);
    expect(await ctx.store.direct.callbacks.listForLead(lead.id)).toEqual([first, second]);
    expect(first).toMatchObject({ comments: `call "after" 10`, callbackAt: at('2024-05-03T10:00:00.000Z') });
  });

  it('changes a callback, removes the callbacks of a lead, and deletes a lead whose call record stays', async () => {
    await ctx.store.direct.agents.upsert(agent('1000'));
    await ctx.store.direct.calls.insert(call('agent-1000.d1', { agentId: '1000' }));
    const lead = await ctx.store.direct.leads.insert(newLead());
    const placed = { callId: 'agent-1000.d1', leadId: lead.id, campaignId: 'TESTCAMP', agentId: '1000', phoneNumber: '7275551212', status: null, startedAt: at('2024-05-01T08:00:00.000Z'), dispositionedAt: null };
    await ctx.store.direct.leadCalls.insert(placed);
    const made = { leadId: lead.id, listId: 998, campaignId: 'TESTCAMP', state: 'ACTIVE' as const, status: 'CALLBK', recipient: 'USERONLY' as const, agentId: '1000', createdAt: at('2024-05-01T08:00:00.000Z') };
    const callback = await ctx.store.direct.callbacks.insert({ ...made, callbackAt: at('2024-05-03T10:00:00.000Z'), comments: '' });
    await ctx.store.direct.callbacks.update({ ...callback, status: 'CBX', state: 'INACTIVE', comments: 'changed' });
    expect(await ctx.store.direct.callbacks.listForLead(lead.id)).toEqual([{ ...callback, status: 'CBX', state: 'INACTIVE', comments: 'changed' }]);
    await ctx.store.direct.callbacks.insert({ ...made, callbackAt: at('2024-05-04T10:00:00.000Z'), comments: '' });
    expect(await ctx.store.direct.callbacks.deleteForLead(lead.id)).toBe(2);
    expect(await ctx.store.direct.leads.delete(lead.id)).toBe(true);
    expect(await ctx.store.direct.leads.get(lead.id)).toBeNull();
    expect(await ctx.store.direct.leads.delete(lead.id)).toBe(false);
    expect(await ctx.store.direct.leadCalls.get('agent-1000.d1')).toEqual(placed);
  });

  it('finds call log entries by lead, disposition, number and start, the latest first', async () => {
    await ctx.store.direct.agents.upsert(agent('1000'));
    const lead = await ctx.store.direct.leads.insert(newLead());
    const entry = (callId: string, startedAt: string, status: string | null, phoneNumber = '7275554444') => ({
      callId, leadId: lead.id, campaignId: 'TESTCAMP', agentId: '1000', phoneNumber, status, startedAt: at(startedAt), dispositionedAt: null,
    });
    const entries = [entry('agent-1000.s1', '2024-06-01T08:00:00.000Z', 'SALE'), entry('agent-1000.s2', '2024-06-02T08:00:00.000Z', 'SALE'), entry('agent-1000.s3', '2024-06-02T09:00:00.000Z', null, '7275555555')];
    for (const placed of entries) {
      await ctx.store.direct.calls.insert(call(placed.callId, { agentId: '1000' }));
      await ctx.store.direct.leadCalls.insert(placed);
    }
    const ids = async (criteria: Parameters<typeof ctx.store.direct.leadCalls.search>[0], limit = 10) => (await ctx.store.direct.leadCalls.search(criteria, limit)).map((found) => found.callId);
    expect(await ids({ leadId: lead.id })).toEqual(['agent-1000.s3', 'agent-1000.s2', 'agent-1000.s1']);
    expect(await ids({ leadId: lead.id }, 1)).toEqual(['agent-1000.s3']);
    expect(await ids({ leadId: lead.id, status: 'SALE', from: at('2024-06-02T00:00:00.000Z'), to: at('2024-06-03T00:00:00.000Z') })).toEqual(['agent-1000.s2']);
    expect(await ids({ phoneNumber: '7275555555' })).toEqual(['agent-1000.s3']);
    expect(await ids({ leadId: lead.id, to: at('2024-06-01T08:00:00.000Z') })).toEqual([]);
    expect(await ids({ leadId: Number.MAX_SAFE_INTEGER + 2 })).toEqual([]);
    expect(await ctx.store.direct.leadCalls.search({ leadId: lead.id, status: 'SALE' }, 10)).toEqual([entries[1], entries[0]]);
  });

  it('tells system and campaign do-not-call numbers apart; adding twice is one entry', async () => {
    await ctx.store.direct.dnc.add({ phoneNumber: '7275551111', scope: { kind: 'system' } });
    await ctx.store.direct.dnc.add({ phoneNumber: '7275551111', scope: { kind: 'system' } });
    await ctx.store.direct.dnc.add({ phoneNumber: '7275552222', scope: { kind: 'campaign', campaignId: 'TESTCAMP' } });
    expect(await ctx.store.direct.dnc.contains({ kind: 'system' }, '7275551111')).toBe(true);
    expect(await ctx.store.direct.dnc.contains({ kind: 'campaign', campaignId: 'TESTCAMP' }, '7275551111')).toBe(false);
    expect(await ctx.store.direct.dnc.contains({ kind: 'campaign', campaignId: 'TESTCAMP' }, '7275552222')).toBe(true);
    expect(await ctx.store.direct.dnc.contains({ kind: 'campaign', campaignId: 'OTHER' }, '7275552222')).toBe(false);
    expect(await ctx.store.direct.dnc.contains({ kind: 'system' }, '7275552222')).toBe(false);
  });

  it('takes a do-not-call number off one list only, and says whether it was there', async () => {
    await ctx.store.direct.dnc.add({ phoneNumber: '7275553333', scope: { kind: 'system' } });
    await ctx.store.direct.dnc.add({ phoneNumber: '7275553333', scope: { kind: 'campaign', campaignId: 'TESTCAMP' } });
    expect(await ctx.store.direct.dnc.remove({ phoneNumber: '7275553333', scope: { kind: 'campaign', campaignId: 'OTHER' } })).toBe(false);
    expect(await ctx.store.direct.dnc.remove({ phoneNumber: '7275553333', scope: { kind: 'campaign', campaignId: 'TESTCAMP' } })).toBe(true);
    expect(await ctx.store.direct.dnc.contains({ kind: 'campaign', campaignId: 'TESTCAMP' }, '7275553333')).toBe(false);
    expect(await ctx.store.direct.dnc.contains({ kind: 'system' }, '7275553333')).toBe(true);
    expect(await ctx.store.direct.dnc.remove({ phoneNumber: '7275553333', scope: { kind: 'system' } })).toBe(true);
    expect(await ctx.store.direct.dnc.remove({ phoneNumber: '7275553333', scope: { kind: 'system' } })).toBe(false);
  });

  it('records a call placed for a lead and its disposition; a session holds its lead and a pending disposition', async () => {
    await ctx.store.direct.agents.upsert(agent('1000'));
    await ctx.store.direct.calls.insert(call('agent-1000.c1', { agentId: '1000' }));
    const lead = await ctx.store.direct.leads.insert(newLead());
    const placed = { callId: 'agent-1000.c1', leadId: lead.id, campaignId: 'TESTCAMP', agentId: '1000', phoneNumber: '7275551212', status: null, startedAt: at('2024-05-01T08:00:00.000Z'), dispositionedAt: null };
    await ctx.store.direct.leadCalls.insert(placed);
    await ctx.store.direct.leadCalls.update({ ...placed, status: 'SALE', dispositionedAt: at('2024-05-01T08:05:00.000Z') });
    expect(await ctx.store.direct.leadCalls.get('agent-1000.c1')).toEqual({ ...placed, status: 'SALE', dispositionedAt: at('2024-05-01T08:05:00.000Z') });

    const working = session('1000', {
      state: 'in_call',
      currentCallId: 'agent-1000.c1',
      lead: { leadId: lead.id, callId: 'agent-1000.c1' },
      pendingDisposition: { status: 'CALLBK', callback: { at: at('2024-05-03T10:00:00.000Z'), recipient: 'ANYONE', comments: `"x"` } },
    });
    await ctx.store.direct.sessions.insert(working);
    expect(await ctx.store.direct.sessions.get('1000')).toEqual(working);
    await ctx.store.direct.sessions.update({ ...working, lead: null, pendingDisposition: null });
    expect(await ctx.store.direct.sessions.get('1000')).toMatchObject({ lead: null, pendingDisposition: null });
  });
});
