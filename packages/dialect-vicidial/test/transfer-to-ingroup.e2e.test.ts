import type { TestGateway } from '@pbx-gateway/test-support';
import { agentGet, agentPhone, agentsFree, AUTH, bridgeHolds, expectVicidialAnswer, EXTRA_PROVISIONING, sharedGateway, wireId } from './support/vicidial-test-kit';

// Transfers into in-groups (spec §3.2): transfer_conference LOCAL_CLOSER
// (also through AGENTDIRECT to one agent) and ra_call_control
// INGROUPTRANSFER. The customer of agent 1000 leaves the agent's
// conference, waits in the in-group with music on hold, and reaches agent
// 102 (in-group CLOSERS, its own conference) by the in-groups' own
// distribution; agent 1000 is free at once. Each part leaves its CDR.

const gateway = sharedGateway({
  agentInConference: '1000',
  overrides: {
    extraProvisioning: {
      ...EXTRA_PROVISIONING,
      queues: [
        { name: 'CLOSERS', strategy: 'longest_wait_time', mohClass: 'default' },
        { name: 'CLOSED_IN', strategy: 'longest_wait_time', active: false },
      ],
      // The demo campaign, with CLOSERS as its default transfer group.
      campaigns: [{ id: 'TESTCAMP', name: 'Test campaign', dialMethod: 'MANUAL', allowInbound: true, manualDialListId: 101, apiManualDial: 'STANDARD', dialPrefix: '', defaultXferGroup: 'CLOSERS' }],
      sessions: [
        ...(EXTRA_PROVISIONING.sessions ?? []),
        { agentId: '102', via: 'vicidial', conferenceNumber: '8600052', connectPhone: true, campaignId: 'TESTCAMP', queues: ['CLOSERS'] },
      ],
    },
  },
});
const api = (query: string) => agentGet(gateway(), `${AUTH}&${query}`);
const CONFERENCE = 'agent-1000.conference';
const CLOSER_CONFERENCE = 'agent-102.conference';
const ORIGIN = { dialect: 'vicidial', operation: 'test', apiUserId: null };


async function upLeg(gw: TestGateway, callId: string): Promise<string> {
  return gw.waitFor(async () => (await gw.core.getCall(callId))?.legs.find((leg) => leg.role === 'customer' && leg.state === 'up')?.id, 15000, 'customer up');
}


/** Agent 1000 on an answered call for demo lead 1, as after a manual dial. */
async function customerCall(): Promise<{ callId: string; customerId: string; agentLegId: string }> {
  const gw = gateway();
  await gw.waitFor(async () => (await gw.core.getAgentSession('1000'))?.state === 'ready', 15000, 'agent 1000 ready');
  const { callId } = await gw.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: '2120289999', origin: ORIGIN, leadId: 1 });
  const customerId = await upLeg(gw, callId);
  const agentLegId = (await gw.core.getAgentSession('1000'))!.conference!.agentLegId!;
  await bridgeHolds(gw, CONFERENCE, [agentLegId, customerId]);
  return { callId, customerId, agentLegId };
}

async function cdrOf(callId: string) {
  return gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 15000, `the CDR of ${callId}`);
}

/** The queued call the customer of `callId` was transferred into. */
async function queuedCallOf(callId: string): Promise<string> {
  const call = (await gateway().core.getCall(callId))!.call;
  if (call.purpose !== 'agent_customer' || !call.progress.transferredTo) throw new Error(`${callId} was not transferred into a queue`);
  return call.progress.transferredTo;
}

const closerPhone = (agentId: string): Promise<string> => agentPhone(gateway(), agentId);

/** Both agents free for the next test. */
const bothFree = (): Promise<void> => agentsFree(gateway(), ['1000', '102']);

