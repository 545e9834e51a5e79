import type { AgentSession } from '@pbx-gateway/core';
import { AUTH, agentGet, customerCall, expectEpochLine, expectVicidialAnswer, nowSeconds, sharedGateway } from './support/vicidial-test-kit';

// Seed 002's external_pause, external_hangup and logout, every response line,
// with the current product's additions (spec §3.2), carried out on the core:
// pause now or after the call, hang up the customer leg, log out now or after
// the call.

const gateway = sharedGateway({ agentInConference: '1000' });

const api = (query: string) => agentGet(gateway(), `${AUTH}&${query}`);
const session = (agentId = '1000'): Promise<AgentSession | null> => gateway().core.getAgentSession(agentId);
const LINK = `\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`;

/** Puts agent 1000 in a call with a customer (dialled into its conference), answered. */
const agentCall = async (): Promise<string> => (await customerCall(gateway(), '1000')).callId;

async function readyAgent(): Promise<void> {
  const current = await session();
  if (current?.state === 'paused' || current?.state === 'wrap_up') await gateway().core.resumeAgent({ agentId: '1000' });
}

describe('external_pause', () => {
  beforeEach(readyAgent);

  test('seed: SUCCESS: external_pause function set - PAUSE|<epoch>|<agent>; an idle agent pauses now', async () => {
    const before = nowSeconds();
    const response = await api('function=external_pause&value=PAUSE&agent_user=1000');
    expectEpochLine(response, before, nowSeconds(), (epoch) => `SUCCESS: external_pause function set - PAUSE|${epoch}|1000\n`);
    expect((await session())?.state).toBe('paused');
  });

  test('PAUSE of a paused agent: SUCCESS, still paused', async () => {
    await api('function=external_pause&value=PAUSE&agent_user=1000');
    const before = nowSeconds();
    const response = await api('function=external_pause&value=PAUSE&agent_user=1000');
    expectEpochLine(response, before, nowSeconds(), (epoch) => `SUCCESS: external_pause function set - PAUSE|${epoch}|1000\n`);
    expect((await session())?.state).toBe('paused');
  });

  test('RESUME makes a paused agent ready', async () => {
    await api('function=external_pause&value=PAUSE&agent_user=1000');
    const before = nowSeconds();
    const response = await api('function=external_pause&value=RESUME&agent_user=1000');
    expectEpochLine(response, before, nowSeconds(), (epoch) => `SUCCESS: external_pause function set - RESUME|${epoch}|1000\n`);
    expect((await session())?.state).toBe('ready');
  });

  test('RESUME of an agent who is not paused: ERROR: external_pause agent is not paused (ends the script)', async () => {
    expectVicidialAnswer(
      await api('function=external_pause&value=RESUME&agent_user=1000&close_window_link=1'),
      'ERROR: external_pause agent is not paused - RESUME|1000\n',
    );
    expect((await session())?.state).toBe('ready');
  });

  test('the value must contain PAUSE or RESUME, case-sensitively; the whole value is echoed', async () => {
    const before = nowSeconds();
    const response = await api('function=external_pause&value=XPAUSEX&agent_user=1000');
    expectEpochLine(response, before, nowSeconds(), (epoch) => `SUCCESS: external_pause function set - XPAUSEX|${epoch}|1000\n`);
    expect((await session())?.state).toBe('paused');
  });

  test('seed "external_pause not valid": <value>|<agent>', async () => {
    expectVicidialAnswer(await api('function=external_pause&value=pause&agent_user=1000'), 'ERROR: external_pause not valid - pause|1000\n');
    expectVicidialAnswer(await api('function=external_pause&agent_user=1000'), 'ERROR: external_pause not valid - |1000\n');
    expectVicidialAnswer(await api('function=external_pause&value=PAUSE'), 'ERROR: external_pause not valid - PAUSE|\n');
    expectVicidialAnswer(
      await api('function=external_pause&value=STOP&agent_user=1000&close_window_link=1'),
      `ERROR: external_pause not valid - STOP|1000\n${LINK}`,
    );
  });

  test('seed: ERROR: agent_user is not logged in - 6666', async () => {
    expectVicidialAnswer(await api('function=external_pause&value=PAUSE&agent_user=6666'), 'ERROR: agent_user is not logged in - 6666\n');
  });

  test('seed: ERROR: no user found - 6666 (alt_user), then not logged in with the empty agent', async () => {
    expectVicidialAnswer(await api('function=external_pause&value=PAUSE&alt_user=6666'), 'ERROR: no user found - 6666\nERROR: agent_user is not logged in - \n');
  });

  test('alt_user of one character is not looked up (but lets the request through the not-valid check)', async () => {
    expectVicidialAnswer(await api('function=external_pause&value=PAUSE&alt_user=6'), 'ERROR: agent_user is not logged in - \n');
  });

  test('alt_user 876543 is agent 1000 (its external id)', async () => {
    const before = nowSeconds();
    const response = await api('function=external_pause&value=PAUSE&alt_user=876543');
    expectEpochLine(response, before, nowSeconds(), (epoch) => `SUCCESS: external_pause function set - PAUSE|${epoch}|1000\n`);
  });

  test('PAUSE during a call: SUCCESS, the agent stays in the call with the pause pending, and is PAUSED once external_hangup ends it', async () => {
    const callId = await agentCall();
    const before = nowSeconds();
    const response = await api('function=external_pause&value=PAUSE&agent_user=1000');
    expectEpochLine(response, before, nowSeconds(), (epoch) => `SUCCESS: external_pause function set - PAUSE|${epoch}|1000\n`);
    const during = await session();
    expect(during?.state).toBe('in_call');
    expect(during?.currentCallId).toBe(callId);
    expect(during?.pendingPause).toEqual({ reason: null });

    expectVicidialAnswer(
      await api('function=external_pause&value=RESUME&agent_user=1000'),
      'ERROR: external_pause agent is not paused - RESUME|1000\n',
    );

    expectVicidialAnswer(await api('function=external_hangup&value=1&agent_user=1000'), 'SUCCESS: external_hangup function set - 1|1000\n');
    const after = await gateway().waitFor(async () => {
      const current = await session();
      return current?.currentCallId === null && current.state === 'paused' ? current : false;
    }, 5000, 'agent paused after the call');
    expect(after.pendingPause).toBeNull();
    expect((await gateway().core.getCall(callId))?.call.state).toBe('ended');
  });
});

