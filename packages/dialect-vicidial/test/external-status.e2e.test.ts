import type { AgentSession } from '@pbx-gateway/core';
import { DIALER_PROVISIONING } from './support/dialer-provisioning';
import { AUTH, agentGet, expectVicidialAnswer, nonAgentGet, sharedGateway } from './support/vicidial-test-kit';

// external_status (seed 002, spec §3.2): the disposition of the lead on the
// agent's screen, carried out: the lead and its call record take the status,
// a scheduled callback is stored, the agent moves on; sent during the call,
// it is applied when the call ends.

const gateway = sharedGateway({ agentInConference: '1000', overrides: { extraProvisioning: DIALER_PROVISIONING } });

const api = (query: string) => agentGet(gateway(), `${AUTH}&function=external_status&${query}`);
const session = async (agentId = '1000'): Promise<AgentSession> => (await gateway().core.getAgentSession(agentId))!;
const LINK = `\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`;

/** A new lead of the agent's campaign, called and answered: the lead on the agent's screen, in a call. */
async function leadCall(agentId = '1000', campaignId = 'TESTCAMP'): Promise<{ leadId: number; callId: string }> {
  // The demo's lead 1 lends its fields to a new lead with a number the telephone network answers.
  const { id, listId, entryListId, status, user, entryDate, modifyDate, calledCount, ...fields } = (await gateway().core.getLead(1))!;
  const { lead } = await gateway().core.addLead({
    campaignId,
    fields: { ...fields, phoneNumber: '800123456' },
    addedBy: '6666',
    dncChecks: { system: false, campaign: false },
  });
  const { callId } = await gateway().core.startAgentCustomerCall({
    agentId,
    number: lead.phoneNumber,
    callerId: null,
    origin: { dialect: 'vicidial', operation: 'test', apiUserId: null },
    leadId: lead.id,
  });
  await gateway().waitFor(async () => (await gateway().core.getCall(callId))?.call.state === 'answered', 5000, 'customer to answer');
  return { leadId: lead.id, callId };
}

/** The customer hangs up (through the API): the agent is left in DISPO with the lead. */
async function hangUp(callId: string, agentId = '1000'): Promise<void> {
  await agentGet(gateway(), `${AUTH}&function=external_hangup&value=1&agent_user=${agentId}`);
  await gateway().waitFor(async () => (await gateway().core.getCall(callId))?.call.state === 'ended', 5000, 'call to end');
}

/** The lead on the screen after its call ended (VICIdial DISPO). */
async function leadInDispo(agentId = '1000', campaignId = 'TESTCAMP'): Promise<{ leadId: number; callId: string }> {
  const call = await leadCall(agentId, campaignId);
  await hangUp(call.callId, agentId);
  expect(await session(agentId)).toMatchObject({ state: 'wrap_up', lead: { leadId: call.leadId } });
  return call;
}

