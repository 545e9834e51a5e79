import type { Cdr } from '@pbx-gateway/core';
import type { IncomingCall, TestGateway } from '@pbx-gateway/test-support';
import { agentGet, agentPhone, agentsFree, AUTH, bridgeHolds, expectVicidialAnswer, EXTRA_PROVISIONING, sharedGateway, wireId } from './support/vicidial-test-kit';

// ra_call_control, transfer_conference and park_call on an inbound call
// (spec §3.2): a caller on the demo DID 2125550100 waits in in-group TEST_IN
// and reaches the session conference of agent 1000, who hangs it up,
// transfers it (to a number, into in-group CLOSERS, to agent 102 through
// AGENTDIRECT), talks in a 3-way call with a third party, or parks the
// caller, as on a call the agent placed. The caller's leg moves or ends on
// the engine; each call leaves the CDRs the same operation leaves on a
// callout. Agent 102 (in-group CLOSERS, its own conference) takes the
// callers transferred into CLOSERS.

/** The DID of in-group TEST_IN2, whose agent 101 answers on its phone. */
const PHONE_DID = '2125550102';
const gateway = sharedGateway({
  agentInConference: '1000',
  overrides: {
    // The message LEAVE_VM leaves with the caller: a short one, which ends by itself.
    dialects: { vicidial: { voicemailMessage: 'hello-world' } },
    extraProvisioning: {
      ...EXTRA_PROVISIONING,
      queues: [{ name: 'CLOSERS', strategy: 'longest_wait_time', mohClass: 'default' }],
      didRoutes: [{ did: PHONE_DID, queue: 'TEST_IN2' }],
      // The demo campaign, with CLOSERS as its default transfer group.
      campaigns: [{ id: 'TESTCAMP', name: 'Test campaign', dialMethod: 'MANUAL', allowInbound: true, manualDialListId: 101, apiManualDial: 'STANDARD', dialPrefix: '', defaultXferGroup: 'CLOSERS' }],
      sessions: [
        ...(EXTRA_PROVISIONING.sessions ?? []),
        { agentId: '102', via: 'vicidial', conferenceNumber: '8600052', connectPhone: true, campaignId: 'TESTCAMP', queues: ['CLOSERS'] },
        // Without a session conference: its phone (PJSIP/101) is rung for the callers of in-group TEST_IN2.
        { agentId: '101', via: 'vicidial', campaignId: 'TESTCAMP', queues: ['TEST_IN2'] },
      ],
    },
  },
});
const api = (query: string) => agentGet(gateway(), `${AUTH}&${query}`);
const DID = '2125550100';
const CONFERENCE = 'agent-1000.conference';
const CLOSER_CONFERENCE = 'agent-102.conference';



const phoneOf = (agentId: string): Promise<string> => agentPhone(gateway(), agentId);

/** A caller on the DID, taken by agent 1000 into its conference. */
async function inboundCall(callerNumber: string): Promise<{ callId: string; callerId: string; agentLegId: string; caller: IncomingCall }> {
  const gw = gateway();
  await gw.waitFor(async () => (await gw.core.getAgentSession('1000'))?.state === 'ready', 15000, 'agent 1000 ready');
  const caller = await gw.farEnd.callIn(DID, callerNumber);
  const call = await gw.waitFor(
    async () => {
      const session = await gw.core.getAgentSession('1000');
      const current = session?.currentCallId ? await gw.core.getCall(session.currentCallId) : null;
      return current?.call.purpose === 'inbound' && current.call.progress.stage === 'connected' ? current.call : undefined;
    },
    15000,
    'the caller with agent 1000',
  );
  if (call.purpose !== 'inbound') throw new Error('not an inbound call');
  const callerId = call.progress.callerLegId;
  const agentLegId = await phoneOf('1000');
  await bridgeHolds(gw, CONFERENCE, [agentLegId, callerId]);
  return { callId: call.id, callerId, agentLegId, caller };
}