describe('transfers into an in-group', () => {
  afterEach(bothFree);

  test('LOCAL_CLOSER: the customer reaches an agent of the in-group, the agent is free at once, each part has its CDR', async () => {
    const gw = gateway();
    const closerLeg = await closerPhone('102');
    const { callId, customerId, agentLegId } = await customerCall();
    expectVicidialAnswer(
      await api('function=transfer_conference&value=LOCAL_CLOSER&ingroup_choices=CLOSERS&agent_user=1000'),
      `SUCCESS: transfer_conference function set - LOCAL_CLOSER|CLOSERS||NO|1000|${wireId(callId)}|\n`,
    );
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null, lead: { leadId: 1 } });
    expect(await cdrOf(callId)).toMatchObject({ purpose: 'agent_customer', agentId: '1000', toNumber: '5550100', leadId: 1, hangupSide: 'caller' });

    const queuedId = await queuedCallOf(callId);
    await bridgeHolds(gw, CLOSER_CONFERENCE, [closerLeg, customerId]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);
    expect((await gw.core.getCall(queuedId))!.call).toMatchObject({ purpose: 'inbound', agentId: '102', toNumber: 'CLOSERS', progress: { stage: 'connected', queueName: 'CLOSERS' } });
    // The closer has the customer and the lead on its screen.
    expect(await gw.core.getAgentSession('102')).toMatchObject({ state: 'in_call', currentCallId: queuedId, lead: { leadId: 1 } });

    await gw.farEnd.hangup(customerId, 16);
    expect(await cdrOf(queuedId)).toMatchObject({ purpose: 'inbound', agentId: '102', fromNumber: '5550100', toNumber: 'CLOSERS', leadId: 1, hangupSide: 'caller' });
  });

  test('INGROUPTRANSFER to DEFAULTINGROUP: the customer waits with music on hold while the in-group has nobody free', async () => {
    const gw = gateway();
    await gw.core.pauseAgent({ agentId: '102', reason: null });
    const { callId, customerId, agentLegId } = await customerCall();
    const id = wireId(callId);
    expectVicidialAnswer(
      await api(`function=ra_call_control&value=${id}&agent_user=1000&stage=INGROUPTRANSFER&ingroup_choices=DEFAULTINGROUP&status=XFER`),
      `SUCCESS: ra_call_control transfer - 1000|${id}|\n`,
    );
    const queuedId = await queuedCallOf(callId);
    expect((await gw.core.listWaitingCalls(['CLOSERS'])).map((waiting) => waiting.callId)).toEqual([queuedId]);
    expectVicidialAnswer(await api('function=calls_in_queue_count&value=DISPLAY&agent_user=102'), 'SUCCESS: calls_in_queue_count - 1');
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);
    // Answered, in no bridge, hearing the in-group's music.
    await gw.waitFor(async () => !(await gw.engineBridges()).some((bridge) => bridge.channels.includes(customerId)), 15000, 'the customer out of every bridge');
    expect((await gw.engineChannels()).find((channel) => channel.id === customerId)?.state).toBe('Up');
    if (gw.farEnd.engine === 'pbx-sim') {
      const requests = await gw.sim.control.requests();
      expect(requests.some((request) => request.method === 'POST' && request.path === `/ari/channels/${customerId}/moh`)).toBe(true);
    }
    expect(await cdrOf(callId)).toMatchObject({ agentId: '1000', hangupSide: 'caller' });

    await gw.core.resumeAgent({ agentId: '102' });
    const closerLeg = await closerPhone('102');
    await bridgeHolds(gw, CLOSER_CONFERENCE, [closerLeg, customerId]);
    expect(await gw.core.getAgentSession('102')).toMatchObject({ state: 'in_call', currentCallId: queuedId });

    // The closer hangs the customer up.
    expectVicidialAnswer(await api('function=external_hangup&value=1&agent_user=102'), 'SUCCESS: external_hangup function set - 1|102\n');
    expect(await cdrOf(queuedId)).toMatchObject({ purpose: 'inbound', agentId: '102', toNumber: 'CLOSERS' });
  });

  test('LOCAL_CLOSER through AGENTDIRECT: the customer waits for the agent phone_number names, not for the in-group', async () => {
    const gw = gateway();
    await gw.core.pauseAgent({ agentId: '102', reason: null });
    const { callId, customerId } = await customerCall();
    expectVicidialAnswer(
      await api('function=transfer_conference&value=LOCAL_CLOSER&ingroup_choices=AGENTDIRECT&phone_number=102&agent_user=1000'),
      `SUCCESS: transfer_conference function set - LOCAL_CLOSER|AGENTDIRECT|102|NO|1000|${wireId(callId)}|\n`,
    );
    const queuedId = await queuedCallOf(callId);
    // Waiting for agent 102 alone: counted for it, not for others.
    expectVicidialAnswer(await api('function=calls_in_queue_count&value=DISPLAY&agent_user=102'), 'SUCCESS: calls_in_queue_count - 1');
    expectVicidialAnswer(await api('function=calls_in_queue_count&value=DISPLAY&agent_user=1000'), 'SUCCESS: calls_in_queue_count - 0');
    await gw.core.resumeAgent({ agentId: '102' });
    const closerLeg = await closerPhone('102');
    await bridgeHolds(gw, CLOSER_CONFERENCE, [closerLeg, customerId]);
    expect((await gw.core.getCall(queuedId))!.call).toMatchObject({ agentId: '102', toNumber: 'AGENTDIRECT', progress: { forAgentId: '102', stage: 'connected' } });
    await gw.farEnd.hangup(customerId, 16);
    expect(await cdrOf(queuedId)).toMatchObject({ agentId: '102', toNumber: 'AGENTDIRECT' });
  });
});

