import { MAX_CALLED_COUNT } from '@pbx-gateway/core';
import { AUTH, agentGet, expectEpochLine, expectVicidialAnswer, nowSeconds, sharedGateway } from './support/vicidial-test-kit';
import { DIALER_PROVISIONING } from './support/dialer-provisioning';

// external_dial and preview_dial_action (spec §3.2) on the lead world: the
// manual call reaches the far end with the lead on the agent's screen, its
// hang-up leaves a CDR with the lead; every response line of both functions.

/**
 * Beside the dialer accounts: 1006 in a campaign that queues manual dials and
 * allows no preview, 1007 not allowed to dial by hand, 1008 in a campaign
 * with alternate-number dialling that previews without skipping; and
 * caller-id aliases.
 */
const PROVISIONING: typeof DIALER_PROVISIONING = {
  ...DIALER_PROVISIONING,
  agents: [
    ...(DIALER_PROVISIONING.agents ?? []),
    { id: '1006', name: 'Agent with a manual-dial queue', device: 'PJSIP/1006' },
    { id: '1007', name: 'Agent not dialling by hand', device: 'PJSIP/1007', attributes: { agentcall_manual: '0' } },
    { id: '1008', name: 'Agent dialling alternate numbers', device: 'PJSIP/1008' },
  ],
  campaigns: [
    ...(DIALER_PROVISIONING.campaigns ?? []),
    { id: 'QCAMP', manualDialListId: 600, apiManualDial: 'QUEUE', manualPreviewDial: 'DISABLED' },
    { id: 'ALTCAMP', manualDialListId: 700, altNumberDialing: true, manualPreviewDial: 'PREVIEW_ONLY', campaignCid: '3125551111' },
  ],
  lists: [
    ...(DIALER_PROVISIONING.lists ?? []),
    { id: 600, campaignId: 'QCAMP' },
    { id: 700, campaignId: 'ALTCAMP' },
  ],
  leads: [
    { id: 70, listId: 700, phoneNumber: '3125557000', altPhone: '3125557001', address3: '3125557002' },
    { id: 71, listId: 700, phoneNumber: '3125557100', status: 'SALE' },
    { id: 72, listId: 700, phoneNumber: '3125557200' },
  ],
  sessions: [
    ...(DIALER_PROVISIONING.sessions ?? []),
    { agentId: '1006', via: 'vicidial', conferenceNumber: '8600056', campaignId: 'QCAMP' },
    { agentId: '1007', via: 'vicidial', conferenceNumber: '8600057', campaignId: 'TESTCAMP', initialState: 'paused' },
    { agentId: '1008', via: 'vicidial', conferenceNumber: '8600058', campaignId: 'ALTCAMP', initialState: 'paused' },
  ],
  groupAliases: [
    { id: 'GOODALIAS', callerIdNumber: '3125550000', callerIdName: 'Good' },
    { id: 'SHORTALIAS', callerIdNumber: '55' },
    { id: 'LOWALIAS', callerIdNumber: '3' },
    { id: 'OFFALIAS', callerIdNumber: '3125550001', active: false },
  ],
};

const gateway = sharedGateway({ agentInConference: '1000', overrides: { extraProvisioning: PROVISIONING } });
const api = (query: string) => agentGet(gateway(), `${AUTH}&${query}`);
const DIAL = 'function=external_dial&search=NO&preview=NO&focus=NO';

/** The customer leg of an agent's current call, once answered. */
async function answeredCustomer(agentId: string): Promise<{ callId: string; legId: string; endpoint: string }> {
  const gw = gateway();
  const callId = (await gw.core.getAgentSession(agentId))!.currentCallId!;
  const leg = await gw.waitFor(
    async () => (await gw.core.getCall(callId))?.legs.find((candidate) => candidate.role === 'customer' && candidate.state === 'up'),
    15000,
    `the customer of agent ${agentId} answered`,
  );
  return { callId, legId: leg.id, endpoint: leg.endpoint };
}

