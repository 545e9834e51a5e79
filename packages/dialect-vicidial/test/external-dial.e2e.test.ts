import { AUTH, agentGet, expectEpochLine, expectVicidialAnswer, nowSeconds, sharedGateway } from './support/vicidial-test-kit';
import { DIALER_PROVISIONING } from './support/dialer-provisioning';

// external_dial and preview_dial_action (spec §3.2) on the lead world: the
// manual call reaches the far end with the lead on the agent's screen, its
// hang-up leaves a CDR with the lead; every response line of both functions.

const gateway = sharedGateway({
  agentInConference: '1000',
  overrides: {
    extraProvisioning: {
      ...DIALER_PROVISIONING,
      groupAliases: [
        { id: 'GOODALIAS', callerIdNumber: '3125550000', callerIdName: 'Good' },
        { id: 'LOWALIAS', callerIdNumber: '3' },
        { id: 'OFFALIAS', callerIdNumber: '3125550001', active: false },
      ],
    },
  },
});
const api = (query: string) => agentGet(gateway(), `${AUTH}&${query}`);
const DIAL = 'function=external_dial&search=NO&preview=NO&focus=NO';

async function pausedAndFree(): Promise<void> {
  const gw = gateway();
  await gw.waitFor(async () => (await gw.core.getAgentSession('1000'))?.currentCallId === null, 15000, 'agent 1000 off the phone');
  const session = (await gw.core.getAgentSession('1000'))!;
  if (session.lead !== null) await api('function=external_status&value=A&agent_user=1000');
  await api('function=external_pause&value=PAUSE&agent_user=1000');
}

describe('external_dial reaches the far end with the lead', () => {
  test('the customer is dialled into the conference, the agent goes INCALL with the lead, the hang-up leaves a CDR with the lead id', async () => {
    const gw = gateway();
    await pausedAndFree();
    const before = nowSeconds();
    const response = await api(`${DIAL}&value=7275551212&phone_code=1&agent_user=1000&search=YES`);
    expectEpochLine(response, before, nowSeconds(), (epoch) => `SUCCESS: external_dial function set - 7275551212|1000|1|YES|NO|NO||${epoch}||||\n`);
    const session = (await gw.core.getAgentSession('1000'))!;
    expect(session.state).toBe('in_call');
    // search=YES found the provisioned lead 1 by its number.
    expect(session.lead).toEqual({ leadId: 1, callId: session.currentCallId });
    const callId = session.currentCallId!;
    const customer = await gw.waitFor(
      async () => (await gw.core.getCall(callId))?.legs.find((leg) => leg.role === 'customer' && leg.state === 'up'),
      15000,
      'customer answered',
    );
    expect(customer.endpoint).toContain('17275551212');
    expect(await gw.core.getLead(1)).toMatchObject({ status: 'INCALL', calledCount: 1 });
    await gw.farEnd.hangup(customer.id, 16);
    const cdr = await gw.waitFor(async () => (await gw.core.getCdrOfCall(callId)) ?? false, 15000, 'the CDR');
    expect(cdr).toMatchObject({ leadId: 1, toNumber: '7275551212' });
    expect(await gw.core.getLeadCall(callId)).toMatchObject({ leadId: 1 });
  });

  test('a number of no lead becomes a new lead of the manual-dial list', async () => {
    const gw = gateway();
    await pausedAndFree();
    await api(`${DIAL}&value=3125559999&agent_user=1000`);
    const session = (await gw.core.getAgentSession('1000'))!;
    const lead = (await gw.core.getLead(session.lead!.leadId))!;
    expect(lead).toMatchObject({ listId: 101, phoneNumber: '3125559999', phoneCode: '1', calledCount: 1 });
    await gw.waitFor(async () => (await gw.core.getCall(session.currentCallId!))?.legs.some((leg) => leg.state === 'up') ?? false, 15000, 'customer answered');
    await gw.core.hangupAgentCustomer({ agentId: '1000' });
  });
});

