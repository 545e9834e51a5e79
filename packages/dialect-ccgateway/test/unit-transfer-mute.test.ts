import { agent, hashOf, legOf } from '@pbx-gateway/test-support';
import { drainEvents, putInCall, unitApp, type UnitApp } from './unit-app';
import { BASE, failure, HUAWEI_SIGN_IN_SAMPLE, SUCCESS } from './wire-client';

const VC = `${BASE}/voicecall/101`;

/** Skill `11`, and the agent-direct queue through which a call reaches one named agent. */
const DIRECTORY = {
  agents: [agent('101', { secretHash: hashOf('') }), agent('102', { secretHash: hashOf('Agent@102') })],
  queues: [
    { name: '11', strategy: 'longest_wait_time' },
    { name: 'AGENTDIRECT', strategy: 'longest_wait_time' },
  ],
};

async function inCall(): Promise<UnitApp & { guid: string; callId: string }> {
  const app = await unitApp({}, DIRECTORY);
  const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
  const { callId } = await putInCall(app.t);
  await drainEvents(app, '101', guid);
  return { ...app, guid, callId };
}

const transfer = (app: UnitApp & { guid: string }, body: unknown) => app.http.post(`${VC}/transfer`).set('Guid', app.guid).send(body as object);
const post = (app: UnitApp & { guid: string }, name: string) => app.http.post(`${VC}/${name}`).set('Guid', app.guid);
/** confjoin names the held call in its body (Huawei `cec_07_1245`). */
const confJoin = (app: UnitApp & { guid: string }, body: Record<string, unknown>) => app.http.post(`${VC}/confjoin`).set('Guid', app.guid).send(body);

