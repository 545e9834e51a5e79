import type { TestGateway } from '@pbx-gateway/test-support';
import { clearScreen, leadOnScreen } from './support/lead-on-screen';
import { agentGet, AUTH, bridgeHolds, expectVicidialAnswer, sharedGateway, wireId } from './support/vicidial-test-kit';

// transfer_conference, park_call and ra_call_control (seed 002, spec §3.2):
// a real third party in a 3-way call, a blind transfer that reaches the
// number, the customer parked with music on hold and grabbed back; every
// response line of the three functions.

// The message LEAVE_VM leaves with the customer: a short one, which ends by itself.
const gateway = sharedGateway({ agentInConference: '1000', overrides: { dialects: { vicidial: { voicemailMessage: 'hello-world' } } } });
const api = (query: string) => agentGet(gateway(), `${AUTH}&${query}`);
const CONFERENCE = 'agent-1000.conference';
const ORIGIN = { dialect: 'vicidial', operation: 'test', apiUserId: null };


async function legsOf(gw: TestGateway, callId: string) {
  return (await gw.core.getCall(callId))?.legs ?? [];
}

async function upLeg(gw: TestGateway, callId: string, role: 'customer' | 'third_party'): Promise<string> {
  return gw.waitFor(async () => (await legsOf(gw, callId)).find((leg) => leg.role === role && leg.state === 'up')?.id, 15000, `${role} up`);
}


/** Agent 1000 on an answered call with a customer, as after a manual dial. */
async function customerCall(number = '5550100'): Promise<{ callId: string; customerId: string; agentLegId: string }> {
  const gw = gateway();
  await gw.waitFor(async () => (await gw.core.getAgentSession('1000'))?.state !== 'in_call', 15000, 'agent 1000 free');
  const { callId } = await gw.core.startAgentCustomerCall({ agentId: '1000', number, callerId: '2120289999', origin: ORIGIN });
  const customerId = await upLeg(gw, callId, 'customer');
  const agentLegId = (await gw.core.getAgentSession('1000'))!.conference!.agentLegId!;
  await bridgeHolds(gw, CONFERENCE, [agentLegId, customerId]);
  return { callId, customerId, agentLegId };
}

async function callEnded(callId: string): Promise<void> {
  const gw = gateway();
  await gw.waitFor(async () => (await gw.core.getCdrOfCall(callId)) ?? false, 15000, `the CDR of ${callId}`);
}