test('LOCAL_CLOSER with a third party on the call: the third party is hung up with the agent’s part, the customer alone reaches the in-group', async () => {
  const gw = gateway();
  const closerLeg = await closerPhone('102');
  const { callId, customerId, agentLegId } = await customerCall();
  expectVicidialAnswer(
    await api('function=transfer_conference&value=DIAL_WITH_CUSTOMER&phone_number=5550200&agent_user=1000'),
    `SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER||5550200|NO|1000|${wireId(callId)}|\n`,
  );
  const thirdId = await gw.waitFor(async () => (await gw.core.getCall(callId))?.legs.find((leg) => leg.role === 'third_party' && leg.state === 'up')?.id, 15000, 'third party up');
  await bridgeHolds(gw, CONFERENCE, [agentLegId, customerId, thirdId]);

  expectVicidialAnswer(
    await api('function=transfer_conference&value=LOCAL_CLOSER&ingroup_choices=CLOSERS&agent_user=1000'),
    `SUCCESS: transfer_conference function set - LOCAL_CLOSER|CLOSERS||NO|1000|${wireId(callId)}|\n`,
  );
  expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null, lead: { leadId: 1 } });
  await bridgeHolds(gw, CLOSER_CONFERENCE, [closerLeg, customerId]);
  await bridgeHolds(gw, CONFERENCE, [agentLegId]);
  expect(await cdrOf(callId)).toMatchObject({ purpose: 'agent_customer', agentId: '1000', leadId: 1, hangupSide: 'caller', hangupCause: 16 });
  expect((await gw.core.getCall(callId))!.legs.find((leg) => leg.id === thirdId)).toMatchObject({ state: 'ended', hangupRequested: true });
  expect(await gw.core.getAgentSession('102')).toMatchObject({ state: 'in_call', currentCallId: await queuedCallOf(callId), lead: { leadId: 1 } });
  await gw.farEnd.hangup(customerId, 16);
  await cdrOf(await queuedCallOf(callId));
  await bothFree();
});

