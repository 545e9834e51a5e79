import type { DomainEvent } from '../src';
import { agent, trunk, legOf, legsOf, loginWithConference, ORIGIN, createTestCore, type TestCore } from '@pbx-gateway/test-support';

// An agent's timer action (VICIdial set_timer_action): due once, `seconds`
// after the customer answered the agent's call, on the fake clock.

async function setup(): Promise<TestCore> {
  return createTestCore({ directory: { agents: [agent('1000')], trunks: [trunk(1, { callerIdPool: ['2120280001'] })] } });
}

/** Agent 1000 in its conference, on a call with 5550100 that the customer answers now. */
async function answeredCall(t: TestCore): Promise<{ callId: string; customerId: string }> {
  const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: '2120289999', origin: ORIGIN });
  const customer = await legOf(t, callId, 'customer');
  await t.answer(customer.id);
  return { callId, customerId: customer.id };
}

const dueEvents = (t: TestCore) => t.events.filter((event): event is Extract<DomainEvent, { type: 'AgentTimerActionDue' }> => event.type === 'AgentTimerActionDue');

describe('timer action', () => {
  it('set before the call: due once, `seconds` after the customer answered, then used up', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    await t.core.setAgentTimerAction({ agentId: '1000', timerAction: { action: 'MESSAGE_ONLY', message: 'test message', seconds: 15, dialNumber: null } });
    const { callId } = await answeredCall(t);
    const answeredAt = t.clock.now().getTime();
    await t.advance(14_999);
    expect(dueEvents(t)).toEqual([]);
    await t.advance(1);
    expect(dueEvents(t)).toEqual([{ type: 'AgentTimerActionDue', agentId: '1000', callId, action: 'MESSAGE_ONLY', message: 'test message', dialedLegId: null, at: new Date(answeredAt + 15_000) }]);
    expect((await t.core.getAgentSession('1000'))?.timerAction).toBeNull();
    await t.advance(60_000);
    expect(dueEvents(t)).toHaveLength(1);
  });

  it('a preset dial: the number is dialled into the call as a third party and joins the conference', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { callId, customerId } = await answeredCall(t);
    await t.advance(20_000);
    // Set during the call for a second already past: due at once.
    await t.core.setAgentTimerAction({ agentId: '1000', timerAction: { action: 'D1_DIAL', message: '', seconds: 10, dialNumber: '5550400' } });
    await t.advance(0);
    const third = (await legsOf(t, callId)).find((leg) => leg.role === 'third_party');
    expect(third).toMatchObject({ dialedNumber: '5550400', callerNumber: '2120289999', state: 'dialing' });
    expect(dueEvents(t)).toEqual([expect.objectContaining({ action: 'D1_DIAL', dialedLegId: third!.id })]);
    await t.answer(third!.id);
    expect(t.pbx.bridges.get('agent-1000.conference')!.legIds).toEqual(expect.arrayContaining([customerId, third!.id]));
  });

  it('replaced or cleared before it is due: the old one does nothing', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { callId } = await answeredCall(t);
    await t.core.setAgentTimerAction({ agentId: '1000', timerAction: { action: 'D1_DIAL', message: '', seconds: 10, dialNumber: '5550400' } });
    await t.core.setAgentTimerAction({ agentId: '1000', timerAction: { action: 'MESSAGE_ONLY', message: 'later', seconds: 30, dialNumber: null } });
    await t.advance(29_000);
    expect(dueEvents(t)).toEqual([]);
    await t.advance(1_000);
    expect(dueEvents(t)).toEqual([expect.objectContaining({ callId, action: 'MESSAGE_ONLY', message: 'later' })]);
    await t.core.setAgentTimerAction({ agentId: '1000', timerAction: { action: 'D1_DIAL', message: '', seconds: 40, dialNumber: '5550400' } });
    await t.core.setAgentTimerAction({ agentId: '1000', timerAction: null });
    await t.advance(20_000);
    expect(dueEvents(t)).toHaveLength(1);
    expect((await legsOf(t, callId)).some((leg) => leg.role === 'third_party')).toBe(false);
  });

  it('without a second, or with a third party already on the call: nothing is dialled', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { callId } = await answeredCall(t);
    await t.core.setAgentTimerAction({ agentId: '1000', timerAction: { action: 'D2_DIAL', message: '', seconds: null, dialNumber: '5550400' } });
    await t.advance(120_000);
    expect(dueEvents(t)).toEqual([]);
    const { legId } = await t.core.dialThirdParty({ agentId: '1000', number: '5550200', callerId: null });
    await t.core.setAgentTimerAction({ agentId: '1000', timerAction: { action: 'D2_DIAL', message: '', seconds: 5, dialNumber: '5550400' } });
    await t.advance(0);
    expect(dueEvents(t)).toEqual([expect.objectContaining({ action: 'D2_DIAL', dialedLegId: null })]);
    expect((await legsOf(t, callId)).filter((leg) => leg.role === 'third_party').map((leg) => leg.id)).toEqual([legId]);
  });

  it('is armed again after a restart, for the rest of its wait', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { callId } = await answeredCall(t);
    await t.core.setAgentTimerAction({ agentId: '1000', timerAction: { action: 'MESSAGE_ONLY', message: 'after restart', seconds: 30, dialNumber: null } });
    await t.advance(10_000);
    const restarted = t.restartGateway();
    await restarted.emit({ type: 'pbx_connected', at: restarted.clock.now() });
    await restarted.advance(19_999);
    expect(dueEvents(restarted)).toEqual([]);
    await restarted.advance(1);
    expect(dueEvents(restarted)).toEqual([expect.objectContaining({ callId, message: 'after restart' })]);
  });
});