describe('a 3-way call with a real third party', () => {
  test('DIAL_WITH_CUSTOMER dials the third party into the conference; HANGUP_XFER hangs it up alone', async () => {
    const gw = gateway();
    const { callId, customerId, agentLegId } = await customerCall();
    expectVicidialAnswer(
      await api('function=transfer_conference&value=DIAL_WITH_CUSTOMER&phone_number=5550200&agent_user=1000'),
      `SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER||5550200|NO|1000|${wireId(callId)}|\n`,
    );
    const thirdId = await upLeg(gw, callId, 'third_party');
    await bridgeHolds(gw, CONFERENCE, [agentLegId, customerId, thirdId]);

    expectVicidialAnswer(await api('function=transfer_conference&value=HANGUP_XFER&agent_user=1000'), `SUCCESS: transfer_conference function set - HANGUP_XFER|||NO|1000|${wireId(callId)}|\n`);
    await bridgeHolds(gw, CONFERENCE, [agentLegId, customerId]);
    expect((await gw.core.getCall(callId))!.call.state).toBe('answered');
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });

    expectVicidialAnswer(await api('function=transfer_conference&value=HANGUP_BOTH&agent_user=1000'), `SUCCESS: transfer_conference function set - HANGUP_BOTH|||NO|1000|${wireId(callId)}|\n`);
    await callEnded(callId);
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);
    await gw.core.resumeAgent({ agentId: '1000' });
  });

  test('LEAVE_3WAY_CALL: the agent leaves, customer and third party talk on; the third party hanging up ends the call', async () => {
    const gw = gateway();
    const { callId, customerId, agentLegId } = await customerCall();
    expectVicidialAnswer(
      await api('function=transfer_conference&value=PARK_CUSTOMER_DIAL&phone_number=5550201&agent_user=1000&multi_dial_phones=5550201,55,5550201,5550202'),
      `SUCCESS: transfer_conference function set - PARK_CUSTOMER_DIAL||5550201|NO|1000|${wireId(callId)}|Multi-phones: 2 4 1|\n`,
    );
    const thirdId = await upLeg(gw, callId, 'third_party');
    // The customer waits on hold while agent and third party talk.
    await bridgeHolds(gw, `${callId}.hold`, [customerId]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId, thirdId]);
    // SWAP_PARK_XFER: the third party waits, the customer is back with the agent.
    expectVicidialAnswer(await api('function=park_call&value=SWAP_PARK_XFER&agent_user=1000'), 'SUCCESS: park_call function set - SWAP_PARK_XFER|1000\n');
    await bridgeHolds(gw, `${callId}.hold`, [thirdId]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId, customerId]);
    expectVicidialAnswer(await api('function=park_call&value=GRAB_XFER&agent_user=1000'), 'SUCCESS: park_call function set - GRAB_XFER|1000\n');
    await bridgeHolds(gw, CONFERENCE, [agentLegId, customerId, thirdId]);

    expectVicidialAnswer(await api('function=transfer_conference&value=LEAVE_3WAY_CALL&agent_user=1000'), `SUCCESS: transfer_conference function set - LEAVE_3WAY_CALL|||NO|1000|${wireId(callId)}|\n`);
    await bridgeHolds(gw, `${callId}.bridge`, [customerId, thirdId]);
    await bridgeHolds(gw, CONFERENCE, [agentLegId]);
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });

    await gw.farEnd.hangup(thirdId, 16);
    await callEnded(callId);
    expect(await gw.core.getCdrOfCall(callId)).toMatchObject({ toNumber: '5550100', hangupSide: 'callee', hangupCause: 16 });
    await gw.core.resumeAgent({ agentId: '1000' });
  });
});

test('BLIND_TRANSFER: the customer reaches the number, the agent is free at once', async () => {
  const gw = gateway();
  const { callId, customerId, agentLegId } = await customerCall();
  expectVicidialAnswer(
    await api('function=transfer_conference&value=BLIND_TRANSFER&phone_number=5550300&agent_user=1000&dial_override=YES&cid_choice=CUSTOMER'),
    `SUCCESS: transfer_conference function set - BLIND_TRANSFER||5550300|NO|1000|${wireId(callId)}|\n`,
  );
  expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
  const thirdId = await upLeg(gw, callId, 'third_party');
  await bridgeHolds(gw, `${callId}.bridge`, [customerId, thirdId]);
  await bridgeHolds(gw, CONFERENCE, [agentLegId]);
  const third = (await legsOf(gw, callId)).find((leg) => leg.id === thirdId)!;
  // cid_choice=CUSTOMER: the number sees the customer's number.
  expect(third).toMatchObject({ dialedNumber: '5550300', callerNumber: '5550100' });

  await gw.farEnd.hangup(customerId, 16);
  await callEnded(callId);
  await gw.core.resumeAgent({ agentId: '1000' });
});

test("BLIND_TRANSFER with a group alias: the number sees the alias's caller id, whatever cid_choice says", async () => {
  const gw = gateway();
  const { callId, customerId } = await customerCall();
  expectVicidialAnswer(
    await api('function=transfer_conference&value=BLIND_TRANSFER&phone_number=5550300&agent_user=1000&group_alias=TESTALIAS&cid_choice=CUSTOMER'),
    `SUCCESS: transfer_conference function set - BLIND_TRANSFER||5550300|NO|1000|${wireId(callId)}|\n`,
  );
  const thirdId = await upLeg(gw, callId, 'third_party');
  // The demo tenant's alias TESTALIAS.
  expect((await legsOf(gw, callId)).find((leg) => leg.id === thirdId)).toMatchObject({ dialedNumber: '5550300', callerNumber: '7275550000' });
  await gw.farEnd.hangup(customerId, 16);
  await callEnded(callId);
  await gw.core.resumeAgent({ agentId: '1000' });
});