describe('every response line', () => {
  test('not valid: value, search, preview or focus too short', async () => {
    expectVicidialAnswer(await api('function=external_dial&value=1&agent_user=1000&search=NO&preview=NO&focus=NO'), 'ERROR: external_dial not valid - 1||NO|NO|NO||1000|\n');
    expectVicidialAnswer(await api('function=external_dial&value=7275551212&agent_user=1000&search=N&preview=NO&focus=NO'), 'ERROR: external_dial not valid - 7275551212||N|NO|NO||1000|\n');
  });

  test('not logged in', async () => {
    expectVicidialAnswer(await api(`${DIAL}&value=7275551212&agent_user=9999`), 'ERROR: agent_user is not logged in - 9999\n');
  });

  test('STANDARD needs a paused agent', async () => {
    await pausedAndFree();
    await api('function=external_pause&value=RESUME&agent_user=1000');
    expectVicidialAnswer(await api(`${DIAL}&value=7275551212&agent_user=1000`), 'ERROR: agent_user is not paused - 1000\n');
  });

  test('dial_ingroup unknown: a NOTICE, then on', async () => {
    await pausedAndFree();
    await api('function=external_pause&value=RESUME&agent_user=1000');
    expectVicidialAnswer(await api(`${DIAL}&value=7275551212&agent_user=1000&dial_ingroup=NOGROUP`), 'NOTICE: defined dial_ingroup not found - NOGROUP\nERROR: agent_user is not paused - 1000\n');
  });

  test('group_alias unknown, inactive, or with a caller id below 4', async () => {
    await pausedAndFree();
    expectVicidialAnswer(await api(`${DIAL}&value=7275551212&agent_user=1000&group_alias=NOALIAS`), 'ERROR: group_alias is not valid - 1000|NOALIAS\n');
    expectVicidialAnswer(await api(`${DIAL}&value=7275551212&agent_user=1000&group_alias=OFFALIAS`), 'ERROR: group_alias is not valid - 1000|OFFALIAS\n');
    expectVicidialAnswer(
      await api(`${DIAL}&value=7275551212&agent_user=1000&group_alias=LOWALIAS`),
      'ERROR: caller_id_number from group_alias is not valid - 1000|LOWALIAS|3\n',
    );
  });

  test('outbound_cid refused unless the system allows it for the API', async () => {
    await pausedAndFree();
    expectVicidialAnswer(
      await api(`${DIAL}&value=7275551212&agent_user=1000&outbound_cid=3125550000`),
      'ERROR: outbound_cid is not allowed on this system - 1000|3125550000|DISABLED\n',
    );
  });

  test('vtiger callback: no Vtiger, no activity', async () => {
    await pausedAndFree();
    expectVicidialAnswer(await api(`${DIAL}&value=991234&agent_user=1000&vtiger_callback=YES`), 'ERROR: vtiger callback activity does not exist in vtiger system - 1234\n');
  });

  test('lead_id unknown, SEARCH not found, number too short', async () => {
    await pausedAndFree();
    expectVicidialAnswer(await api(`${DIAL}&lead_id=999999&agent_user=1000`), 'ERROR: lead_id is not valid - 1000|999999\n');
    expectVicidialAnswer(await api(`${DIAL}&value=5551&lead_id=2&alt_dial=SEARCH&agent_user=1000`), 'ERROR: phone number lead_id search not found - 1000||2|\n');
    expectVicidialAnswer(await api(`${DIAL}&lead_id=2&alt_dial=ALT&agent_user=1000`), 'ERROR: phone number is not valid - 1000||2|ALT\n');
  });

  test('preview=YES shows the lead without a call; preview_dial_action SKIP drops it', async () => {
    const gw = gateway();
    await pausedAndFree();
    const before = nowSeconds();
    const response = await api(`function=external_dial&search=NO&preview=YES&focus=NO&lead_id=3&agent_user=1000`);
    expectEpochLine(response, before, nowSeconds(), (epoch) => `SUCCESS: external_dial function set - 7275551214|1000|1|NO|YES|NO||${epoch}||||\n`);
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'paused', previewLeadId: 3, currentCallId: null, lead: null });
    expectVicidialAnswer(await api('function=preview_dial_action&value=SKIP&agent_user=1000'), 'SUCCESS: preview_dial_action function set - SKIP|1000|SKIP\n');
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ previewLeadId: null });
  });

  test('preview_dial_action: not valid, nothing previewed, alternate numbers off, DIALONLY dials the previewed lead', async () => {
    const gw = gateway();
    await pausedAndFree();
    expectVicidialAnswer(await api('function=preview_dial_action&value=JUMP&agent_user=1000'), 'ERROR: preview_dial_action not valid - JUMP||1000|\n');
    expectVicidialAnswer(await api('function=preview_dial_action&value=DIALONLY&agent_user=1000'), 'ERROR: agent_user is not paused - 1000\n');
    expectVicidialAnswer(
      await api('function=preview_dial_action&value=ALTDIAL&agent_user=1000'),
      'ERROR: alt number dialing not allowed on this campaign - 1000|TESTCAMP|N\n',
    );
    await api(`function=external_dial&search=NO&preview=YES&focus=NO&lead_id=2&agent_user=1000`);
    expectVicidialAnswer(await api('function=preview_dial_action&value=DIALONLY&agent_user=1000'), 'SUCCESS: preview_dial_action function set - DIALONLY|1000|DIALONLY\n');
    const session = (await gw.core.getAgentSession('1000'))!;
    expect(session).toMatchObject({ state: 'in_call', previewLeadId: null, lead: { leadId: 2 } });
    const callId = session.currentCallId!;
    const customer = await gw.waitFor(
      async () => (await gw.core.getCall(callId))?.legs.find((leg) => leg.role === 'customer' && leg.state === 'up'),
      15000,
      'customer answered',
    );
    await gw.farEnd.hangup(customer.id, 16);
    await gw.waitFor(async () => (await gw.core.getCdrOfCall(callId)) ?? false, 15000, 'the CDR');
  });
});