describe('external_hangup', () => {
  beforeEach(readyAgent);

  test('seed: SUCCESS: external_hangup function set - 1|<agent>; the customer leg is hung up, the agent phone stays', async () => {
    const callId = await agentCall();
    const agentLeg = (await session())?.conference?.agentLegId;
    expectVicidialAnswer(await api('function=external_hangup&value=1&agent_user=1000'), 'SUCCESS: external_hangup function set - 1|1000\n');
    await gateway().waitFor(async () => (await gateway().core.getCall(callId))?.call.state === 'ended', 5000, 'call to end');
    const customerLegs = (await gateway().core.getCall(callId))!.legs;
    expect(customerLegs.every((leg) => leg.state === 'ended' && leg.hangupRequested)).toBe(true);
    await gateway().waitFor(async () => (await session())?.state === 'ready', 5000, 'agent ready again');
    expect((await session())?.conference?.agentLegId).toBe(agentLeg);
  });

  test('no call: nothing to hang up, still SUCCESS', async () => {
    expectVicidialAnswer(await api('function=external_hangup&value=1&agent_user=1000'), 'SUCCESS: external_hangup function set - 1|1000\n');
  });

  test('any non-empty value is accepted (the 2012 document allowed only 1)', async () => {
    expectVicidialAnswer(await api('function=external_hangup&value=YES&agent_user=1000'), 'SUCCESS: external_hangup function set - YES|1000\n');
  });

  test('seed "external_hangup not valid": <value>|<agent>', async () => {
    expectVicidialAnswer(await api('function=external_hangup&agent_user=1000'), 'ERROR: external_hangup not valid - |1000\n');
    expectVicidialAnswer(await api('function=external_hangup&value=1&alt_user=8'), 'ERROR: external_hangup not valid - 1|\n');
  });

  test('seed: ERROR: no user found - 6666', async () => {
    expectVicidialAnswer(await api('function=external_hangup&value=1&alt_user=6666'), 'ERROR: no user found - 6666\nERROR: agent_user is not logged in - \n');
  });

  test('seed: ERROR: agent_user is not logged in - 6666', async () => {
    expectVicidialAnswer(await api('function=external_hangup&value=1&agent_user=6666'), 'ERROR: agent_user is not logged in - 6666\n');
  });

  test('debug: the action summary says what happened', async () => {
    const response = await api('function=external_hangup&value=1&agent_user=1000&format=debug');
    expect(response.text).toContain('\n<!-- external_hangup: agent 1000 has no call -->SUCCESS: external_hangup function set - 1|1000\n');
  });
});

describe('logout', () => {
  test('seed "logout not valid - PAUSE|6666", exactly', async () => {
    expectVicidialAnswer(await api('function=logout&value=PAUSE&agent_user=6666'), 'ERROR: logout not valid - PAUSE|6666\n');
    expectVicidialAnswer(await api('function=logout&value=LOGOUT'), 'ERROR: logout not valid - LOGOUT|\n');
  });

  test('seed: ERROR: agent_user is not logged in - 6666', async () => {
    expectVicidialAnswer(await api('function=logout&value=LOGOUT&agent_user=6666'), 'ERROR: agent_user is not logged in - 6666\n');
  });

  test('seed: ERROR: no user found - 6666', async () => {
    expectVicidialAnswer(await api('function=logout&value=LOGOUT&alt_user=6666'), 'ERROR: no user found - 6666\nERROR: agent_user is not logged in - \n');
  });

  test('seed: SUCCESS: logout function set - LOGOUT|<epoch>|<agent>; an idle agent is logged out now', async () => {
    const before = nowSeconds();
    const response = await api('function=logout&value=LOGOUT&agent_user=1001');
    expectEpochLine(response, before, nowSeconds(), (epoch) => `SUCCESS: logout function set - LOGOUT|${epoch}|1001\n`);
    expect(await session('1001')).toBeNull();
    expectVicidialAnswer(await api('function=logout&value=LOGOUT&agent_user=1001'), 'ERROR: agent_user is not logged in - 1001\n');
  });

  test('during a call: SUCCESS now, the session ends with the call', async () => {
    await readyAgent();
    const callId = await agentCall();
    const before = nowSeconds();
    const response = await api('function=logout&value=LOGOUT&alt_user=876543');
    expectEpochLine(response, before, nowSeconds(), (epoch) => `SUCCESS: logout function set - LOGOUT|${epoch}|1000\n`);
    const during = await session();
    expect(during?.pendingLogout).toBe(true);
    expect(during?.currentCallId).toBe(callId);

    expectVicidialAnswer(await api('function=external_hangup&value=1&agent_user=1000'), 'SUCCESS: external_hangup function set - 1|1000\n');
    await gateway().waitFor(async () => (await session()) === null, 5000, 'session to end after the call');
    expectVicidialAnswer(await api('function=external_pause&value=PAUSE&agent_user=1000'), 'ERROR: agent_user is not logged in - 1000\n');
  });
});