/** Hangs the customer up and waits for the call's CDR. */
async function customerHangsUp(customer: { callId: string; legId: string }) {
  const gw = gateway();
  await gw.farEnd.hangup(customer.legId, 16);
  return gw.waitFor(async () => (await gw.core.getCdrOfCall(customer.callId)) ?? false, 15000, 'the CDR');
}

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
    expect(await gw.core.getLead(1)).toMatchObject({ status: 'INCALL', calledCount: 1, calledSinceLastReset: 'Y' });
    await gw.farEnd.hangup(customer.id, 16);
    const cdr = await gw.waitFor(async () => (await gw.core.getCdrOfCall(callId)) ?? false, 15000, 'the CDR');
    expect(cdr).toMatchObject({ leadId: 1, toNumber: '7275551212' });
    const leadCall = (await gw.core.getLeadCall(callId))!;
    expect(leadCall).toMatchObject({ leadId: 1 });
    // The lead's list notes the dial as its last call (list_info's and list_custom_fields' list_lastcalldate).
    expect((await gw.core.getLeadList((await gw.core.getLead(1))!.listId))?.lastCalledAt).toEqual(leadCall.startedAt);
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

describe('a lead whose dial count is at its column’s end', () => {
  test('is dialled, and its count stays at the end', async () => {
    const gw = gateway();
    await pausedAndFree();
    // A count kept at the column's end, as the Non-Agent API's update_lead keeps one beyond it.
    await gw.core.updateLead({ leadId: 3, changes: { calledCount: MAX_CALLED_COUNT } });
    expect(await gw.core.getLead(3)).toMatchObject({ calledCount: MAX_CALLED_COUNT });
    const before = nowSeconds();
    const response = await api(`${DIAL}&value=7275551212&lead_id=3&agent_user=1000`);
    expectEpochLine(response, before, nowSeconds(), (epoch) => `SUCCESS: external_dial function set - 7275551214|1000|1|NO|NO|NO||${epoch}||||\n`);
    expect(await gw.core.getLead(3)).toMatchObject({ status: 'INCALL', calledCount: MAX_CALLED_COUNT });
    const callId = (await gw.core.getAgentSession('1000'))!.currentCallId!;
    await gw.waitFor(async () => (await gw.core.getCall(callId))?.legs.some((leg) => leg.role === 'customer' && leg.state === 'up') ?? false, 15000, 'customer answered');
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

  test('group_alias unknown, or with a caller id below 4; an inactive one is used as VICIdial uses it', async () => {
    await pausedAndFree();
    expectVicidialAnswer(await api(`${DIAL}&value=7275551212&agent_user=1000&group_alias=NOALIAS`), 'ERROR: group_alias is not valid - 1000|NOALIAS\n');
    const before = nowSeconds();
    const inactive = await api(`function=external_dial&search=NO&preview=YES&focus=NO&lead_id=3&agent_user=1000&group_alias=OFFALIAS`);
    const lead = (await gateway().core.getLead(3))!;
    expectEpochLine(inactive, before, nowSeconds(), (epoch) => `SUCCESS: external_dial function set - ${lead.phoneNumber}|1000|${lead.phoneCode}|NO|YES|NO||${epoch}||OFFALIAS|3125550001|\n`);
    expectVicidialAnswer(await api('function=preview_dial_action&value=SKIP&agent_user=1000'), 'SUCCESS: preview_dial_action function set - SKIP|1000|SKIP\n');
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
    // lead_id=0 is a lead_id given: it passes the first check and names no lead, as in VICIdial's script.
    expectVicidialAnswer(await api(`${DIAL}&lead_id=0&agent_user=1000`), 'ERROR: lead_id is not valid - 1000|0\n');
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

  test('preview_dial_action: not valid, nothing previewed (SUCCESS, no call), alternate numbers off, DIALONLY dials the previewed lead', async () => {
    const gw = gateway();
    await pausedAndFree();
    expectVicidialAnswer(await api('function=preview_dial_action&value=JUMP&agent_user=1000'), 'ERROR: preview_dial_action not valid - JUMP||1000|\n');
    // Paused, previewing nothing: VICIdial's SUCCESS (it checks the status alone), and no call.
    expectVicidialAnswer(await api('function=preview_dial_action&value=DIALONLY&agent_user=1000'), 'SUCCESS: preview_dial_action function set - DIALONLY|1000|DIALONLY\n');
    expect(await gw.core.getAgentSession('1000')).toMatchObject({ state: 'paused', currentCallId: null, previewLeadId: null });
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

describe('caller ids, leads by number, the next lead, permissions', () => {
  test('group_alias gives the caller id the customer sees (a short number passes)', async () => {
    const gw = gateway();
    await pausedAndFree();
    const before = nowSeconds();
    const response = await api(`${DIAL}&value=3125558888&agent_user=1000&group_alias=GOODALIAS&dial_prefix=9`);
    expectEpochLine(response, before, nowSeconds(), (epoch) => `SUCCESS: external_dial function set - 3125558888|1000||NO|NO|NO||${epoch}|9|GOODALIAS|3125550000|\n`);
    const customer = await answeredCustomer('1000');
    expect(customer.endpoint).toContain('913125558888');
    expect((await gw.core.getCall(customer.callId))!.call.fromNumber).toBe('3125550000');
    await customerHangsUp(customer);
    await pausedAndFree();
    const short = await api(`${DIAL}&value=3125558889&agent_user=1000&group_alias=SHORTALIAS`);
    expect(short.text).toMatch(/^SUCCESS: external_dial function set - 3125558889\|1000\|\|NO\|NO\|NO\|\|\d+\|\|SHORTALIAS\|55\|\n$/);
    await customerHangsUp(await answeredCustomer('1000'));
  });

  test('lead_id with alt_dial ALT, ADDR3 and SEARCH dials the field it names, with the campaign caller id', async () => {
    const gw = gateway();
    // SEARCH echoes the field it found the value in, as VICIdial's script settles alt_dial.
    for (const [altDial, value, number, echoed] of [
      ['ALT', '', '3125557001', 'ALT'],
      ['ADDR3', '', '3125557002', 'ADDR3'],
      ['SEARCH', '3125557001', '3125557001', 'ALT'],
    ] as const) {
      await gw.waitFor(async () => (await gw.core.getAgentSession('1008'))?.currentCallId === null, 15000, 'agent 1008 off the phone');
      if ((await gw.core.getAgentSession('1008'))!.lead !== null) await api('function=external_status&value=A&agent_user=1008');
      await api('function=external_pause&value=PAUSE&agent_user=1008');
      const response = await api(`${DIAL}&value=${value}&lead_id=70&alt_dial=${altDial}&agent_user=1008`);
      expect(response.text).toMatch(new RegExp(`^SUCCESS: external_dial function set - ${number}\\|1008\\|1\\|NO\\|NO\\|NO\\|\\|\\d+\\|\\|\\|\\|${echoed}\\n$`));
      const customer = await answeredCustomer('1008');
      expect(customer.endpoint).toContain(`1${number}`);
      expect((await gw.core.getCall(customer.callId))!.call.fromNumber).toBe('3125551111');
      expect(await customerHangsUp(customer)).toMatchObject({ leadId: 70 });
    }
    // Each dial marks the lead once more since its list's last reset, as VICIdial's dialer does: Y, Y1, Y2.
    expect(await gw.core.getLead(70)).toMatchObject({ calledCount: 3, calledSinceLastReset: 'Y2' });
  });

  test('MANUALNEXT dials the campaign\'s next lead nobody has called', async () => {
    const gw = gateway();
    await gw.waitFor(async () => (await gw.core.getAgentSession('1008'))?.currentCallId === null, 15000, 'agent 1008 off the phone');
    await api('function=external_status&value=A&agent_user=1008');
    await api('function=external_pause&value=PAUSE&agent_user=1008');
    // Lead 70 was dialled (INCALL, then dispositioned A), 71 is a SALE: 72 is next.
    const response = await api(`${DIAL}&value=MANUALNEXT&agent_user=1008`);
    expect(response.text).toMatch(/^SUCCESS: external_dial function set - MANUALNEXT\|1008\|\|NO\|NO\|NO\|\|\d+\|\|\|\|\n$/);
    expect((await gw.core.getAgentSession('1008'))!.lead).toMatchObject({ leadId: 72 });
    await customerHangsUp(await answeredCustomer('1008'));
    await api('function=external_status&value=A&agent_user=1008');
    // None left: VICIdial's SUCCESS all the same (its screen finds nothing to dial); no call, the agent stays paused.
    const none = await api(`${DIAL}&value=MANUALNEXT&agent_user=1008&dial_prefix=9`);
    expect(none.text).toMatch(/^SUCCESS: external_dial function set - MANUALNEXT\|1008\|\|NO\|NO\|NO\|\|\d+\|9\|\|\|\n$/);
    expect(await gw.core.getAgentSession('1008')).toMatchObject({ state: 'paused', currentCallId: null, lead: null });
  });

  test("MANUALNEXT takes the campaign's hopper first: the highest priority, whatever the lead's status", async () => {
    const gw = gateway();
    await gw.waitFor(async () => (await gw.core.getAgentSession('1008'))?.currentCallId === null, 15000, 'agent 1008 off the phone');
    await api('function=external_pause&value=PAUSE&agent_user=1008');
    expect(await gw.core.addLeadToHopper({ leadId: 70, priority: 0, source: 'P' })).toMatchObject({ outcome: 'added' });
    expect(await gw.core.addLeadToHopper({ leadId: 71, priority: 5, source: 'P' })).toMatchObject({ outcome: 'added' });
    const response = await api(`${DIAL}&value=MANUALNEXT&agent_user=1008`);
    expect(response.text).toMatch(/^SUCCESS: external_dial function set - MANUALNEXT\|1008\|\|NO\|NO\|NO\|\|\d+\|\|\|\|\n$/);
    expect((await gw.core.getAgentSession('1008'))!.lead).toMatchObject({ leadId: 71 });
    const customer = await answeredCustomer('1008');
    expect(customer.endpoint).toContain('13125557100');
    // The entry taken leaves the hopper; the other waits.
    expect(await gw.core.hopperEntryOfLead(71)).toBeNull();
    expect(await gw.core.hopperEntryOfLead(70)).toMatchObject({ status: 'READY', campaignId: 'ALTCAMP' });
    await customerHangsUp(customer);
    await api('function=external_status&value=A&agent_user=1008');
    expect(await gw.core.removeLeadFromHopper(70)).toEqual({ outcome: 'removed', status: 'READY' });
  });

  test('search=YES finds the lead by number in the campaign; elsewhere the number is a new lead', async () => {
    const gw = gateway();
    await pausedAndFree();
    // Lead 70's number belongs to ALTCAMP's lists, not TESTCAMP's.
    await api(`${DIAL}&value=3125557000&agent_user=1000&search=YES`);
    const session = (await gw.core.getAgentSession('1000'))!;
    expect(session.lead!.leadId).not.toBe(70);
    expect(await gw.core.getLead(session.lead!.leadId)).toMatchObject({ listId: 101, phoneNumber: '3125557000' });
    await customerHangsUp(await answeredCustomer('1000'));
  });

  test('an agent not allowed to dial by hand', async () => {
    expectVicidialAnswer(await api(`${DIAL}&value=7275551212&agent_user=1007`), 'ERROR: agent_user is not allowed to place manual dial calls - 1007\n');
    // Paused: the manual-dial right is checked next (previewing nothing would come after).
    expectVicidialAnswer(await api('function=preview_dial_action&value=DIALONLY&agent_user=1007'), 'ERROR: agent_user is not allowed to place manual dial calls - 1007\n');
  });

  test('the allow-list', async () => {
    expectVicidialAnswer(
      await agentGet(gateway(), `source=test&user=6668&pass=1234&${DIAL}&value=7275551212&agent_user=1000`),
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 7275551212|6668|external_dial|AGENTS\n',
    );
  });
});

describe('queue modes', () => {
  test('QUEUE: the number waits while the agent is ready, twice is refused, and is dialled with its lead when the agent pauses', async () => {
    const gw = gateway();
    const before = nowSeconds();
    const response = await api(`${DIAL}&value=3125556000&agent_user=1006`);
    expectEpochLine(response, before, nowSeconds(), (epoch) => `SUCCESS: external_dial function set - 3125556000|1006||NO|NO|NO||${epoch}||||\n`);
    expect(await gw.core.getAgentSession('1006')).toMatchObject({ state: 'ready', currentCallId: null });
    const [queued] = await gw.core.manualDialQueueOf('1006');
    expect(queued).toMatchObject({ phoneNumber: '3125556000', phoneCode: '1', whileReady: false });
    expectVicidialAnswer(await api(`${DIAL}&value=3125556000&agent_user=1006`), 'ERROR: phone_number is already in this agents manual dial queue - 1006|3125556000\n');
    // Refused before a lead is added for it again.
    expect(await gw.core.getLead(queued!.leadId! + 1)).toBeNull();
    await api('function=external_pause&value=PAUSE&agent_user=1006');
    const session = (await gw.core.getAgentSession('1006'))!;
    expect(session).toMatchObject({ state: 'in_call', lead: { leadId: queued!.leadId } });
    expect(await gw.core.manualDialQueueOf('1006')).toEqual([]);
    expect(await customerHangsUp(await answeredCustomer('1006'))).toMatchObject({ leadId: queued!.leadId, toNumber: '3125556000' });
  });
});

describe('preview_dial_action on the campaign settings', () => {
  test('preview dialing disabled', async () => {
    expectVicidialAnswer(
      await api('function=preview_dial_action&value=DIALONLY&agent_user=1006'),
      'ERROR: preview dialing not allowed on this campaign - 1006|QCAMP|DISABLED\n',
    );
  });

  test('PREVIEW_ONLY refuses SKIP; ALTDIAL dials the alternate number; FINISH leaves the lead for its disposition', async () => {
    const gw = gateway();
    await gw.waitFor(async () => (await gw.core.getAgentSession('1008'))?.currentCallId === null, 15000, 'agent 1008 off the phone');
    if ((await gw.core.getAgentSession('1008'))!.lead !== null) await api('function=external_status&value=A&agent_user=1008');
    await api('function=external_pause&value=PAUSE&agent_user=1008');
    expectVicidialAnswer(
      await api('function=preview_dial_action&value=SKIP&agent_user=1008'),
      'ERROR: preview dial skipping not allowed on this campaign - 1008|ALTCAMP|PREVIEW_ONLY\n',
    );
    await api('function=external_dial&search=NO&preview=YES&focus=NO&lead_id=70&agent_user=1008');
    expectVicidialAnswer(await api('function=preview_dial_action&value=ALTDIAL&agent_user=1008'), 'SUCCESS: preview_dial_action function set - ALTDIAL|1008|ALTDIAL\n');
    const customer = await answeredCustomer('1008');
    expect(customer.endpoint).toContain('13125557001');
    await customerHangsUp(customer);
    await api('function=external_status&value=A&agent_user=1008');
    await api('function=external_dial&search=NO&preview=YES&focus=NO&lead_id=71&agent_user=1008');
    expectVicidialAnswer(await api('function=preview_dial_action&value=FINISH&agent_user=1008'), 'SUCCESS: preview_dial_action function set - FINISH|1008|FINISH\n');
    expect(await gw.core.getAgentSession('1008')).toMatchObject({ state: 'wrap_up', previewLeadId: null, lead: { leadId: 71, callId: null }, currentCallId: null });
    expectVicidialAnswer(await api('function=external_status&value=NI&agent_user=1008'), 'SUCCESS: external_status function set - NI|1008\n');
    expect(await gw.core.getLead(71)).toMatchObject({ status: 'NI' });
  });
});

describe('outbound_cid where the system allows it for the API', () => {
  const allowing = sharedGateway({ overrides: { extraProvisioning: PROVISIONING, dialects: { vicidial: { outboundCidAny: 'API_ONLY' } } } });

  test('the caller id is the one given; the alias echoes -FORCE-', async () => {
    const gw = allowing();
    await agentGet(gw, `${AUTH}&function=external_pause&value=PAUSE&agent_user=1008`);
    const response = await agentGet(gw, `${AUTH}&${DIAL}&value=3125554444&agent_user=1008&outbound_cid=3125553333&group_alias=GOODALIAS`);
    expect(response.text).toMatch(/^SUCCESS: external_dial function set - 3125554444\|1008\|\|NO\|NO\|NO\|\|\d+\|\|-FORCE-\|3125553333\|\n$/);
    const callId = (await gw.core.getAgentSession('1008'))!.currentCallId!;
    expect((await gw.core.getCall(callId))!.call.fromNumber).toBe('3125553333');
  });
});