async function upThirdParty(gw: TestGateway, callId: string): Promise<string> {
  return gw.waitFor(async () => (await gw.core.getCall(callId))?.legs.find((leg) => leg.role === 'third_party' && leg.state === 'up')?.id, 15000, 'third party up');
}

/** The CDRs of a call, once it has one (a call has exactly one). */
async function cdrsOf(callId: string): Promise<Cdr[]> {
  const gw = gateway();
  await gw.waitFor(async () => (await gw.core.getCdrOfCall(callId)) ?? undefined, 15000, `the CDR of ${callId}`);
  return (await gw.core.listCdrs({ limit: 200 })).filter((cdr) => cdr.callId === callId);
}

const channelGone = (gw: TestGateway, legId: string) => gw.waitFor(async () => !(await gw.engineChannels()).some((channel) => channel.id === legId), 15000, `${legId} hung up`);

/** The queued call the caller of `callId` was transferred into. */
async function queuedCallOf(callId: string): Promise<string> {
  const call = (await gateway().core.getCall(callId))!.call;
  if (call.purpose !== 'inbound' || !call.progress.transferredTo) throw new Error(`${callId} was not transferred into a queue`);
  return call.progress.transferredTo;
}

/** Both agents free for the next test. */
const bothFree = (): Promise<void> => agentsFree(gateway(), ['1000', '102']);

afterEach(bothFree);

describe('ra_call_control on an inbound call, named by the call ID transfer_conference echoes', () => {
  test('HANGUP: the caller is hung up, the call leaves its one CDR, the agent moves on', async () => {
    const gw = gateway();
    const { callId, callerId, agentLegId } = await inboundCall('5550131');
    const id = wireId(callId);
    expectVicidialAnswer(await api(`function=ra_call_control&value=${id}&agent_user=1000&stage=HANGUP&status=SALE`), `SUCCESS: ra_call_control hungup - 1000|${id}|HANGUP\n`);
    const cdrs = await cdrsOf(callId);
    expect(cdrs).toEqual([expect.objectContaining({ purpose: 'inbound', direction: 'inbound', agentId: '1000', fromNumber: '5550131', toNumber: DID, hangupSide: 'system' })]);
    await channelGone(gw, callerId);
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);
    await gw.waitFor(async () => (await gw.core.getAgentSession('1000'))?.currentCallId === null, 15000, 'agent 1000 off the call');
    // The caller of a DID brings no lead, so the status has none to take: the agent moves on as its session does after any call that ends (ready).
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'ready', currentCallId: null, lead: null, pendingDisposition: null });
    expectVicidialAnswer(await api(`function=ra_call_control&value=${id}&agent_user=1000&stage=HANGUP`), `ERROR: no active call found - ${id}\n`);
  });

  test('EXTENSIONTRANSFER: the caller hears the number ring and talks with it; the agent is free at once', async () => {
    const gw = gateway();
    const { callId, callerId, agentLegId } = await inboundCall('5550132');
    const id = wireId(callId);
    expectVicidialAnswer(await api(`function=ra_call_control&value=${id}&agent_user=1000&stage=EXTENSIONTRANSFER&phone_number=5550400`), `SUCCESS: ra_call_control transfer - 1000|${id}|5550400\n`);
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    const thirdId = await upThirdParty(gw, callId);
    await bridgeHolds(gw, `${callId}.bridge`, [callerId, thirdId]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);
    expect((await gw.core.getCall(callId))!.legs.find((leg) => leg.id === thirdId)).toMatchObject({ dialedNumber: '5550400' });

    await gw.farEnd.hangup(thirdId, 16);
    const cdrs = await cdrsOf(callId);
    expect(cdrs).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '1000', fromNumber: '5550132', toNumber: DID, hangupSide: 'callee', hangupCause: 16 })]);
    await channelGone(gw, callerId);
  });

  test('INGROUPTRANSFER to DEFAULTINGROUP: the caller reaches agent 102 in the in-group; each part has its CDR', async () => {
    const gw = gateway();
    const closerLeg = await phoneOf('102');
    const { callId, callerId, agentLegId, caller } = await inboundCall('5550133');
    const id = wireId(callId);
    expectVicidialAnswer(
      await api(`function=ra_call_control&value=${id}&agent_user=1000&stage=INGROUPTRANSFER&ingroup_choices=DEFAULTINGROUP&status=XFER`),
      `SUCCESS: ra_call_control transfer - 1000|${id}|\n`,
    );
    const queuedId = await queuedCallOf(callId);
    await bridgeHolds(gw, CLOSER_CONFERENCE, [closerLeg, callerId]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);
    expect(await cdrsOf(callId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '1000', fromNumber: '5550133', toNumber: DID, hangupSide: 'caller' })]);
    expect((await gw.core.getCall(queuedId))!.call).toMatchObject({ purpose: 'inbound', agentId: '102', fromNumber: '5550133', toNumber: 'CLOSERS', progress: { stage: 'connected', transferredFrom: callId } });
    expect(await gw.core.getAgentSession('102')).toMatchObject({ state: 'in_call', currentCallId: queuedId });

    await caller.hangup();
    expect(await cdrsOf(queuedId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '102', fromNumber: '5550133', toNumber: 'CLOSERS', hangupSide: 'caller' })]);
  });

  test('a caller still waiting in the in-group has no agent: no active call', async () => {
    const gw = gateway();
    await gw.core.pauseAgent({ agentId: '1000', reason: null });
    const caller = await gw.farEnd.callIn(DID, '5550134');
    const [waiting] = await gw.waitFor(async () => {
      const calls = await gw.core.listWaitingCalls(['TEST_IN']);
      return calls.length === 1 ? calls : undefined;
    }, 15000, 'the caller waiting');
    const id = wireId(waiting!.callId);
    expectVicidialAnswer(await api(`function=ra_call_control&value=${id}&agent_user=1000&stage=HANGUP`), `ERROR: no active call found - ${id}\n`);
    await caller.hangup();
    expect(await cdrsOf(waiting!.callId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: null })]);
  });
});