test('LEAVE_VM: the customer hears the message alone, then the call ends; the agent is free at once', async () => {
  const gw = gateway();
  const { callId, agentLegId } = await customerCall();
  expectVicidialAnswer(await api('function=transfer_conference&value=LEAVE_VM&agent_user=1000'), `SUCCESS: transfer_conference function set - LEAVE_VM|||NO|1000|${wireId(callId)}|\n`);
  expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
  await bridgeHolds(gw, CONFERENCE, [agentLegId]);
  await callEnded(callId);
  expect(await gw.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'system', toNumber: '5550100' });
  const played = await gw.query<{ media: string; finish_cause: string }>('SELECT media, finish_cause FROM playbacks WHERE call_id = $1', [callId]);
  expect(played).toEqual([{ media: 'sound:hello-world', finish_cause: 'done' }]);
  await gw.core.resumeAgent({ agentId: '1000' });
});

test('PARK_CUSTOMER: the customer waits in a holding bridge with music on hold; GRAB_CUSTOMER brings it back', async () => {
  const gw = gateway();
  const { callId, customerId, agentLegId } = await customerCall();
  expectVicidialAnswer(await api('function=park_call&value=PARK_CUSTOMER&agent_user=1000'), 'SUCCESS: park_call function set - PARK_CUSTOMER|1000\n');
  await bridgeHolds(gw, `${callId}.hold`, [customerId]);
  await bridgeHolds(gw, CONFERENCE, [agentLegId]);
  expect((await gw.engineBridges()).find((bridge) => bridge.id === `${callId}.hold`)).toMatchObject({ bridge_type: 'holding' });
  // Parking again, or grabbing what is not parked, changes nothing.
  expectVicidialAnswer(await api('function=park_call&value=PARK_IVR_CUSTOMER&agent_user=1000'), 'SUCCESS: park_call function set - PARK_IVR_CUSTOMER|1000\n');
  expectVicidialAnswer(await api('function=park_call&value=GRAB_XFER&agent_user=1000'), 'SUCCESS: park_call function set - GRAB_XFER|1000\n');

  expectVicidialAnswer(await api('function=park_call&value=GRAB_CUSTOMER&agent_user=1000'), 'SUCCESS: park_call function set - GRAB_CUSTOMER|1000\n');
  await bridgeHolds(gw, CONFERENCE, [agentLegId, customerId]);
  expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'in_call', currentCallId: callId });

  expectVicidialAnswer(await api(`function=ra_call_control&value=${wireId(callId)}&agent_user=1000&stage=HANGUP`), `SUCCESS: ra_call_control hungup - 1000|${wireId(callId)}|HANGUP\n`);
  await callEnded(callId);
  await gw.waitFor(async () => !(await gw.engineBridges()).some((bridge) => bridge.id === `${callId}.hold`), 15000, 'the holding bridge gone');
  expectVicidialAnswer(await api(`function=ra_call_control&value=${wireId(callId)}&agent_user=1000&stage=HANGUP`), `ERROR: no active call found - ${wireId(callId)}\n`);
});

test('ra_call_control EXTENSIONTRANSFER transfers the customer of a call named by its ID', async () => {
  const gw = gateway();
  const { callId, customerId } = await customerCall();
  const id = wireId(callId);
  expectVicidialAnswer(await api(`function=ra_call_control&value=${id}&agent_user=1000&stage=EXTENSIONTRANSFER&phone_number=5`), 'ERROR: phone_number is not valid - 5\n');
  expectVicidialAnswer(await api(`function=ra_call_control&value=${id}&agent_user=1000&stage=INGROUPTRANSFER&ingroup_choices=SALES`), 'ERROR: ingroup is not valid - SALES\n');
  expectVicidialAnswer(await api(`function=ra_call_control&value=${id}&agent_user=1000&stage=PARK`), 'ERROR: stage is not valid - PARK\n');
  expectVicidialAnswer(
    await api(`function=ra_call_control&value=${id}&agent_user=1000&stage=EXTENSIONTRANSFER&phone_number=5550400&status=XFER`),
    `SUCCESS: ra_call_control transfer - 1000|${id}|5550400\n`,
  );
  const thirdId = await upLeg(gw, callId, 'third_party');
  await bridgeHolds(gw, `${callId}.bridge`, [customerId, thirdId]);
  expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up' });
  await gw.farEnd.hangup(thirdId, 16);
  await callEnded(callId);
  await gw.core.resumeAgent({ agentId: '1000' });
});

