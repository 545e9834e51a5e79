import type { Campaign } from '../src';
import { agent, campaign, createTestCore, legOf, loginWithConference, newLead, trunk, ORIGIN, type TestCore, domainErrorCode } from '@pbx-gateway/test-support';

// What a CRM asks of an agent's screen (VICIdial update_fields,
// refresh_panel, set_timer_action, switch_lead, st_login_log): the lead on
// the screen changed with the screen's request in one transaction, the
// inbound call's lead switched, the agent's facts set.

const CAMPAIGN: Campaign = campaign('TESTCAMP', { name: 'Test campaign', dialPrefix: '' });
const CALLER = '1718000000.42';

async function setup(): Promise<TestCore> {
  const t = await createTestCore({
    directory: {
      agents: [agent('1000', { attributes: { agentcall_manual: '1' } })],
      trunks: [trunk(1)],
      queues: [{ name: 'SALESLINE', strategy: 'longest_wait_time' }],
      didRoutes: [{ did: '2125550100', queueName: 'SALESLINE' }],
    },
  });
  await t.store.direct.campaigns.upsert(CAMPAIGN);
  return t;
}

/** Agent 1000 in its conference with a lead's call answered: the lead on the screen. */
async function leadOnScreen(t: TestCore): Promise<number> {
  await loginWithConference(t, '1000');
  return leadCall(t);
}

/** A lead's call of the logged-in agent 1000, answered. */
async function leadCall(t: TestCore): Promise<number> {
  const { lead } = await t.core.addLead({ campaignId: 'TESTCAMP', fields: { ...newLead(), phoneNumber: '7275551212' }, addedBy: '6666', dncChecks: { system: false, campaign: false } });
  const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: lead.phoneNumber, callerId: null, origin: ORIGIN, leadId: lead.id });
  await t.answer((await legOf(t, callId, 'customer')).id);
  return lead.id;
}

describe('changing the lead on the screen', () => {
  it('changes the fields given and asks the screen to reload; the same again changes nothing', async () => {
    const t = await setup();
    const leadId = await leadOnScreen(t);
    const request = { agentId: '1000', changes: { city: 'Frankfurt', rank: 0 }, screenRefresh: 'city,rank' };
    expect(await t.core.updateScreenLead(request)).toEqual({ leadId, leadChanged: true, screenChanged: true });
    expect(await t.core.getLead(leadId)).toMatchObject({ city: 'Frankfurt', rank: 0, modifyDate: t.clock.now() });
    expect((await t.core.getAgentSession('1000'))?.screenRefresh).toBe('city,rank');
    expect(await t.core.updateScreenLead(request)).toEqual({ leadId, leadChanged: false, screenChanged: false });
    expect(await t.core.updateScreenLead({ ...request, screenRefresh: 'city,rank,formreload' })).toEqual({ leadId, leadChanged: false, screenChanged: true });
  });

  it('refuses a value the lead cannot keep and changes nothing, the screen included', async () => {
    const t = await setup();
    const leadId = await leadOnScreen(t);
    const before = await t.core.getLead(leadId);
    const refused = t.core.updateScreenLead({ agentId: '1000', changes: { city: 'Paris', state: 'TOO LONG' }, screenRefresh: 'city,state' });
    await expect(refused).rejects.toMatchObject({ code: 'LEAD_REJECTED', details: { leadId, fields: 'state' } });
    expect(await t.core.getLead(leadId)).toEqual(before);
    expect((await t.core.getAgentSession('1000'))?.screenRefresh).toBeNull();
  });

  it('refuses an agent without a lead, and one not logged in', async () => {
    const t = await setup();
    expect(await domainErrorCode(t.core.updateScreenLead({ agentId: '1000', changes: { city: 'x' }, screenRefresh: 'city' }))).toBe('AGENT_NOT_LOGGED_IN');
    await loginWithConference(t, '1000');
    expect(await domainErrorCode(t.core.updateScreenLead({ agentId: '1000', changes: { city: 'x' }, screenRefresh: 'city' }))).toBe('NO_ACTIVE_LEAD');
  });
});