describe('refusals of transfers into an in-group', () => {
  afterEach(bothFree);

  test('a missing, inactive or too short in-group, an unknown AGENTDIRECT agent, a 3-way call with tw_check: nothing is transferred', async () => {
    const gw = gateway();
    const { callId, customerId, agentLegId } = await customerCall();
    const id = wireId(callId);
    const refused: Array<[string, string]> = [
      ['function=transfer_conference&value=LOCAL_CLOSER&ingroup_choices=FAKE_IN&agent_user=1000', 'ERROR: ingroup is not valid - FAKE_IN\n'],
      ['function=transfer_conference&value=LOCAL_CLOSER&ingroup_choices=CLOSED_IN&agent_user=1000', 'ERROR: ingroup is not valid - CLOSED_IN\n'],
      ['function=transfer_conference&value=LOCAL_CLOSER&ingroup_choices=C&agent_user=1000', 'ERROR: ingroup is not valid - C\n'],
      ['function=transfer_conference&value=LOCAL_CLOSER&agent_user=1000', 'ERROR: ingroup is not valid - \n'],
      ['function=transfer_conference&value=LOCAL_CLOSER&ingroup_choices=AGENTDIRECT&phone_number=4242&agent_user=1000', 'ERROR: phone_number is not valid - 4242\n'],
      ['function=transfer_conference&value=LOCAL_CLOSER&ingroup_choices=AGENTDIRECT&agent_user=1000', 'ERROR: phone_number is not valid - \n'],
      ['function=transfer_conference&value=LOCAL_CLOSER&ingroup_choices=CLOSERS&agent_user=1000&group_alias=NOALIAS', 'ERROR: group_alias is not valid - 1000|NOALIAS\n'],
      ['function=transfer_conference&value=LOCAL_CLOSER&ingroup_choices=CLOSERS&agent_user=1000&cid_choice=OTHER', 'ERROR: cid_choice is not valid - 1000|OTHER\n'],
      ['function=transfer_conference&value=DIAL_WITH_CUSTOMER&consultative=YES&ingroup_choices=CLOSED_IN&phone_number=5550200&agent_user=1000', 'ERROR: ingroup is not valid - CLOSED_IN\n'],
      [`function=ra_call_control&value=${id}&agent_user=1000&stage=INGROUPTRANSFER&ingroup_choices=FAKE_IN`, 'ERROR: ingroup is not valid - FAKE_IN\n'],
      [`function=ra_call_control&value=${id}&agent_user=1000&stage=INGROUPTRANSFER&ingroup_choices=CLOSED_IN`, 'ERROR: ingroup is not valid - CLOSED_IN\n'],
      [`function=ra_call_control&value=${id}&agent_user=1000&stage=INGROUPTRANSFER`, 'ERROR: ingroup is not valid - \n'],
      [`function=ra_call_control&value=${id}&agent_user=1000&stage=INGROUPTRANSFER&ingroup_choices=AGENTDIRECT&phone_number=4242`, 'ERROR: phone_number is not valid - 4242\n'],
    ];
    for (const [query, line] of refused) expectVicidialAnswer(await api(query), line);
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });
    await bridgeHolds(gw, CONFERENCE, [agentLegId, customerId]);

    // With a third party on the call: tw_check=YES refuses LOCAL_CLOSER; a blind transfer is refused.
    expectVicidialAnswer(
      await api('function=transfer_conference&value=DIAL_WITH_CUSTOMER&phone_number=5550200&agent_user=1000'),
      `SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER||5550200|NO|1000|${id}|\n`,
    );
    expectVicidialAnswer(
      await api('function=transfer_conference&value=LOCAL_CLOSER&ingroup_choices=CLOSERS&agent_user=1000&tw_check=YES'),
      'ERROR: agent_user has current active 3-way call - 1000|1|0|YES\n',
    );
    expectVicidialAnswer(
      await api(`function=ra_call_control&value=${id}&agent_user=1000&stage=EXTENSIONTRANSFER&phone_number=5550300`),
      'ERROR: agent_user has current active 3-way call - 1000|1|0|\n',
    );
    expect(await gw.core.listWaitingCalls(['CLOSERS'])).toEqual([]);

    expectVicidialAnswer(await api('function=transfer_conference&value=HANGUP_BOTH&agent_user=1000'), `SUCCESS: transfer_conference function set - HANGUP_BOTH|||NO|1000|${id}|\n`);
    await cdrOf(callId);
  });
});