describe('transfer_conference transfers of an inbound call', () => {
  test('LOCAL_CLOSER: the caller reaches agent 102 in the in-group, agent 1000 goes to its disposition at once; each part has its CDR', async () => {
    const gw = gateway();
    const closerLeg = await phoneOf('102');
    const { callId, callerId, agentLegId } = await inboundCall('5550141');
    expectVicidialAnswer(
      await api('function=transfer_conference&value=LOCAL_CLOSER&ingroup_choices=CLOSERS&agent_user=1000'),
      `SUCCESS: transfer_conference function set - LOCAL_CLOSER|CLOSERS||NO|1000|${wireId(callId)}|\n`,
    );
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    expect(await cdrsOf(callId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '1000', fromNumber: '5550141', toNumber: DID, hangupSide: 'caller' })]);
    const queuedId = await queuedCallOf(callId);
    await bridgeHolds(gw, CLOSER_CONFERENCE, [closerLeg, callerId]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);
    expect(await gw.core.getAgentSession('102')).toMatchObject({ state: 'in_call', currentCallId: queuedId });

    expectVicidialAnswer(await api('function=external_hangup&value=1&agent_user=102'), 'SUCCESS: external_hangup function set - 1|102\n');
    expect(await cdrsOf(queuedId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '102', fromNumber: '5550141', toNumber: 'CLOSERS' })]);
    await channelGone(gw, callerId);
  });

  test('LOCAL_CLOSER through AGENTDIRECT: the caller waits for agent 102 and reaches it once it resumes', async () => {
    const gw = gateway();
    await gw.core.pauseAgent({ agentId: '102', reason: null });
    const { callId, callerId, caller } = await inboundCall('5550142');
    expectVicidialAnswer(
      await api('function=transfer_conference&value=LOCAL_CLOSER&ingroup_choices=AGENTDIRECT&phone_number=102&agent_user=1000'),
      `SUCCESS: transfer_conference function set - LOCAL_CLOSER|AGENTDIRECT|102|NO|1000|${wireId(callId)}|\n`,
    );
    const queuedId = await queuedCallOf(callId);
    expectVicidialAnswer(await api('function=calls_in_queue_count&value=DISPLAY&agent_user=102'), 'SUCCESS: calls_in_queue_count - 1');
    await gw.core.resumeAgent({ agentId: '102' });
    await bridgeHolds(gw, CLOSER_CONFERENCE, [await phoneOf('102'), callerId]);
    expect((await gw.core.getCall(queuedId))!.call).toMatchObject({ agentId: '102', toNumber: 'AGENTDIRECT', progress: { forAgentId: '102', stage: 'connected' } });
    expect(await cdrsOf(callId)).toHaveLength(1);
    await caller.hangup();
    expect(await cdrsOf(queuedId)).toEqual([expect.objectContaining({ agentId: '102', toNumber: 'AGENTDIRECT', hangupSide: 'caller' })]);
  });

  test('BLIND_TRANSFER: the caller reaches the number, which sees the caller’s number with cid_choice=CUSTOMER; one CDR', async () => {
    const gw = gateway();
    const { callId, callerId, agentLegId, caller } = await inboundCall('5550143');
    expectVicidialAnswer(
      await api('function=transfer_conference&value=BLIND_TRANSFER&phone_number=5550300&agent_user=1000&cid_choice=CUSTOMER'),
      `SUCCESS: transfer_conference function set - BLIND_TRANSFER||5550300|NO|1000|${wireId(callId)}|\n`,
    );
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    const thirdId = await upThirdParty(gw, callId);
    await bridgeHolds(gw, `${callId}.bridge`, [callerId, thirdId]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);
    expect((await gw.core.getCall(callId))!.legs.find((leg) => leg.id === thirdId)).toMatchObject({ dialedNumber: '5550300', callerNumber: '5550143' });

    await caller.hangup();
    expect(await cdrsOf(callId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '1000', fromNumber: '5550143', toNumber: DID, hangupSide: 'caller' })]);
    await channelGone(gw, thirdId);
  });

  test('HANGUP_BOTH: the caller is hung up, the agent stays in its conference and goes to its disposition; one CDR', async () => {
    const gw = gateway();
    const { callId, callerId, agentLegId } = await inboundCall('5550144');
    expectVicidialAnswer(await api('function=transfer_conference&value=HANGUP_BOTH&agent_user=1000'), `SUCCESS: transfer_conference function set - HANGUP_BOTH|||NO|1000|${wireId(callId)}|\n`);
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    expect(await cdrsOf(callId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '1000', fromNumber: '5550144', toNumber: DID, hangupSide: 'system' })]);
    await channelGone(gw, callerId);
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);
  });

  test('LEAVE_VM: the caller hears the message alone, then the call ends with its one CDR; the agent goes to its disposition at once', async () => {
    const gw = gateway();
    const { callId, callerId, agentLegId } = await inboundCall('5550145');
    expectVicidialAnswer(await api('function=transfer_conference&value=LEAVE_VM&agent_user=1000'), `SUCCESS: transfer_conference function set - LEAVE_VM|||NO|1000|${wireId(callId)}|\n`);
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);
    expect(await cdrsOf(callId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '1000', fromNumber: '5550145', toNumber: DID, hangupSide: 'system' })]);
    await channelGone(gw, callerId);
    const played = await gw.query<{ media: string; finish_cause: string }>('SELECT media, finish_cause FROM playbacks WHERE call_id = $1', [callId]);
    expect(played).toEqual([{ media: 'sound:hello-world', finish_cause: 'done' }]);
  });
});

