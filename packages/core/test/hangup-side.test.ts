import { agent, trunk, legOf, loginPlain, loginWithConference, ORIGIN, createTestCore, type TestCore } from '@pbx-gateway/test-support';

// Who ended a customer call is the leg whose end the engine had first: the
// party that hung up, even when the gateway's own hang-up (the agent's
// command, a follow-up of the other leg's end, a bridging that found the
// leg gone) crossed it and the gateway heard of the two in either order.

async function setup(): Promise<TestCore> {
  return createTestCore({ directory: { agents: [agent('1000')], trunks: [trunk(1)] } });
}

const dial = (t: TestCore) => t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });

const ended = (legId: string, at: Date, byParty?: true) => ({ type: 'leg_ended' as const, legId, cause: 16, causeText: 'Normal Clearing', at, ...(byParty ? { byParty } : {}) });

/** A customer talking in agent 1000's conference. */
async function conferenceCall(t: TestCore): Promise<{ callId: string; customerId: string }> {
  await loginWithConference(t, '1000');
  const { callId } = await dial(t);
  const customerId = (await legOf(t, callId, 'customer')).id;
  await t.answer(customerId);
  return { callId, customerId };
}

describe("the agent's hang-up and the customer's crossing (conference)", () => {
  it("the customer's end heard first: the customer ended the call", async () => {
    const t = await setup();
    const { callId, customerId } = await conferenceCall(t);
    await t.endLeg(customerId);
    await t.core.hangupAgentCustomer({ agentId: '1000' }).catch(() => undefined);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'callee', hangupCause: 16 });
  });

  it("the agent's hang-up handled first, the engine having had the customer's: the customer ended the call", async () => {
    const t = await setup();
    const { callId, customerId } = await conferenceCall(t);
    await t.core.hangupAgentCustomer({ agentId: '1000' });
    expect(t.pbx.hungUp()).toEqual([customerId]);
    await t.emit(ended(customerId, t.clock.now(), true));
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'callee', hangupCause: 16 });
    expect(await t.core.getAgentSession('1000')).toMatchObject({ currentCallId: null });
  });

  it("the agent's hang-up reached the engine first: the gateway ended the call", async () => {
    const t = await setup();
    const { callId, customerId } = await conferenceCall(t);
    await t.core.hangupAgentCustomer({ agentId: '1000' });
    await t.emit(ended(customerId, t.clock.now()));
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'system' });
  });

  it('a customer gone before the gateway could bridge it ended the call itself', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { callId } = await dial(t);
    const customerId = (await legOf(t, callId, 'customer')).id;
    t.pbx.failNext('addToBridge');
    await t.answer(customerId);
    // The gateway hangs up what it could not bridge; the engine had the customer's hang-up already.
    expect(t.pbx.hungUp()).toEqual([customerId]);
    await t.emit(ended(customerId, t.clock.now(), true));
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'callee' });
  });
});

describe("the customer's end and the agent phone's (phone first)", () => {
  async function phoneFirstCall(t: TestCore): Promise<{ callId: string; agentLegId: string; customerId: string }> {
    await loginPlain(t, '1000');
    const { callId } = await dial(t);
    const agentLegId = (await legOf(t, callId, 'agent')).id;
    await t.answer(agentLegId);
    const customerId = (await legOf(t, callId, 'customer')).id;
    await t.answer(customerId);
    return { callId, agentLegId, customerId };
  }

  it("the phone the gateway hangs up after the customer's end never ended the call, even put down meanwhile", async () => {
    const t = await setup();
    const { callId, agentLegId, customerId } = await phoneFirstCall(t);
    await t.endLeg(customerId);
    expect(t.pbx.hungUp()).toEqual([agentLegId]);
    // The agent put the phone down before the gateway's hang-up reached it.
    await t.emit(ended(agentLegId, t.clock.now(), true));
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'callee' });
    expect(t.events.find((event) => event.type === 'AgentPhoneReleased')).toMatchObject({ by: 'agent' });
  });

  it.each([
    ['customer', 'callee'],
    ['agent', 'caller'],
  ] as const)('both hung up, the %s heard of first: the engine order decides (%s)', async (first, side) => {
    const t = await setup();
    const { callId, agentLegId, customerId } = await phoneFirstCall(t);
    const [one, two] = first === 'customer' ? [customerId, agentLegId] : [agentLegId, customerId];
    t.pbx.emit(ended(one, t.clock.now(), true));
    t.pbx.emit(ended(two, t.clock.now(), true));
    await t.settle();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: side });
  });
});