describe("the screen's panels and timer action", () => {
  it('keeps what the screen is to reload, saying whether it was asked already', async () => {
    const t = await setup();
    expect(await domainErrorCode(t.core.refreshAgentScreen({ agentId: '1000', items: 'formreload' }))).toBe('AGENT_NOT_LOGGED_IN');
    await loginWithConference(t, '1000');
    expect(await t.core.refreshAgentScreen({ agentId: '1000', items: 'formreload' })).toEqual({ changed: true });
    expect(await t.core.refreshAgentScreen({ agentId: '1000', items: 'formreload' })).toEqual({ changed: false });
    expect((await t.core.getAgentSession('1000'))?.screenRefresh).toBe('formreload');
  });

  it('sets and clears the timer action of the session', async () => {
    const t = await setup();
    expect(await domainErrorCode(t.core.setAgentTimerAction({ agentId: '1000', timerAction: null }))).toBe('AGENT_NOT_LOGGED_IN');
    await loginWithConference(t, '1000');
    const timerAction = { action: 'MESSAGE_ONLY', message: 'test message', seconds: 15 };
    await t.core.setAgentTimerAction({ agentId: '1000', timerAction });
    expect((await t.core.getAgentSession('1000'))?.timerAction).toEqual(timerAction);
    await t.core.setAgentTimerAction({ agentId: '1000', timerAction: null });
    expect((await t.core.getAgentSession('1000'))?.timerAction).toBeNull();
  });
});

describe("an agent's facts", () => {
  it('sets the attributes given and keeps the others; null for an unknown agent', async () => {
    const t = await setup();
    expect(await t.core.setAgentAttributes({ agentId: '1000', attributes: { custom_four: '207' } })).toMatchObject({ attributes: { custom_four: '207', agentcall_manual: '1' } });
    expect((await t.core.getAgent('1000'))?.attributes).toMatchObject({ custom_four: '207', agentcall_manual: '1' });
    expect(await t.core.setAgentAttributes({ agentId: 'nobody', attributes: { custom_four: '1' } })).toBeNull();
  });
});

describe('switching the lead of an inbound call', () => {
  async function inboundToAgent(t: TestCore): Promise<string> {
    await loginWithConference(t, '1000');
    await t.store.direct.sessions.update({ ...(await t.core.getAgentSession('1000'))!, campaignId: 'TESTCAMP' });
    await t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE'], blended: null });
    await t.callIn(CALLER, '2125550100', '5550123');
    const callId = (await t.core.getAgentSession('1000'))!.currentCallId!;
    expect((await t.core.getCall(callId))?.call).toMatchObject({ purpose: 'inbound', progress: { stage: 'connected' } });
    return callId;
  }

  it("puts the lead on the screen, in the call's log and on its recordings; the call ends in the lead's disposition", async () => {
    const t = await setup();
    const callId = await inboundToAgent(t);
    const { lead: first } = await t.core.addLead({ campaignId: 'TESTCAMP', fields: { ...newLead(), phoneNumber: '7275551212' }, addedBy: '6666', dncChecks: { system: false, campaign: false } });
    const { lead: second } = await t.core.addLead({ campaignId: 'TESTCAMP', fields: { ...newLead(), phoneNumber: '7275551213' }, addedBy: '6666', dncChecks: { system: false, campaign: false } });
    const { recording } = await t.core.startAgentRecording({ agentId: '1000' });
    expect(recording).toMatchObject({ callId, leadId: null });
    expect(await t.core.switchAgentLead({ agentId: '1000', leadId: first.id })).toEqual({ previousLeadId: null, lead: first });
    expect(await t.core.getLeadCall(callId)).toMatchObject({ callId, leadId: first.id, agentId: '1000', campaignId: 'TESTCAMP', phoneNumber: '5550123', status: null });
    expect(await t.core.switchAgentLead({ agentId: '1000', leadId: second.id })).toMatchObject({ previousLeadId: first.id, lead: { id: second.id } });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', lead: { leadId: second.id, callId } });
    expect(await t.core.getLeadCall(callId)).toMatchObject({ leadId: second.id });
    expect(await t.store.direct.recordings.get(recording.id)).toMatchObject({ callId, leadId: second.id });
    expect(await domainErrorCode(t.core.switchAgentLead({ agentId: '1000', leadId: 999 }))).toBe('INVALID_ARGUMENT');

    await t.endLeg(CALLER);
    await t.settle();
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', lead: { leadId: second.id } });
  });

  it('refuses an agent on no call, on an outbound call, and one not logged in', async () => {
    const t = await setup();
    expect(await domainErrorCode(t.core.switchAgentLead({ agentId: '1000', leadId: 1 }))).toBe('AGENT_NOT_LOGGED_IN');
    await loginWithConference(t, '1000');
    expect(await domainErrorCode(t.core.switchAgentLead({ agentId: '1000', leadId: 1 }))).toBe('NO_ACTIVE_CALL');
    await leadCall(t);
    expect(await domainErrorCode(t.core.switchAgentLead({ agentId: '1000', leadId: 1 }))).toBe('NO_ACTIVE_CALL');
  });
});