describe('a 3-way call and parking on an inbound call', () => {
  test('DIAL_WITH_CUSTOMER dials the third party into the conference; HANGUP_XFER hangs it up alone; LEAVE_3WAY_CALL leaves caller and third party talking', async () => {
    const gw = gateway();
    const { callId, callerId, agentLegId } = await inboundCall('5550151');
    expectVicidialAnswer(
      await api('function=transfer_conference&value=DIAL_WITH_CUSTOMER&phone_number=5550200&agent_user=1000'),
      `SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER||5550200|NO|1000|${wireId(callId)}|\n`,
    );
    const firstThird = await upThirdParty(gw, callId);
    await bridgeHolds(gw, CONFERENCE, [agentLegId, callerId, firstThird]);

    expectVicidialAnswer(await api('function=transfer_conference&value=HANGUP_XFER&agent_user=1000'), `SUCCESS: transfer_conference function set - HANGUP_XFER|||NO|1000|${wireId(callId)}|\n`);
    await bridgeHolds(gw, CONFERENCE, [agentLegId, callerId]);
    await channelGone(gw, firstThird);
    expect((await gw.core.getCall(callId))!.call.state).toBe('answered');
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });

    expectVicidialAnswer(
      await api('function=transfer_conference&value=DIAL_WITH_CUSTOMER&phone_number=5550201&agent_user=1000'),
      `SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER||5550201|NO|1000|${wireId(callId)}|\n`,
    );
    const thirdId = await gw.waitFor(
      async () => (await gw.core.getCall(callId))?.legs.find((leg) => leg.role === 'third_party' && leg.state === 'up' && leg.id !== firstThird)?.id,
      15000,
      'the second third party up',
    );
    await bridgeHolds(gw, CONFERENCE, [agentLegId, callerId, thirdId]);
    expectVicidialAnswer(await api('function=transfer_conference&value=LEAVE_3WAY_CALL&agent_user=1000'), `SUCCESS: transfer_conference function set - LEAVE_3WAY_CALL|||NO|1000|${wireId(callId)}|\n`);
    await bridgeHolds(gw, `${callId}.bridge`, [callerId, thirdId]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });

    await gw.farEnd.hangup(thirdId, 16);
    expect(await cdrsOf(callId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '1000', fromNumber: '5550151', toNumber: DID, hangupSide: 'callee', hangupCause: 16 })]);
    await channelGone(gw, callerId);
  });

  test('PARK_CUSTOMER: the caller waits in a holding bridge with music on hold; GRAB_CUSTOMER brings it back', async () => {
    const gw = gateway();
    const { callId, callerId, agentLegId, caller } = await inboundCall('5550152');
    expectVicidialAnswer(await api('function=park_call&value=PARK_CUSTOMER&agent_user=1000'), 'SUCCESS: park_call function set - PARK_CUSTOMER|1000\n');
    await bridgeHolds(gw, `${callId}.hold`, [callerId]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);
    expect((await gw.engineBridges()).find((bridge) => bridge.id === `${callId}.hold`)).toMatchObject({ bridge_type: 'holding' });
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });

    expectVicidialAnswer(await api('function=park_call&value=GRAB_CUSTOMER&agent_user=1000'), 'SUCCESS: park_call function set - GRAB_CUSTOMER|1000\n');
    await bridgeHolds(gw, CONFERENCE, [agentLegId, callerId]);

    await caller.hangup();
    expect(await cdrsOf(callId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '1000', fromNumber: '5550152', toNumber: DID, hangupSide: 'caller' })]);
    await gw.waitFor(async () => !(await gw.engineBridges()).some((bridge) => bridge.id === `${callId}.hold`), 15000, 'the holding bridge gone');
  });

  test('PARK_CUSTOMER_DIAL: the caller waits on hold while agent and third party talk; SWAP_PARK_XFER, GRAB_XFER, then LEAVE_3WAY_CALL; one CDR', async () => {
    const gw = gateway();
    const { callId, callerId, agentLegId, caller } = await inboundCall('5550153');
    expectVicidialAnswer(
      await api('function=transfer_conference&value=PARK_CUSTOMER_DIAL&phone_number=5550201&agent_user=1000'),
      `SUCCESS: transfer_conference function set - PARK_CUSTOMER_DIAL||5550201|NO|1000|${wireId(callId)}|\n`,
    );
    const thirdId = await upThirdParty(gw, callId);
    await bridgeHolds(gw, `${callId}.hold`, [callerId]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId, thirdId]);
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });

    // SWAP_PARK_XFER: the third party waits, the caller is back with the agent.
    expectVicidialAnswer(await api('function=park_call&value=SWAP_PARK_XFER&agent_user=1000'), 'SUCCESS: park_call function set - SWAP_PARK_XFER|1000\n');
    await bridgeHolds(gw, `${callId}.hold`, [thirdId]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId, callerId]);
    expectVicidialAnswer(await api('function=park_call&value=GRAB_XFER&agent_user=1000'), 'SUCCESS: park_call function set - GRAB_XFER|1000\n');
    await bridgeHolds(gw, CONFERENCE, [agentLegId, callerId, thirdId]);

    expectVicidialAnswer(await api('function=transfer_conference&value=LEAVE_3WAY_CALL&agent_user=1000'), `SUCCESS: transfer_conference function set - LEAVE_3WAY_CALL|||NO|1000|${wireId(callId)}|\n`);
    await bridgeHolds(gw, `${callId}.bridge`, [callerId, thirdId]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });

    await caller.hangup();
    expect(await cdrsOf(callId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '1000', fromNumber: '5550153', toNumber: DID, hangupSide: 'caller' })]);
    await channelGone(gw, thirdId);
  });

  test('PARK_XFER parks the third party; the caller hanging up meanwhile ends the call and the parked third party with it; one CDR', async () => {
    const gw = gateway();
    const { callId, callerId, agentLegId, caller } = await inboundCall('5550154');
    expectVicidialAnswer(
      await api('function=transfer_conference&value=DIAL_WITH_CUSTOMER&phone_number=5550202&agent_user=1000'),
      `SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER||5550202|NO|1000|${wireId(callId)}|\n`,
    );
    const thirdId = await upThirdParty(gw, callId);
    await bridgeHolds(gw, CONFERENCE, [agentLegId, callerId, thirdId]);
    expectVicidialAnswer(await api('function=park_call&value=PARK_XFER&agent_user=1000'), 'SUCCESS: park_call function set - PARK_XFER|1000\n');
    await bridgeHolds(gw, `${callId}.hold`, [thirdId]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId, callerId]);

    await caller.hangup();
    expect(await cdrsOf(callId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '1000', fromNumber: '5550154', toNumber: DID, hangupSide: 'caller' })]);
    await channelGone(gw, thirdId);
    await gw.waitFor(async () => !(await gw.engineBridges()).some((bridge) => bridge.id === `${callId}.hold`), 15000, 'the holding bridge gone');
  });
});