describe('CC-Gateway transfer', () => {
  test('to a skill (devicetype 1, release): the customer waits in the skill queue; the agent is free at once (Ready), then its part ends: Call_Release, phone released', async () => {
    const app = await inCall();
    const customer = await legOf(app.t, app.callId, 'customer');
    expect((await transfer(app, { devicetype: 1, address: '11', mode: 0 })).text).toBe(SUCCESS);
    await app.t.settle();
    await app.t.confirmHangups();
    const queued = (await app.t.core.getCall(app.callId))?.call.progress as { transferredTo?: string };
    expect(queued.transferredTo).toBeTruthy();
    const waiting = await app.t.core.getCall(queued.transferredTo!);
    expect(waiting?.call).toMatchObject({ purpose: 'inbound', state: 'answered' });
    expect(waiting?.legs.map((leg) => leg.id)).toContain(customer.id);
    const events = await drainEvents(app, '101', app.guid);
    expect(events).toEqual(['AgentState_Ready', `AgentEvent_Call_Release {"callid":"${app.callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}']);
    expect((await app.t.core.getAgentSession('101'))?.currentCallId).toBeNull();
  });

  test('an agent that asked for wrap-up after calls (autoenteridle false) goes to wrap-up', async () => {
    const app = await inCall();
    expect((await app.http.post(`${BASE}/onlineagent/101/autoenteridle/false`).set('Guid', app.guid)).text).toBe(SUCCESS);
    expect((await transfer(app, { devicetype: 1, address: '11', mode: 0 })).text).toBe(SUCCESS);
    await app.t.settle();
    expect((await drainEvents(app, '101', app.guid))[0]).toBe('AgentState_Work');
    expect((await app.t.core.getAgentSession('101'))?.state).toBe('wrap_up');
  });

  test('to an agent (devicetype 2, release mode): queued in the agent-direct queue for that agent alone', async () => {
    const app = await inCall();
    expect((await transfer(app, { devicetype: '2', address: '102', mode: '0' })).text).toBe(SUCCESS);
    await app.t.settle();
    const queuedId = ((await app.t.core.getCall(app.callId))?.call.progress as { transferredTo?: string }).transferredTo!;
    expect((await app.t.core.getCall(queuedId))?.call).toMatchObject({ purpose: 'inbound', progress: { queueName: 'AGENTDIRECT', forAgentId: '102' } });
  });

  test('to an agent (devicetype 2, success mode): the customer is held, still the agent\'s, while the agent-direct queue is dialled for that agent; the agent unable to take it gives the customer back (result 1)', async () => {
    const app = await inCall();
    const customer = await legOf(app.t, app.callId, 'customer');
    // The dial's ;1 half answers only with its ;2 half (below), not as a number that answers.
    app.t.pbx.setOtherNumbers(null);
    expect((await transfer(app, { devicetype: '2', address: '102', mode: '2' })).text).toBe(SUCCESS);
    await app.t.settle();
    const { call, legs } = (await app.t.core.getCall(app.callId))!;
    const third = legs.find((leg) => leg.role === 'third_party')!;
    expect(third).toMatchObject({ endpoint: 'Local/s@gateway-queue', dialedNumber: 'AGENTDIRECT' });
    expect(app.t.pbx.originated().find((dial) => dial.legId === third.id)).toMatchObject({ variables: { GATEWAY_QUEUE: 'AGENTDIRECT', GATEWAY_AGENT: '102', GATEWAY_ANSWER: 'taken' } });
    expect(call.progress).toMatchObject({ parkedLegIds: [customer.id], pendingTransfer: { legId: third.id } });
    expect((await app.t.core.getAgentSession('101'))?.currentCallId).toBe(app.callId);
    expect(await drainEvents(app, '101', app.guid)).toEqual([]);

    // The dialplan half arrives for agent 102, who is not signed in: it is released, and the engine ends the other half with it.
    const halfId = `${third.id};2`;
    const channelName = 'Local/s@gateway-queue-00000001;2';
    app.t.pbx.arrive(halfId, channelName);
    await app.t.emit({ type: 'leg_arrived', legId: halfId, channelName, callerNumber: '5550100', callerName: '', dialed: 's', args: ['queue', 'AGENTDIRECT', '', '102', '5550100', 'taken'], at: app.t.clock.now() });
    expect(app.t.pbx.hungUp()).toContain(halfId);
    await app.t.confirmHangups();
    await app.t.endLeg(third.id, 16, 'Normal Clearing');
    await app.t.settle();
    expect(await drainEvents(app, '101', app.guid)).toEqual([`AgentEvent_SuccTransResult {"result":1,"callId":"${app.callId}"}`]);
    expect((await app.t.core.getAgentSession('101'))?.currentCallId).toBe(app.callId);
    expect((await app.t.core.getCall(app.callId))?.call.progress).toMatchObject({ parkedLegIds: [], pendingTransfer: null });
  });

  test('to a number (devicetype 5, success mode): the customer is held while the number rings; its answer tells the agent (result 0) and frees it', async () => {
    const app = await inCall();
    const customer = await legOf(app.t, app.callId, 'customer');
    app.t.pbx.setNumber('5550177', { outcome: 'noanswer' });
    expect((await transfer(app, { devicetype: 5, address: '5550177', mode: 2, caller: '2120280009' })).text).toBe(SUCCESS);
    await app.t.settle();
    const third = await legOf(app.t, app.callId, 'third_party');
    expect(third).toMatchObject({ endpoint: expect.stringContaining('5550177') });
    expect((await app.t.core.getCall(app.callId))?.call.progress).toMatchObject({ parkedLegIds: [customer.id] });
    expect((await app.t.core.getAgentSession('101'))?.currentCallId).toBe(app.callId);
    expect(await drainEvents(app, '101', app.guid)).toEqual([`AgentEvent_Customer_Alerting {"callid":"${app.callId}","otherPhone":"5550177","otherPhoneWorkno":"","type":"main"}`]);
    await app.t.answer(third.id);
    await app.t.settle();
    await app.t.confirmHangups();
    expect((await app.t.core.getCall(app.callId))?.call.progress).toMatchObject({ agentLeft: true, parkedLegIds: [] });
    expect(await drainEvents(app, '101', app.guid)).toEqual([
      `AgentEvent_SuccTransResult {"result":0,"callId":"${app.callId}"}`,
      'AgentState_Ready',
      `AgentEvent_Call_Release {"callid":"${app.callId}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
    ]);
  });

  test.each(['busy', 'noanswer'] as const)('to a number (success mode) that fails (%s): the customer comes back to the agent, told by a non-zero result', async (outcome) => {
    const app = await inCall();
    app.t.pbx.setNumber('5550177', { outcome });
    expect((await transfer(app, { devicetype: 5, address: '5550177', mode: 2 })).text).toBe(SUCCESS);
    await app.t.settle();
    const third = await legOf(app.t, app.callId, 'third_party');
    // The ring time over: the engine gives up on the number.
    if (outcome === 'noanswer') await app.t.endLeg(third.id, 19, 'No answer');
    await app.t.settle();
    expect(await drainEvents(app, '101', app.guid)).toEqual([
      `AgentEvent_Customer_Alerting {"callid":"${app.callId}","otherPhone":"5550177","otherPhoneWorkno":"","type":"main"}`,
      `AgentEvent_SuccTransResult {"result":1,"callId":"${app.callId}"}`,
    ]);
    expect((await app.t.core.getCall(app.callId))?.call).toMatchObject({ state: 'answered', progress: { parkedLegIds: [] } });
    expect((await app.t.core.getAgentSession('101'))?.currentCallId).toBe(app.callId);
  });

  test('talk transfer (devicetype 5, mode 3) then confjoin: the customer is held while the agent consults, then all three talk', async () => {
    const app = await inCall();
    expect((await confJoin(app, { callid: app.callId })).text).toBe(failure('200-011', 'no held call for a three-party call'));
    expect((await transfer(app, { devicetype: 5, address: '5550177', mode: 3 })).text).toBe(SUCCESS);
    await app.t.settle();
    const customer = await legOf(app.t, app.callId, 'customer');
    expect((await app.t.core.getCall(app.callId))?.call.progress).toMatchObject({ parkedLegIds: [customer.id] });
    // The consulted party rings and answers as a callout's customer does.
    expect(await drainEvents(app, '101', app.guid)).toEqual([
      `AgentEvent_Customer_Alerting {"callid":"${app.callId}","otherPhone":"5550177","otherPhoneWorkno":"","type":"main"}`,
      expect.stringMatching(new RegExp(`^AgentEvent_Talking \\{"caller":"[0-9]*","called":"5550177","callid":"${app.callId.replace(/\./g, '\\.')}","feature":"7","type":"main","mediaAbility":"1"\\}$`)),
    ]);
    // The body names the held call: missing, blank or another call's id is refused, and nothing moves.
    expect((await post(app, 'confjoin')).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await confJoin(app, {})).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await confJoin(app, { callid: ' ' })).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await confJoin(app, { callid: app.callId, callappdata: 'x'.repeat(16_385) })).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await confJoin(app, { callid: 'another-call' })).text).toBe(failure('200-011', 'no held call for a three-party call'));
    expect((await app.t.core.getCall(app.callId))?.call.progress).toMatchObject({ parkedLegIds: [customer.id] });
    expect((await confJoin(app, { callid: app.callId, callappdata: '' })).text).toBe(SUCCESS);
    await app.t.settle();
    expect((await app.t.core.getCall(app.callId))?.call.progress).toMatchObject({ parkedLegIds: [] });
    const customerNumber = (await app.t.core.getCall(app.callId))!.call.toNumber;
    expect(await drainEvents(app, '101', app.guid)).toEqual([`AgentEvent_Conference {"callid":"${app.callId}","partner":"${customerNumber},5550177"}`]);
    expect((await legOf(app.t, app.callId, 'third_party')).state).toBe('up');
  });

  test.each([
    [{}],
    [{ devicetype: 1, mode: 0 }],
    [{ devicetype: 1, address: '11' }],
    [{ devicetype: 3, address: '11', mode: 0 }],
    [{ devicetype: 1, address: '11', mode: 3 }],
    [{ devicetype: 1, address: 'abc', mode: 0 }],
    [{ devicetype: 5, address: '5550177', mode: 0 }],
    [{ devicetype: 5, address: '555-0177', mode: 2 }],
    [{ devicetype: 5, address: '1'.repeat(25), mode: 2 }],
    [{ devicetype: 5, address: '5550177', mode: 2, caller: 'x' }],
    [{ devicetype: 1, address: '99', mode: 0 }],
    [{ devicetype: 2, address: '999', mode: 0 }],
  ])('000-002: %j', async (body) => {
    const app = await inCall();
    expect((await transfer(app, body)).text).toBe(failure('000-002', 'invalid parameter'));
  });

  test('200-012 without a call; 100-006 without a GUID', async () => {
    const app = await unitApp({}, DIRECTORY);
    const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
    expect((await transfer({ ...app, guid }, { devicetype: 1, address: '11', mode: 0 })).text).toBe(failure('200-012', 'no call to transfer'));
    expect((await app.http.post(`${VC}/transfer`).send({ devicetype: 1, address: '11', mode: 0 })).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('confjoin: 200-010 without a call; 100-006 without a GUID', async () => {
    const app = await unitApp({}, DIRECTORY);
    const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
    expect((await confJoin({ ...app, guid }, { callid: '1455885056-1095' })).text).toBe(failure('200-010', 'no call for a three-party call'));
    expect((await app.http.post(`${VC}/confjoin`).send({ callid: '1455885056-1095' })).text).toBe(failure('100-006', 'agent not signed in'));
  });
});

describe('CC-Gateway connecthold / disconnect', () => {
  test('no call: 200-013 / 200-023; a malformed number: 000-002; no GUID: 100-006', async () => {
    const app = await unitApp({}, DIRECTORY);
    const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
    expect((await post({ ...app, guid }, 'connecthold/1')).text).toBe(failure('200-013', 'no call to hold'));
    expect((await post({ ...app, guid }, 'disconnect/5550199')).text).toBe(failure('200-023', 'no call to release a connection of'));
    expect((await post({ ...app, guid }, 'disconnect/555x')).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await post({ ...app, guid }, `disconnect/${'1'.repeat(25)}`)).text).toBe(failure('000-002', 'invalid parameter'));
    expect((await app.http.post(`${VC}/connecthold/1`)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await app.http.post(`${VC}/disconnect/5550199`)).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('in a call with nobody consulted: connecthold 200-014, disconnect 200-024; the call goes on', async () => {
    const app = await inCall();
    expect((await post(app, `connecthold/${app.callId}`)).text).toBe(failure('200-014', 'call state does not allow hold'));
    expect((await post(app, 'disconnect/5550199')).text).toBe(failure('200-024', 'no such number to release in the call'));
    expect((await app.t.core.getAgentSession('101'))?.currentCallId).toBe(app.callId);
  });
});

describe('CC-Gateway disconnect of the customer and of the agent itself (Huawei cec_07_1248)', () => {
  /** Agent 101 consulting 5550177 (a talk transfer) with its customer 5550100 held. */
  async function consulting(): Promise<UnitApp & { guid: string; callId: string; customerId: string; partyId: string }> {
    const app = await inCall();
    expect((await transfer(app, { devicetype: 5, address: '5550177', mode: 3 })).text).toBe(SUCCESS);
    await app.t.settle();
    await drainEvents(app, '101', app.guid);
    return { ...app, customerId: (await legOf(app.t, app.callId, 'customer')).id, partyId: (await legOf(app.t, app.callId, 'third_party')).id };
  }

  test("the held customer of a callout, by its number: it is hung up, agent and consulted party talk on in the call, whose customer the party is now", async () => {
    const app = await consulting();
    app.t.pbx.clearCommands();
    expect((await post(app, 'disconnect/5550100')).text).toBe(SUCCESS);
    await app.t.settle();
    expect(app.t.pbx.describe()).toContain(`hangup ${app.customerId}`);
    await app.t.confirmHangups();
    const { call, legs } = (await app.t.core.getCall(app.callId))!;
    expect(call.state).not.toBe('ended');
    expect(legs.find((leg) => leg.id === app.customerId)).toMatchObject({ state: 'ended' });
    expect(legs.find((leg) => leg.id === app.partyId)).toMatchObject({ role: 'customer', state: 'up' });
    expect(call.progress).toMatchObject({ thirdPartyLegId: null, parkedLegIds: [] });
    expect((await app.t.core.getAgentSession('101'))?.currentCallId).toBe(app.callId);
    // The released customer is no call release for the agent, who talks on.
    expect(await drainEvents(app, '101', app.guid)).toEqual([]);
    // The party hanging up now ends the call, as a customer's hang-up does.
    await app.t.endLeg(app.partyId, 16);
    await app.t.settle();
    await app.t.confirmHangups();
    expect((await app.t.core.getCall(app.callId))?.call.state).toBe('ended');
    expect(await drainEvents(app, '101', app.guid)).toEqual([`AgentEvent_Customer_Release {"callid":"${app.callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}', 'AgentState_Ready']);
    expect(await app.t.core.getCdrOfCall(app.callId)).toMatchObject({ agentId: '101', toNumber: '5550100' });
  });

  test('connecthold: the held customer connected with the consulted party leaves the agent (Customer_Release), then the agent is released', async () => {
    const app = await consulting();
    expect((await post(app, `connecthold/${app.callId}`)).text).toBe(SUCCESS);
    await app.t.settle();
    await app.t.confirmHangups();
    expect(await drainEvents(app, '101', app.guid)).toEqual([
      `AgentEvent_Customer_Release {"callid":"${app.callId}"}`,
      'AgentState_Ready',
      `AgentEvent_Call_Release {"callid":"${app.callId}"}`,
      'AgentOther_PhoneRelease {"phoneState":3}',
    ]);
    expect((await app.t.core.getCall(app.callId))?.call.state).not.toBe('ended');
  });

  test("the agent's own phone number, with a party consulted: the agent leaves, customer and party talk on (as connecthold)", async () => {
    const app = await consulting();
    expect((await post(app, 'disconnect/40038')).text).toBe(SUCCESS);
    await app.t.settle();
    await app.t.confirmHangups();
    expect(await drainEvents(app, '101', app.guid)).toEqual(['AgentState_Ready', `AgentEvent_Call_Release {"callid":"${app.callId}"}`, 'AgentOther_PhoneRelease {"phoneState":3}']);
    const { call, legs } = (await app.t.core.getCall(app.callId))!;
    expect(call.state).not.toBe('ended');
    expect(legs.filter((leg) => leg.state === 'up').map((leg) => leg.id).sort()).toEqual([app.customerId, app.partyId].sort());
  });

  test('the customer without a consulted party, or the agent alone on its call: 200-024, the call goes on', async () => {
    const app = await inCall();
    expect((await post(app, 'disconnect/5550100')).text).toBe(failure('200-024', 'no such number to release in the call'));
    expect((await post(app, 'disconnect/40038')).text).toBe(failure('200-024', 'no such number to release in the call'));
    expect((await app.t.core.getCall(app.callId))?.call.state).not.toBe('ended');
  });
});

describe('CC-Gateway beginmute / endmute', () => {
  test("the agent's leg is muted on the engine and unmuted again; repeated requests are refused", async () => {
    const app = await inCall();
    const agentLeg = await legOf(app.t, app.callId, 'agent');
    expect((await post(app, 'endmute')).text).toBe(failure('200-008', 'call state does not allow unmute'));
    expect((await post(app, 'beginmute')).text).toBe(SUCCESS);
    await app.t.settle();
    expect(app.t.pbx.describe()).toContain(`setMuted ${agentLeg.id} on`);
    expect((await app.t.core.getCall(app.callId))?.call.progress).toMatchObject({ agentMuted: true });
    expect((await post(app, 'beginmute')).text).toBe(failure('200-004', 'call state does not allow mute'));
    expect((await post(app, 'endmute')).text).toBe(SUCCESS);
    await app.t.settle();
    expect(app.t.pbx.describe()).toContain(`setMuted ${agentLeg.id} off`);
    expect((await app.t.core.getCall(app.callId))?.call.progress).toMatchObject({ agentMuted: false });
  });

  test('200-003 / 200-007 without a call; 100-006 without a GUID', async () => {
    const app = await unitApp({}, DIRECTORY);
    const guid = await app.signIn('101', HUAWEI_SIGN_IN_SAMPLE);
    expect((await post({ ...app, guid }, 'beginmute')).text).toBe(failure('200-003', 'no call to mute'));
    expect((await post({ ...app, guid }, 'endmute')).text).toBe(failure('200-007', 'no call to unmute'));
    expect((await app.http.post(`${VC}/beginmute`)).text).toBe(failure('100-006', 'agent not signed in'));
    expect((await app.http.post(`${VC}/endmute`)).text).toBe(failure('100-006', 'agent not signed in'));
  });

  test('100-007 when the engine is away', async () => {
    const app = await inCall();
    app.t.pbx.setAvailable(false);
    expect((await post(app, 'beginmute')).text).toBe(failure('100-007', 'internal error while executing the agent operation'));
  });
});
