import { agentGet, agentPhone, agentsFree, AUTH, bridgeHolds, expectVicidialAnswer, EXTRA_PROVISIONING, sharedGateway, wireId } from './support/vicidial-test-kit';

// Consultative dials to an in-group (transfer_conference DIAL_WITH_CUSTOMER /
// PARK_CUSTOMER_DIAL with consultative=YES): agent 1000 (the fronter), on a
// call with the customer of lead 1, dials the in-group CLOSERS. The dial is
// a Local channel: its ;1 half is the fronter's third party, its ;2 half is
// a call of its own queued in CLOSERS, which agent 102 (the closer, in its
// own conference) takes with the lead. Each call leaves its CDR.

const gateway = sharedGateway({
  agentInConference: '1000',
  overrides: {
    extraProvisioning: {
      ...EXTRA_PROVISIONING,
      queues: [
        { name: 'CLOSERS', strategy: 'longest_wait_time', mohClass: 'default' },
        { name: 'CLOSED_IN', strategy: 'longest_wait_time', active: false },
      ],
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



/** Agent 1000 on an answered call for demo lead 1. */
async function customerCall(): Promise<{ callId: string; customerId: string; agentLegId: string }> {
  const gw = gateway();
  await gw.waitFor(async () => (await gw.core.getAgentSession('1000'))?.state === 'ready', 15000, 'agent 1000 ready');
  const { callId } = await gw.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: '2120289999', origin: ORIGIN, leadId: 1 });
  const customerId = await gw.waitFor(async () => (await gw.core.getCall(callId))?.legs.find((leg) => leg.role === 'customer' && leg.state === 'up')?.id, 15000, 'customer up');
  const agentLegId = (await gw.core.getAgentSession('1000'))!.conference!.agentLegId!;
  await bridgeHolds(gw, CONFERENCE, [agentLegId, customerId]);
  return { callId, customerId, agentLegId };
}

const cdrOf = (callId: string) => gateway().waitFor(async () => (await gateway().core.getCdrOfCall(callId)) ?? undefined, 15000, `the CDR of ${callId}`);

const closerPhone = (agentId: string): Promise<string> => agentPhone(gateway(), agentId);

/** The fronter's third party once it is up: the ;1 half of the Local channel. */
const thirdPartyUp = (callId: string): Promise<string> =>
  gateway().waitFor(async () => (await gateway().core.getCall(callId))?.legs.find((leg) => leg.role === 'third_party' && leg.state === 'up')?.id, 15000, 'third party up');

/** The call the closer talks in. */
const closerCall = (): Promise<string> =>
  gateway().waitFor(async () => {
    const session = await gateway().core.getAgentSession('102');
    return session?.state === 'in_call' ? (session.currentCallId ?? undefined) : undefined;
  }, 15000, 'agent 102 in a call');

/** Both agents free for the next test. */
const bothFree = (): Promise<void> => agentsFree(gateway(), ['1000', '102']);

describe('consultative dials to an in-group', () => {
  afterEach(bothFree);

  test('the closer takes the in-group call with the lead and talks with fronter and customer; the fronter leaves, customer and closer remain; two CDRs', async () => {
    const gw = gateway();
    const closerLeg = await closerPhone('102');
    const { callId, customerId, agentLegId } = await customerCall();
    expectVicidialAnswer(
      await api('function=transfer_conference&value=DIAL_WITH_CUSTOMER&consultative=YES&ingroup_choices=CLOSERS&phone_number=5550200&agent_user=1000'),
      `SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER|CLOSERS|5550200|YES|1000|${wireId(callId)}|\n`,
    );
    const thirdId = await thirdPartyUp(callId);
    const thirdLeg = (await gw.core.getCall(callId))!.legs.find((leg) => leg.id === thirdId)!;
    expect(thirdLeg).toMatchObject({ endpoint: 'Local/s@gateway-queue', dialedNumber: 'CLOSERS' });
    expect(thirdLeg.channelName).toMatch(/^Local\/s@gateway-queue-[0-9a-f]+;1$/);
    // The in-group's half: a call of its own, with the lead and the customer's number, taken by the closer.
    const queuedId = await closerCall();
    const inGroupHalf = `${thirdId};2`;
    expect((await gw.core.getCall(queuedId))!.call).toMatchObject({
      purpose: 'inbound',
      agentId: '102',
      fromNumber: '5550100',
      toNumber: 'CLOSERS',
      progress: { stage: 'connected', queueName: 'CLOSERS', leadId: 1, callerLegId: inGroupHalf },
    });
    expect(await gw.core.getAgentSession('102')).toMatchObject({ lead: { leadId: 1 } });
    await bridgeHolds(gw, CONFERENCE, [agentLegId, customerId, thirdId]);
    await bridgeHolds(gw, CLOSER_CONFERENCE, [closerLeg, inGroupHalf]);
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });

    expectVicidialAnswer(
      await api('function=transfer_conference&value=LEAVE_3WAY_CALL&agent_user=1000'),
      `SUCCESS: transfer_conference function set - LEAVE_3WAY_CALL|||NO|1000|${wireId(callId)}|\n`,
    );
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    // Customer and closer talk on: the customer with the ;1 half in the call's bridge, the ;2 half with the closer.
    await bridgeHolds(gw, `${callId}.bridge`, [customerId, thirdId]);
    await bridgeHolds(gw, CLOSER_CONFERENCE, [closerLeg, inGroupHalf]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);
    expect(await gw.core.getAgentSession('102')).toMatchObject({ state: 'in_call', currentCallId: queuedId });

    // The customer hangs up: its call ends, and with the ;1 half the closer's call.
    await gw.farEnd.hangup(customerId, 16);
    expect(await cdrOf(callId)).toMatchObject({ purpose: 'agent_customer', agentId: '1000', toNumber: '5550100', leadId: 1, hangupSide: 'callee', hangupCause: 16 });
    expect(await cdrOf(queuedId)).toMatchObject({ purpose: 'inbound', agentId: '102', fromNumber: '5550100', toNumber: 'CLOSERS', leadId: 1 });
  });

  test('PARK_CUSTOMER_DIAL with nobody free: the fronter hears the in-group’s music until the closer takes it; HANGUP_XFER ends the closer’s call, fronter and customer go on', async () => {
    const gw = gateway();
    await gw.core.pauseAgent({ agentId: '102', reason: null });
    const { callId, customerId, agentLegId } = await customerCall();
    expectVicidialAnswer(
      await api('function=transfer_conference&value=PARK_CUSTOMER_DIAL&consultative=YES&ingroup_choices=DEFAULTINGROUP&agent_user=1000'),
      `SUCCESS: transfer_conference function set - PARK_CUSTOMER_DIAL|CLOSERS||YES|1000|${wireId(callId)}|\n`,
    );
    // The in-group answers at once: its half waits with music, the other half is in the fronter's conference.
    const thirdId = await thirdPartyUp(callId);
    const inGroupHalf = `${thirdId};2`;
    await bridgeHolds(gw, CONFERENCE, [agentLegId, thirdId]);
    await bridgeHolds(gw, `${callId}.hold`, [customerId]);
    const waiting = await gw.waitFor(async () => (await gw.core.listWaitingCalls(['CLOSERS']))[0]?.callId, 15000, 'a call waiting in CLOSERS');
    expect((await gw.core.getCall(waiting))!.call).toMatchObject({ purpose: 'inbound', agentId: null, progress: { stage: 'waiting', callerLegId: inGroupHalf, leadId: 1 } });
    expect((await gw.engineChannels()).find((channel) => channel.id === inGroupHalf)?.state).toBe('Up');
    if (gw.farEnd.engine === 'pbx-sim') {
      const requests = await gw.sim.control.requests();
      const paths = [`/ari/channels/${inGroupHalf}/moh`, `/ari/channels/${encodeURIComponent(inGroupHalf)}/moh`];
      expect(requests.some((request) => request.method === 'POST' && paths.includes(request.path))).toBe(true);
    }

    await gw.core.resumeAgent({ agentId: '102' });
    const closerLeg = await closerPhone('102');
    expect(await closerCall()).toBe(waiting);
    await bridgeHolds(gw, CLOSER_CONFERENCE, [closerLeg, inGroupHalf]);

    expectVicidialAnswer(
      await api('function=transfer_conference&value=HANGUP_XFER&agent_user=1000'),
      `SUCCESS: transfer_conference function set - HANGUP_XFER|||NO|1000|${wireId(callId)}|\n`,
    );
    expect(await cdrOf(waiting)).toMatchObject({ purpose: 'inbound', agentId: '102', toNumber: 'CLOSERS', leadId: 1 });
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });
    expectVicidialAnswer(await api('function=park_call&value=GRAB_CUSTOMER&agent_user=1000'), 'SUCCESS: park_call function set - GRAB_CUSTOMER|1000\n');
    await bridgeHolds(gw, CONFERENCE, [agentLegId, customerId]);
    await gw.farEnd.hangup(customerId, 16);
    expect(await cdrOf(callId)).toMatchObject({ purpose: 'agent_customer', agentId: '1000', leadId: 1, hangupSide: 'callee' });
  });

  test('the closer hangs up: both halves end, fronter and customer talk on; HANGUP_BOTH then ends the fronter’s call', async () => {
    const gw = gateway();
    const closerLeg = await closerPhone('102');
    const { callId, customerId, agentLegId } = await customerCall();
    expectVicidialAnswer(
      await api('function=transfer_conference&value=DIAL_WITH_CUSTOMER&consultative=YES&ingroup_choices=CLOSERS&agent_user=1000'),
      `SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER|CLOSERS||YES|1000|${wireId(callId)}|\n`,
    );
    const thirdId = await thirdPartyUp(callId);
    const queuedId = await closerCall();
    await bridgeHolds(gw, CLOSER_CONFERENCE, [closerLeg, `${thirdId};2`]);
    expectVicidialAnswer(await api('function=external_hangup&value=1&agent_user=102'), 'SUCCESS: external_hangup function set - 1|102\n');
    expect(await cdrOf(queuedId)).toMatchObject({ purpose: 'inbound', agentId: '102', toNumber: 'CLOSERS', leadId: 1 });
    // Asterisk ends the ;1 half with the ;2 half: the fronter's third party is gone.
    await gw.waitFor(async () => (await gw.core.getCall(callId))?.legs.find((leg) => leg.id === thirdId)?.state === 'ended', 15000, 'the third party ended');
    await bridgeHolds(gw, CONFERENCE, [agentLegId, customerId]);
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });
    expectVicidialAnswer(
      await api('function=transfer_conference&value=HANGUP_BOTH&agent_user=1000'),
      `SUCCESS: transfer_conference function set - HANGUP_BOTH|||NO|1000|${wireId(callId)}|\n`,
    );
    expect(await cdrOf(callId)).toMatchObject({ purpose: 'agent_customer', agentId: '1000', leadId: 1 });
  });

  test('an in-group missing, inactive or too short is refused with VICIdial’s line; nothing is dialled', async () => {
    const gw = gateway();
    const { callId, customerId, agentLegId } = await customerCall();
    for (const group of ['FAKE_IN', 'CLOSED_IN', 'C']) {
      expectVicidialAnswer(
        await api(`function=transfer_conference&value=DIAL_WITH_CUSTOMER&consultative=YES&ingroup_choices=${group}&phone_number=5550200&agent_user=1000`),
        `ERROR: ingroup is not valid - ${group}\n`,
      );
    }
    expect((await gw.core.getCall(callId))!.legs.some((leg) => leg.role === 'third_party')).toBe(false);
    await bridgeHolds(gw, CONFERENCE, [agentLegId, customerId]);
    await gw.farEnd.hangup(customerId, 16);
    await cdrOf(callId);
  });
});