describe('a consultative dial to an in-group on an inbound call', () => {
  test('agent 102 takes the in-group half with the caller’s number and talks with agent 1000 and the caller; agent 1000 leaves, caller and closer talk on; two CDRs', async () => {
    const gw = gateway();
    const closerLeg = await phoneOf('102');
    const { callId, callerId, agentLegId, caller } = await inboundCall('5550155');
    expectVicidialAnswer(
      await api('function=transfer_conference&value=DIAL_WITH_CUSTOMER&consultative=YES&ingroup_choices=CLOSERS&agent_user=1000'),
      `SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER|CLOSERS||YES|1000|${wireId(callId)}|\n`,
    );
    const thirdId = await upThirdParty(gw, callId);
    const inGroupHalf = `${thirdId};2`;
    const closerCallId = await gw.waitFor(async () => {
      const session = await gw.core.getAgentSession('102');
      return session?.state === 'in_call' ? (session.currentCallId ?? undefined) : undefined;
    }, 15000, 'agent 102 in a call');
    expect((await gw.core.getCall(closerCallId))!.call).toMatchObject({
      purpose: 'inbound',
      agentId: '102',
      fromNumber: '5550155',
      toNumber: 'CLOSERS',
      progress: { stage: 'connected', queueName: 'CLOSERS', callerLegId: inGroupHalf },
    });
    await bridgeHolds(gw, CONFERENCE, [agentLegId, callerId, thirdId]);
    await bridgeHolds(gw, CLOSER_CONFERENCE, [closerLeg, inGroupHalf]);

    expectVicidialAnswer(await api('function=transfer_conference&value=LEAVE_3WAY_CALL&agent_user=1000'), `SUCCESS: transfer_conference function set - LEAVE_3WAY_CALL|||NO|1000|${wireId(callId)}|\n`);
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    await bridgeHolds(gw, `${callId}.bridge`, [callerId, thirdId]);
    await bridgeHolds(gw, CLOSER_CONFERENCE, [closerLeg, inGroupHalf]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);

    // The caller hangs up: its call ends, and with the Local channel's ;1 half the closer's call.
    await caller.hangup();
    expect(await cdrsOf(callId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '1000', fromNumber: '5550155', toNumber: DID, hangupSide: 'caller' })]);
    expect(await cdrsOf(closerCallId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '102', fromNumber: '5550155', toNumber: 'CLOSERS' })]);
    await bridgeHolds(gw, CLOSER_CONFERENCE, [closerLeg]);
  });
});

