import { agent, createTestCore, legOf, loginPlain, ORIGIN, trunk, type TestCore } from '../src';

/** The test core is the real core: scripted far ends drive it the way engine events do. */
async function agentReady(): Promise<TestCore> {
  const t = await createTestCore({ directory: { agents: [agent('1000')], trunks: [trunk(1)] } });
  await loginPlain(t, '1000');
  return t;
}

describe('createTestCore', () => {
  it('starts the clock at the fixed start time and hands out sequential ids', async () => {
    const t = await createTestCore();
    expect(t.clock.now().toISOString()).toBe('2024-03-01T09:00:00.000Z');
    expect([t.ids.newId(), t.ids.newId()]).toEqual(['id-1', 'id-2']);
  });

  it('lets dialled legs wait for the test while no far end is scripted', async () => {
    const t = await agentReady();
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    await t.settle();
    expect((await legOf(t, callId, 'agent')).state).toBe('dialing');
  });

  it('connects a call whose phone and number answer when scripted to', async () => {
    const t = await agentReady();
    t.pbx.setPhone('1000', { outcome: 'answer' });
    t.pbx.setOtherNumbers({ outcome: 'answer' });
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    await t.settle();
    expect((await t.core.getCall(callId))?.call.answeredAt).toEqual(t.clock.now());
    expect((await t.core.getAgentSession('1000'))?.state).toBe('in_call');
    expect(t.pbx.describe()).toContain('originate agent-1000.id-2.2 PJSIP/5550100@upc');
  });

  it('ends the call with the busy cause when the number is busy, leaving its CDR', async () => {
    const t = await agentReady();
    t.pbx.setPhone('1000', { outcome: 'answer' });
    t.pbx.setNumber('5550100', { outcome: 'busy' });
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    await t.settle();
    await t.confirmHangups();
    const cdr = await t.core.getCdrOfCall(callId);
    expect(cdr).toMatchObject({ hangupCause: 17, hangupCauseText: 'User busy', billsec: 0 });
  });

  it('delivers the keys and the hang-up of a far end', async () => {
    const t = await agentReady();
    t.pbx.setPhone('1000', { outcome: 'answer' });
    t.pbx.setOtherNumbers({ outcome: 'answer', dtmf: '12', hangsUp: true });
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    await t.settle();
    await t.confirmHangups();
    expect(t.eventTypes('CallEnded')).toEqual(['CallEnded']);
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupCause: 16, hangupSide: 'callee' });
  });

  it('rings a phone that does not answer until the test answers it', async () => {
    const t = await agentReady();
    t.pbx.setPhone('1000', { outcome: 'noanswer' });
    const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
    await t.settle();
    const phone = await legOf(t, callId, 'agent');
    expect(phone.state).toBe('ringing');
    t.pbx.hangupFarEnd(phone.id, 21);
    await t.settle();
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupCause: 21, hangupCauseText: 'Call Rejected' });
  });
});