describe('SUCCESS: external_status function set', () => {
  test('seed: value=A after the call: lead and call record take A; a manual-dial campaign leaves the agent paused', async () => {
    const { leadId, callId } = await leadInDispo();
    expectVicidialAnswer(await api('agent_user=1000&value=A'), 'SUCCESS: external_status function set - A|1000\n');
    expect(await gateway().core.getLead(leadId)).toMatchObject({ status: 'A', user: '1000' });
    expect(await gateway().core.getLeadCall(callId)).toMatchObject({ status: 'A' });
    expect(await session()).toMatchObject({ state: 'paused', lead: null });
    expect(await gateway().core.getCdrOfCall(callId)).toMatchObject({ agentId: '1000', leadId });
  });

  test('seed: a scheduled callback: echo with its time, type, comments and QM code; lead held CBHOLD', async () => {
    const { leadId, callId } = await leadInDispo();
    const response = await api(
      'agent_user=1000&value=CALLBK&callback_datetime=2012-01-25+12:00:00&callback_type=USERONLY&callback_comments=callback+comments+go+here&qm_dispo_code=1234',
    );
    expectVicidialAnswer(response, 'SUCCESS: external_status function set - CALLBK!2012-01-25 12:00:00!USERONLY!callback comments go here!1234|1000\n');
    expect(await gateway().core.getLead(leadId)).toMatchObject({ status: 'CBHOLD' });
    expect(await gateway().core.getLeadCall(callId)).toMatchObject({ status: 'CALLBK' });
    expect(await gateway().core.callbacksOfLead(leadId)).toMatchObject([
      { campaignId: 'TESTCAMP', state: 'ACTIVE', status: 'CALLBK', callbackAt: new Date('2012-01-25T12:00:00Z'), recipient: 'USERONLY', agentId: '1000', comments: 'callback comments go here' },
    ]);
  });

  test('a callback type shorter than four letters is ANYONE; comments are cut to 200', async () => {
    const { leadId } = await leadInDispo();
    const comments = 'c'.repeat(210);
    expectVicidialAnswer(
      await api(`agent_user=1000&value=CALLBK&callback_datetime=2030-06-01+09:30:00&callback_type=US&callback_comments=${comments}`),
      `SUCCESS: external_status function set - CALLBK!2030-06-01 09:30:00!ANYONE!${'c'.repeat(200)}!|1000\n`,
    );
    expect(await gateway().core.callbacksOfLead(leadId)).toMatchObject([{ recipient: 'ANYONE', comments: 'c'.repeat(200) }]);
  });

  test('a callback time the server cannot read: echoed as sent, the callback due at the request time', async () => {
    const { leadId } = await leadInDispo();
    const before = Date.now();
    expectVicidialAnswer(
      await api('agent_user=1000&value=CALLBK&callback_datetime=2030-13-45+99:99:99&callback_type=ANYONE'),
      'SUCCESS: external_status function set - CALLBK!2030-13-45 99:99:99!ANYONE!!|1000\n',
    );
    const [callback] = await gateway().core.callbacksOfLead(leadId);
    expect(callback!.callbackAt.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(callback!.callbackAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await gateway().core.getLead(leadId)).toMatchObject({ status: 'CBHOLD' });
  });

  test('a time with a status that schedules no callback: the plain echo, no callback', async () => {
    const { leadId } = await leadInDispo();
    expectVicidialAnswer(await api('agent_user=1000&value=SALE&callback_datetime=2030-06-01+09:30:00&qm_dispo_code=77'), 'SUCCESS: external_status function set - SALE!!!!77|1000\n');
    expect(await gateway().core.getLead(leadId)).toMatchObject({ status: 'SALE' });
    expect(await gateway().core.callbacksOfLead(leadId)).toEqual([]);
  });

  test('a callback status with a time of 12 characters or fewer: the plain echo, no callback, the status as given', async () => {
    const { leadId } = await leadInDispo();
    expectVicidialAnswer(await api('agent_user=1000&value=CALLBK&callback_datetime=2030-06-01&close_window_link=1'), `SUCCESS: external_status function set - CALLBK|1000\n${LINK}`);
    expect(await gateway().core.getLead(leadId)).toMatchObject({ status: 'CALLBK' });
    expect(await gateway().core.callbacksOfLead(leadId)).toEqual([]);
  });

  test('sent during the call: answered at once, applied when the call ends', async () => {
    const { leadId, callId } = await leadCall();
    expectVicidialAnswer(await api('agent_user=1000&value=NI'), 'SUCCESS: external_status function set - NI|1000\n');
    // Dialled, the lead is INCALL until the disposition applies.
    expect(await gateway().core.getLead(leadId)).toMatchObject({ status: 'INCALL' });
    expect(await session()).toMatchObject({ state: 'in_call', pendingDisposition: { status: 'NI' } });
    await hangUp(callId);
    expect(await gateway().core.getLead(leadId)).toMatchObject({ status: 'NI' });
    expect(await gateway().core.getLeadCall(callId)).toMatchObject({ status: 'NI' });
    expect(await session()).toMatchObject({ state: 'paused', lead: null, pendingDisposition: null });
  });

  test('an auto-dial campaign leaves the agent ready', async () => {
    const { leadId } = await leadInDispo('1005', 'AUTOCAMP');
    expectVicidialAnswer(await api('agent_user=1005&value=SALE'), 'SUCCESS: external_status function set - SALE|1005\n');
    expect(await gateway().core.getLead(leadId)).toMatchObject({ status: 'SALE', listId: 400 });
    expect(await session('1005')).toMatchObject({ state: 'ready', lead: null });
  });

  test('a pause asked for during the call: paused after the disposition', async () => {
    await gateway().core.resumeAgent({ agentId: '1005', ifReady: 'accept' });
    const { callId } = await leadCall('1005', 'AUTOCAMP');
    await agentGet(gateway(), `${AUTH}&function=external_pause&value=PAUSE&agent_user=1005`);
    await hangUp(callId, '1005');
    expect(await session('1005')).toMatchObject({ state: 'wrap_up', pendingPause: { reason: null } });
    expectVicidialAnswer(await api('agent_user=1005&value=DEC'), 'SUCCESS: external_status function set - DEC|1005\n');
    expect(await session('1005')).toMatchObject({ state: 'paused', pendingPause: null, lead: null });
  });
});

test('debug: the action summary says when the disposition applies', async () => {
  const { callId } = await leadCall();
  const during = await api('agent_user=1000&value=SALE&format=debug');
  expect(during.text).toContain('\n<!-- external_status: SALE given when the call ends -->SUCCESS: external_status function set - SALE|1000\n');
  await hangUp(callId);
  await leadInDispo();
  const after = await api('agent_user=1000&value=SALE&format=debug');
  expect(after.text).toContain('\n<!-- external_status: SALE given -->SUCCESS: external_status function set - SALE|1000\n');
});

describe('external_pause around a disposition', () => {
  test('PAUSE while the lead waits for its disposition: paused after it', async () => {
    await gateway().core.resumeAgent({ agentId: '1005', ifReady: 'accept' });
    const { leadId } = await leadInDispo('1005', 'AUTOCAMP');
    expect((await agentGet(gateway(), `${AUTH}&function=external_pause&value=PAUSE&agent_user=1005`)).text).toMatch(/^SUCCESS: external_pause function set - PAUSE\|\d{10}\|1005\n$/);
    expect(await session('1005')).toMatchObject({ state: 'wrap_up', lead: { leadId }, pendingPause: { reason: null } });
    expectVicidialAnswer(await api('agent_user=1005&value=SALE'), 'SUCCESS: external_status function set - SALE|1005\n');
    expect(await session('1005')).toMatchObject({ state: 'paused', lead: null, pendingPause: null });
  });

  test('RESUME instead of a disposition: ready, the lead off the screen and left as it was', async () => {
    const { leadId } = await leadInDispo();
    expect((await agentGet(gateway(), `${AUTH}&function=external_pause&value=RESUME&agent_user=1000`)).text).toMatch(/^SUCCESS: external_pause function set - RESUME\|\d{10}\|1000\n$/);
    expect(await session()).toMatchObject({ state: 'ready', lead: null });
    expect(await gateway().core.getLead(leadId)).toMatchObject({ status: 'INCALL' });
    // Answered as VICIdial answers it; no lead is on the screen to take the status.
    expectVicidialAnswer(await api('agent_user=1000&value=SALE'), 'SUCCESS: external_status function set - SALE|1000\n');
    expect(await gateway().core.getLead(leadId)).toMatchObject({ status: 'INCALL' });
  });
});

describe('pause_code while the lead waits for its disposition (VICIdial DISPO, which its PAUSED covers)', () => {
  const pauseCode = (query: string) => agentGet(gateway(), `${AUTH}&function=pause_code&${query}`);

  test('SUCCESS; the agent stays in DISPO; the pause the disposition leads to (manual-dial campaign) has the code', async () => {
    const { leadId } = await leadInDispo();
    expectVicidialAnswer(await pauseCode('value=LUNCH&agent_user=1000'), 'SUCCESS: pause_code function sent - 1000\n');
    expect(await session()).toMatchObject({ state: 'wrap_up', lead: { leadId }, pauseReason: null, pendingPause: null });
    expectVicidialAnswer(await api('agent_user=1000&value=SALE'), 'SUCCESS: external_status function set - SALE|1000\n');
    expect(await session()).toMatchObject({ state: 'paused', pauseReason: 'LUNCH', lead: null });
    // agent_status (Non-Agent API) shows it as the pause code, like every dialect reading the pause reason.
    const row = (await nonAgentGet(gateway(), 'source=test&user=6666&pass=1234&function=agent_status&agent_user=1000&stage=csv')).text.split(',');
    expect([row[0], row[8]]).toEqual(['PAUSED', 'LUNCH']);
  });

  test('the latest code wins, and a pause asked for around it takes it', async () => {
    await gateway().core.resumeAgent({ agentId: '1005', ifReady: 'accept' });
    await leadInDispo('1005', 'AUTOCAMP');
    expectVicidialAnswer(await pauseCode('value=BRK&agent_user=1005'), 'SUCCESS: pause_code function sent - 1005\n');
    expectVicidialAnswer(await pauseCode('value=MEET&agent_user=1005'), 'SUCCESS: pause_code function sent - 1005\n');
    expect((await agentGet(gateway(), `${AUTH}&function=external_pause&value=PAUSE&agent_user=1005`)).text).toMatch(/^SUCCESS: external_pause function set/);
    expect(await session('1005')).toMatchObject({ state: 'wrap_up', pendingPause: { reason: 'MEET' } });
    expectVicidialAnswer(await pauseCode('value=TRAIN&agent_user=1005'), 'SUCCESS: pause_code function sent - 1005\n');
    expect(await session('1005')).toMatchObject({ state: 'wrap_up', pendingPause: { reason: 'TRAIN' } });
    expectVicidialAnswer(await api('agent_user=1005&value=SALE'), 'SUCCESS: external_status function set - SALE|1005\n');
    expect(await session('1005')).toMatchObject({ state: 'paused', pauseReason: 'TRAIN', pendingPause: null });
  });

  test('no pause follows (auto-dial campaign): the agent is ready and the code is dropped, not given to a later pause', async () => {
    await gateway().core.resumeAgent({ agentId: '1005', ifReady: 'accept' });
    await leadInDispo('1005', 'AUTOCAMP');
    expectVicidialAnswer(await pauseCode('value=BRK&agent_user=1005'), 'SUCCESS: pause_code function sent - 1005\n');
    expectVicidialAnswer(await api('agent_user=1005&value=SALE'), 'SUCCESS: external_status function set - SALE|1005\n');
    expect(await session('1005')).toMatchObject({ state: 'ready', pauseReason: null });
    expect((await session('1005')).nextPauseReason ?? null).toBeNull();
    expect((await agentGet(gateway(), `${AUTH}&function=external_pause&value=PAUSE&agent_user=1005`)).text).toMatch(/^SUCCESS: external_pause function set/);
    expect(await session('1005')).toMatchObject({ state: 'paused', pauseReason: null });
  });

  test('during the call (VICIdial INCALL) it is still refused', async () => {
    const { callId } = await leadCall();
    expectVicidialAnswer(await pauseCode('value=BRK&agent_user=1000'), 'ERROR: pause_code error - agent is not paused - 1000\n');
    expect(await session()).toMatchObject({ state: 'in_call', pendingPause: null });
    expect((await session()).nextPauseReason ?? null).toBeNull();
    await hangUp(callId);
    expectVicidialAnswer(await api('agent_user=1000&value=SALE'), 'SUCCESS: external_status function set - SALE|1000\n');
    expect(await session()).toMatchObject({ state: 'paused', pauseReason: null });
  });
});

describe('ERROR lines', () => {
  test('seed: not valid: an empty status, or no agent', async () => {
    expectVicidialAnswer(await api('agent_user=1000'), 'ERROR: external_status not valid - |1000\n');
    expectVicidialAnswer(await api('value=A&close_window_link=1'), `ERROR: external_status not valid - A|\n${LINK}`);
    expectVicidialAnswer(await api('value=A&alt_user=1'), 'ERROR: external_status not valid - A|\n');
  });

  test('allow-list (ends the script)', async () => {
    const response = await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=external_status&agent_user=1000&value=A&close_window_link=1');
    expectVicidialAnswer(response, 'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - A|6668|external_status|AGENTS\n');
  });

  test('seed: no user found; agent_user is not logged in', async () => {
    expectVicidialAnswer(await api('alt_user=6666&value=A'), 'ERROR: no user found - 6666\nERROR: agent_user is not logged in - \n');
    expectVicidialAnswer(await api('agent_user=6666&value=A'), 'ERROR: agent_user is not logged in - 6666\n');
  });

  test('a status longer than six characters: SUCCESS with the status in full (VICIdial checks no length); the lead and its call keep the first six', async () => {
    const { leadId, callId } = await leadInDispo();
    expectVicidialAnswer(await api('agent_user=1000&value=CALLBACK&close_window_link=1'), `SUCCESS: external_status function set - CALLBACK|1000\n${LINK}`);
    expect(await gateway().core.getLead(leadId)).toMatchObject({ status: 'CALLBA', user: '1000' });
    expect(await gateway().core.getLeadCall(callId)).toMatchObject({ status: 'CALLBA' });
    expect(await session()).toMatchObject({ state: 'paused', lead: null });
  });

  test('a longer status with a callback time: no status of the product has its name, so the plain echo and no callback', async () => {
    const { leadId } = await leadInDispo();
    expectVicidialAnswer(await api('agent_user=1000&value=CALLBKX&callback_datetime=2030-06-01+09:30:00&qm_dispo_code=5'), 'SUCCESS: external_status function set - CALLBKX!!!!5|1000\n');
    expect(await gateway().core.getLead(leadId)).toMatchObject({ status: 'CALLBK' });
    expect(await gateway().core.callbacksOfLead(leadId)).toEqual([]);
  });

  test('no lead on the screen: SUCCESS as VICIdial answers it (a callback status echoes its callback), and nothing takes the status', async () => {
    await gateway().core.resumeAgent({ agentId: '1000', ifReady: 'accept' });
    expect((await session()).lead).toBeNull();
    expectVicidialAnswer(await api('agent_user=1000&value=SALE&close_window_link=1'), `SUCCESS: external_status function set - SALE|1000\n${LINK}`);
    expectVicidialAnswer(
      await api('agent_user=1000&value=CALLBK&callback_datetime=2026-12-01+10:00:00&qm_dispo_code=7'),
      'SUCCESS: external_status function set - CALLBK!2026-12-01 10:00:00!ANYONE!!7|1000\n',
    );
    expectVicidialAnswer(await api('agent_user=1000&value=NI&qm_dispo_code=7'), 'SUCCESS: external_status function set - NI!!!!7|1000\n');
    expect(await session()).toMatchObject({ state: 'ready', lead: null, pendingDisposition: null });
  });
});