describe('refusals', () => {
  test('not valid, not logged in, no live call', async () => {
    expectVicidialAnswer(await api('function=transfer_conference&value=HANGUP&agent_user=1000'), 'ERROR: transfer_conference not valid - HANGUP|1000\n');
    expectVicidialAnswer(await api('function=transfer_conference&value=HANGUP_XFER'), 'ERROR: transfer_conference not valid - HANGUP_XFER|\n');
    expectVicidialAnswer(await api('function=transfer_conference&value=HANGUP_XFER&agent_user=9999'), 'ERROR: agent_user is not logged in - 9999\n');
    expectVicidialAnswer(await api('function=transfer_conference&value=HANGUP_XFER&agent_user=1000'), 'ERROR: agent_user does not have a live call - 1000\n');
    expectVicidialAnswer(await api('function=park_call&value=PARK&agent_user=1000'), 'ERROR: park_call not valid - PARK|1000\n');
    expectVicidialAnswer(await api('function=park_call&value=PARK_CUSTOMER&agent_user=9999'), 'ERROR: agent_user is not logged in - 9999\n');
    expectVicidialAnswer(await api('function=park_call&value=PARK_CUSTOMER&agent_user=1000'), 'ERROR: agent_user does not have a lead on their screen - 1000\n');
    // The lead waiting for its disposition after the call: VICIdial checks only for a lead on the screen, so SUCCESS (nothing to park).
    await leadOnScreen(gateway());
    expectVicidialAnswer(await api('function=park_call&value=PARK_CUSTOMER&agent_user=1000'), 'SUCCESS: park_call function set - PARK_CUSTOMER|1000\n');
    expectVicidialAnswer(await api('function=park_call&value=GRAB_XFER&agent_user=1000'), 'SUCCESS: park_call function set - GRAB_XFER|1000\n');
    expect(await gateway().core.getAgentSession('1000')).toMatchObject({ state: 'wrap_up', currentCallId: null });
    await clearScreen(gateway());
    expectVicidialAnswer(await api('function=ra_call_control&value=X&agent_user=1000'), 'ERROR: ra_call_control not valid - X|1000|\n');
    expectVicidialAnswer(await api('function=ra_call_control&value=X&agent_user=9999&stage=HANGUP'), 'ERROR: agent_user is not logged in - 9999\n');
    expectVicidialAnswer(await api('function=ra_call_control&value=X&agent_user=1000&stage=HANGUP'), 'ERROR: no active call found - X\n');
  });

  test('on a live call: value, in-group, group alias, caller id choice, 3-way check, number', async () => {
    const gw = gateway();
    const { callId } = await customerCall();
    expectVicidialAnswer(await api('function=transfer_conference&value=TRANSFER_ALL&agent_user=1000'), 'ERROR: value is not valid - TRANSFER_ALL|6666\n');
    expectVicidialAnswer(await api('function=transfer_conference&value=LOCAL_CLOSER&agent_user=1000&ingroup_choices=FAKE_IN'), 'ERROR: ingroup is not valid - FAKE_IN\n');
    expectVicidialAnswer(await api('function=transfer_conference&value=LOCAL_CLOSER&agent_user=1000&ingroup_choices=DEFAULTINGROUP'), 'ERROR: ingroup is not valid - \n');
    expectVicidialAnswer(
      await api('function=transfer_conference&value=DIAL_WITH_CUSTOMER&agent_user=1000&consultative=YES&ingroup_choices=S'),
      'ERROR: ingroup is not valid - S\n',
    );
    expectVicidialAnswer(
      await api('function=transfer_conference&value=BLIND_TRANSFER&phone_number=5550300&agent_user=1000&group_alias=SALES&close_window_link=1'),
      'ERROR: group_alias is not valid - 1000|SALES\n',
    );
    expectVicidialAnswer(
      await api('function=transfer_conference&value=BLIND_TRANSFER&phone_number=5550300&agent_user=1000&cid_choice=OTHER&close_window_link=1'),
      'ERROR: cid_choice is not valid - 1000|OTHER\n',
    );
    // As VICIdial: a one-letter choice is not checked, one containing a choice passes.
    for (const choice of ['X', 'CUSTOMER2']) {
      expect((await api(`function=transfer_conference&value=BLIND_TRANSFER&phone_number=&agent_user=1000&cid_choice=${choice}`)).text).toBe('ERROR: phone_number is not valid - \n');
    }
    expectVicidialAnswer(await api('function=transfer_conference&value=DIAL_WITH_CUSTOMER&phone_number=&agent_user=1000'), 'ERROR: phone_number is not valid - \n');
    expectVicidialAnswer(
      // A dial that is no consultation echoes the group as given: VICIdial resolves DEFAULTINGROUP only for in-group transfers.
      await api('function=transfer_conference&value=DIAL_WITH_CUSTOMER&phone_number=5550200&agent_user=1000&tw_check=YES&md_check=YES&ingroup_choices=DEFAULTINGROUP'),
      `SUCCESS: transfer_conference function set - DIAL_WITH_CUSTOMER|DEFAULTINGROUP|5550200|NO|1000|${wireId(callId)}|\n`,
    );
    expectVicidialAnswer(
      await api('function=transfer_conference&value=DIAL_WITH_CUSTOMER&phone_number=5550201&agent_user=1000&tw_check=YES'),
      'ERROR: agent_user has current active 3-way call - 1000|1|0|YES\n',
    );
    expectVicidialAnswer(
      await api('function=transfer_conference&value=DIAL_WITH_CUSTOMER&phone_number=5550201&agent_user=1000'),
      'ERROR: agent_user has current active 3-way call - 1000|1|0|\n',
    );
    expectVicidialAnswer(await api('function=transfer_conference&value=HANGUP_BOTH&agent_user=1000'), `SUCCESS: transfer_conference function set - HANGUP_BOTH|||NO|1000|${wireId(callId)}|\n`);
    await callEnded(callId);
    await gw.core.resumeAgent({ agentId: '1000' });
  });

  test('the allow-list', async () => {
    expectVicidialAnswer(
      await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=transfer_conference&value=HANGUP_XFER&agent_user=1000'),
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - HANGUP_XFER|6668|transfer_conference|AGENTS\n',
    );
    expectVicidialAnswer(
      await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=park_call&value=PARK_CUSTOMER&agent_user=1000'),
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - PARK_CUSTOMER|6668|park_call|AGENTS\n',
    );
    expectVicidialAnswer(
      await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=ra_call_control&value=X&agent_user=1000&stage=HANGUP'),
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - X|6668|ra_call_control|AGENTS\n',
    );
  });
});