describe("the closer's inbound call", () => {
  test('ra_call_control HANGUP with a status on the call a closer took with the lead: the lead takes the status, the closer moves on as after that disposition', async () => {
    const gw = gateway();
    const closerLeg = await phoneOf('102');
    await gw.waitFor(async () => (await gw.core.getAgentSession('1000'))?.state === 'ready', 15000, 'agent 1000 ready');
    const { callId } = await gw.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: '2120289999', origin: { dialect: 'vicidial', operation: 'test', apiUserId: null }, leadId: 1 });
    const customerId = await gw.waitFor(async () => (await gw.core.getCall(callId))?.legs.find((leg) => leg.role === 'customer' && leg.state === 'up')?.id, 15000, 'customer up');
    await bridgeHolds(gw, CONFERENCE, [await phoneOf('1000'), customerId]);
    expectVicidialAnswer(
      await api('function=transfer_conference&value=LOCAL_CLOSER&ingroup_choices=CLOSERS&agent_user=1000'),
      `SUCCESS: transfer_conference function set - LOCAL_CLOSER|CLOSERS||NO|1000|${wireId(callId)}|\n`,
    );
    const call = (await gw.core.getCall(callId))!.call;
    if (call.purpose !== 'agent_customer' || !call.progress.transferredTo) throw new Error('not transferred');
    const closerCallId = call.progress.transferredTo;
    await bridgeHolds(gw, CLOSER_CONFERENCE, [closerLeg, customerId]);
    expect(await gw.core.getAgentSession('102')).toMatchObject({ state: 'in_call', currentCallId: closerCallId, lead: { leadId: 1, callId: closerCallId } });

    const id = wireId(closerCallId);
    expectVicidialAnswer(await api(`function=ra_call_control&value=${id}&agent_user=102&stage=HANGUP&status=SALE`), `SUCCESS: ra_call_control hungup - 102|${id}|HANGUP\n`);
    expect(await cdrsOf(closerCallId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '102', fromNumber: '5550100', toNumber: 'CLOSERS', leadId: 1, hangupSide: 'system' })]);
    await channelGone(gw, customerId);
    await gw.waitFor(async () => (await gw.core.getAgentSession('102'))?.lead === null, 15000, 'the closer’s disposition applied');
    // TESTCAMP dials manually: after a disposition the agent pauses.
    expect(await gw.core.getAgentSession('102')).toMatchObject({ state: 'paused', currentCallId: null, lead: null, pendingDisposition: null });
    expect((await gw.core.getLead(1))!).toMatchObject({ status: 'SALE', user: '102' });
  });
});