/** Agent 102 (the closer) with lead 1 on its screen, after agent 1000 (the fronter) sent it the customer. */
async function closerHasTheCustomer(): Promise<{ queuedId: string; customerId: string }> {
  const gw = gateway();
  const closerLeg = await closerPhone('102');
  const { callId, customerId } = await customerCall();
  await api('function=transfer_conference&value=LOCAL_CLOSER&ingroup_choices=CLOSERS&agent_user=1000');
  await bridgeHolds(gw, CLOSER_CONFERENCE, [closerLeg, customerId]);
  return { queuedId: await queuedCallOf(callId), customerId };
}

describe('the closer and its fronter', () => {
  afterEach(bothFree);

  test('force_fronter_leave_3way: the fronter still in a 3-way call on the lead leaves it', async () => {
    const gw = gateway();
    // Agent 1000 in a 3-way call for lead 1, while agent 102 has lead 1 too.
    const { callId, customerId } = await customerCall();
    await api('function=transfer_conference&value=DIAL_WITH_CUSTOMER&phone_number=5550200&agent_user=1000');
    const thirdId = await gw.waitFor(async () => (await gw.core.getCall(callId))?.legs.find((leg) => leg.role === 'third_party' && leg.state === 'up')?.id, 15000, 'third party up');
    await closerPhone('102');
    const closerCall = await gw.core.startAgentCustomerCall({ agentId: '102', number: '5550150', callerId: null, origin: ORIGIN, leadId: 1 });
    await upLeg(gw, closerCall.callId);

    expectVicidialAnswer(await api('function=force_fronter_leave_3way&value=LOCAL_ONLY&agent_user=102'), 'SUCCESS: force_fronter_leave_3way SENT - 1000');
    await bridgeHolds(gw, `${callId}.bridge`, [customerId, thirdId]);
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    // Sent again: the fronter has left already, and is still the other agent on the lead.
    expectVicidialAnswer(await api('function=force_fronter_leave_3way&value=LOCAL_AND_CCC&agent_user=102'), 'SUCCESS: force_fronter_leave_3way SENT - 1000');

    await gw.farEnd.hangup(thirdId, 16);
    await cdrOf(callId);
    await gw.core.hangupAgentCustomer({ agentId: '102' });
    await cdrOf(closerCall.callId);
  });

  test('force_fronter_leave_3way after LOCAL_CLOSER: the fronter left already; CCC_REMOTE names the lead', async () => {
    const { customerId, queuedId } = await closerHasTheCustomer();
    expectVicidialAnswer(await api('function=force_fronter_leave_3way&value=LOCAL_ONLY&agent_user=102'), 'SUCCESS: force_fronter_leave_3way SENT - 1000');
    // From another cluster: its agent is not logged in here.
    expectVicidialAnswer(await api('function=force_fronter_leave_3way&value=CCC_REMOTE&agent_user=9999&lead_id=1'), 'SUCCESS: force_fronter_leave_3way SENT - 1000');
    expectVicidialAnswer(await api('function=force_fronter_leave_3way&value=CCC_REMOTE&agent_user=102&lead_id=3'), 'ERROR: no fronter found - 102\n');
    expectVicidialAnswer(await api('function=force_fronter_leave_3way&value=CCC_REMOTE&agent_user=102'), 'ERROR: agent_user is not on a phone call - 102\n');
    await gateway().farEnd.hangup(customerId, 16);
    await cdrOf(queuedId);
  });

  test('force_fronter_audio_stop stops the audio in the fronter’s session, found on the lead or by its recent call', async () => {
    const gw = gateway();
    const { customerId, queuedId } = await closerHasTheCustomer();
    expectVicidialAnswer(
      await api('function=force_fronter_audio_stop&value=LOCAL_ONLY&agent_user=102&stage=XY'),
      'ERROR: force_fronter_audio_stop error - no audio playing in other agent session - 8600051|10.10.10.15|XY|102|1000\n',
    );
    expectVicidialAnswer(await api('function=audio_playback&value=tt-monkeys&stage=PLAY&agent_user=1000'), 'SUCCESS: audio_playback function sent - tt-monkeys|PLAY|1000\n');
    expectVicidialAnswer(await api('function=force_fronter_audio_stop&value=LOCAL_ONLY&agent_user=102&stage=XY'), 'SUCCESS: force_fronter_audio_stop function sent - LOCAL_ONLY|XY|102|1000\n');
    expect(await gw.core.activeAgentPlayback('1000')).toBeNull();

    // The fronter gave up the lead: its call for the lead a moment ago still names it.
    await gw.core.resumeAgent({ agentId: '1000' });
    expectVicidialAnswer(await api('function=audio_playback&value=tt-monkeys&stage=PLAY&agent_user=1000'), 'SUCCESS: audio_playback function sent - tt-monkeys|PLAY|1000\n');
    expectVicidialAnswer(await api('function=force_fronter_audio_stop&value=LOCAL_AND_CCC&agent_user=102&stage=XY'), 'SUCCESS: force_fronter_audio_stop function sent - LOCAL_AND_CCC|XY|102|1000\n');
    expect(await gw.core.activeAgentPlayback('1000')).toBeNull();
    expectVicidialAnswer(await api('function=force_fronter_audio_stop&value=CCC_REMOTE&agent_user=102&lead_id=3'), 'ERROR: no fronter found - 102\n');
    await gw.farEnd.hangup(customerId, 16);
    await cdrOf(queuedId);
  });

  test('refusals of both: not valid, allow-list, no user, not logged in, not on a call', async () => {
    for (const fn of ['force_fronter_leave_3way', 'force_fronter_audio_stop']) {
      expectVicidialAnswer(await api(`function=${fn}&value=LOCAL&agent_user=102`), `ERROR: ${fn} not valid - LOCAL|102\n`);
      expectVicidialAnswer(await api(`function=${fn}&value=LOCAL_ONLY`), `ERROR: ${fn} not valid - LOCAL_ONLY|\n`);
      expectVicidialAnswer(
        await agentGet(gateway(), `source=test&user=6668&pass=1234&function=${fn}&value=LOCAL_ONLY&agent_user=102`),
        `ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - LOCAL_ONLY|6668|${fn}|AGENTS\n`,
      );
      expectVicidialAnswer(await api(`function=${fn}&value=LOCAL_ONLY&alt_user=nobody`), 'ERROR: no user found - nobody\nERROR: agent_user is not logged in - \n');
      expectVicidialAnswer(await api(`function=${fn}&value=LOCAL_ONLY&agent_user=9999`), 'ERROR: agent_user is not logged in - 9999\n');
      expectVicidialAnswer(await api(`function=${fn}&value=LOCAL_ONLY&agent_user=102`), 'ERROR: agent_user is not on a phone call - 102\n');
    }
  });

  test('force_fronter_audio_stop: a fronter no longer logged in has no session', async () => {
    const gw = gateway();
    const { customerId, queuedId } = await closerHasTheCustomer();
    await gw.core.resumeAgent({ agentId: '1000' });
    await gw.core.logoutAgent({ agentId: '1000', whenInCall: 'refuse' });
    expectVicidialAnswer(
      await api('function=force_fronter_audio_stop&value=LOCAL_ONLY&agent_user=102&stage=XY'),
      'ERROR: force_fronter_audio_stop error - no fronter session found - XY|102|1000\n',
    );
    expectVicidialAnswer(await api('function=force_fronter_leave_3way&value=LOCAL_ONLY&agent_user=102'), 'ERROR: no fronter found - 102\n');
    await gw.farEnd.hangup(customerId, 16);
    await cdrOf(queuedId);
  });
});