describe('Multi-phones', () => {
  test("the agent's request is kept in place of its earlier one: 2 rows, as VICIdial's MySQL reports the update", async () => {
    const gw = gateway();
    // An earlier request of the agent's, whatever the tests before this one asked.
    await gw.core.recordMultiDialRequest({ agentId: '1000', numbers: ['5550300'] });
    const { callId } = await customerCall();
    expectVicidialAnswer(
      await api('function=transfer_conference&value=HANGUP_XFER&agent_user=1000&multi_dial_phones=5550301,5550302,5550301'),
      `SUCCESS: transfer_conference function set - HANGUP_XFER|||NO|1000|${wireId(callId)}|Multi-phones: 2 3 2|\n`,
    );
    // No entry kept: nothing stored, 0 rows; the request before stays.
    expectVicidialAnswer(
      await api('function=transfer_conference&value=HANGUP_XFER&agent_user=1000&multi_dial_phones=55,66'),
      `SUCCESS: transfer_conference function set - HANGUP_XFER|||NO|1000|${wireId(callId)}|Multi-phones: 0 2 0|\n`,
    );
    expectVicidialAnswer(
      await api('function=transfer_conference&value=HANGUP_BOTH&agent_user=1000&multi_dial_phones=5550303'),
      `SUCCESS: transfer_conference function set - HANGUP_BOTH|||NO|1000|${wireId(callId)}|Multi-phones: 1 1 2|\n`,
    );
    await callEnded(callId);
    await gw.core.resumeAgent({ agentId: '1000' });
  });
});