describe('an inbound call to an agent without a session conference', () => {
  /** A caller on TEST_IN2's DID, taken by agent 101 on its phone: both legs in the call's own bridge. */
  async function phoneCall(callerNumber: string): Promise<{ callId: string; callerId: string; phoneLegId: string }> {
    const gw = gateway();
    await gw.waitFor(async () => (await gw.core.getAgentSession('101'))?.state === 'ready', 15000, 'agent 101 ready');
    await gw.farEnd.callIn(PHONE_DID, callerNumber);
    const found = await gw.waitFor(
      async () => {
        const session = await gw.core.getAgentSession('101');
        const current = session?.currentCallId ? await gw.core.getCall(session.currentCallId) : null;
        return current?.call.purpose === 'inbound' && current.call.progress.stage === 'connected' ? current : undefined;
      },
      15000,
      'the caller with agent 101',
    );
    if (found.call.purpose !== 'inbound') throw new Error('not an inbound call');
    const callerId = found.call.progress.callerLegId;
    const phoneLegId = found.legs.find((leg) => leg.role === 'agent' && leg.state === 'up')!.id;
    await bridgeHolds(gw, `${found.call.id}.bridge`, [phoneLegId, callerId]);
    return { callId: found.call.id, callerId, phoneLegId };
  }

  afterEach(async () => {
    const gw = gateway();
    await gw.waitFor(async () => (await gw.core.getAgentSession('101'))?.state !== 'in_call', 15000, 'agent 101 out of its call');
    if ((await gw.core.getAgentSession('101'))?.state === 'wrap_up') await gw.core.resumeAgent({ agentId: '101' });
  });

  test('BLIND_TRANSFER: the agent’s phone is hung up, the caller reaches the number in the call’s bridge; one CDR', async () => {
    const gw = gateway();
    const { callId, callerId, phoneLegId } = await phoneCall('5550161');
    expectVicidialAnswer(
      await api('function=transfer_conference&value=BLIND_TRANSFER&phone_number=5550301&agent_user=101'),
      `SUCCESS: transfer_conference function set - BLIND_TRANSFER||5550301|NO|101|${wireId(callId)}|\n`,
    );
    expect(await gw.core.getAgentSession('101')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    await channelGone(gw, phoneLegId);
    const thirdId = await upThirdParty(gw, callId);
    await bridgeHolds(gw, `${callId}.bridge`, [callerId, thirdId]);
    await gw.farEnd.hangup(thirdId, 16);
    // The first leg to end was the agent's phone, hung up by the gateway, as on a callout without a conference.
    expect(await cdrsOf(callId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '101', fromNumber: '5550161', toNumber: PHONE_DID, hangupSide: 'system' })]);
    await channelGone(gw, callerId);
  });

  test('HANGUP_BOTH: caller and agent’s phone are hung up; one CDR', async () => {
    const gw = gateway();
    const { callId, callerId, phoneLegId } = await phoneCall('5550162');
    expectVicidialAnswer(await api('function=transfer_conference&value=HANGUP_BOTH&agent_user=101'), `SUCCESS: transfer_conference function set - HANGUP_BOTH|||NO|101|${wireId(callId)}|\n`);
    expect(await gw.core.getAgentSession('101')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    expect(await cdrsOf(callId)).toEqual([expect.objectContaining({ purpose: 'inbound', agentId: '101', fromNumber: '5550162', toNumber: PHONE_DID, hangupSide: 'system' })]);
    await channelGone(gw, callerId);
    await channelGone(gw, phoneLegId);
  });
});
