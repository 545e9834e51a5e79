import { AUTH, agentGet, agentPhoneInConference, EXTRA_PROVISIONING, expectVicidialAnswer, sharedGateway } from './support/vicidial-test-kit';

// call_agent (seed 002, spec §3.2): rings the agent's phone into its session
// conference again; every response line of the function.

const gateway = sharedGateway({
  agentInConference: '1000',
  overrides: {
    extraProvisioning: {
      ...EXTRA_PROVISIONING,
      // A session with a conference but no phone to ring.
      agents: [...(EXTRA_PROVISIONING.agents ?? []), { id: '1003', name: 'Agent without a phone', secret: '1234' }],
      sessions: [...(EXTRA_PROVISIONING.sessions ?? []), { agentId: '1003', via: 'vicidial', conferenceNumber: '8600053' }],
    },
  },
});

const api = (query: string) => agentGet(gateway(), `${AUTH}&${query}`);
const LINK = `\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`;
const agentLegOf = async (agentId: string): Promise<string | null> => (await gateway().core.getAgentSession(agentId))?.conference?.agentLegId ?? null;

test('a phone already in the conference: SUCCESS, and it is left as it is', async () => {
  const before = await agentLegOf('1000');
  expectVicidialAnswer(await api('function=call_agent&value=CALL&agent_user=1000'), 'SUCCESS: call_agent function sent - 1000\n');
  expect(await agentLegOf('1000')).toBe(before);
});

test('after the agent hung the phone up: SUCCESS, the phone rings and is back in the conference', async () => {
  const hungUp = await agentLegOf('1000');
  await gateway().farEnd.hangup(hungUp!, 16);
  await gateway().waitFor(async () => (await gateway().core.getCall(hungUp!.slice(0, hungUp!.lastIndexOf('.'))))?.call.state === 'ended', 10000, 'the phone call to end');
  expectVicidialAnswer(await api('function=call_agent&value=CALL&agent_user=1000'), 'SUCCESS: call_agent function sent - 1000\n');
  await agentPhoneInConference(gateway(), '1000');
  expect(await agentLegOf('1000')).not.toBe(hungUp);
});

test('no conference: ERROR: call_agent error - no session data (the script goes on: close link)', async () => {
  expectVicidialAnswer(
    await api('function=call_agent&value=CALL&agent_user=1001&close_window_link=1'),
    `ERROR: call_agent error - no session data - 1001\n${LINK}`,
  );
});

test('no phone to ring: ERROR: call_agent error - entry is empty', async () => {
  expectVicidialAnswer(await api('function=call_agent&value=CALL&agent_user=1003'), 'ERROR: call_agent error - entry is empty - 1003\n');
});

test('the value must be exactly CALL: ERROR: call_agent not valid - <value>|<agent_user>', async () => {
  expectVicidialAnswer(await api('function=call_agent&value=call&agent_user=1000'), 'ERROR: call_agent not valid - call|1000\n');
  expectVicidialAnswer(await api('function=call_agent&value=CALLS&agent_user=1000'), 'ERROR: call_agent not valid - CALLS|1000\n');
  expectVicidialAnswer(await api('function=call_agent&value=CALL'), 'ERROR: call_agent not valid - CALL|\n');
});

test('an agent who is not logged in: ERROR: agent_user is not logged in', async () => {
  expectVicidialAnswer(await api('function=call_agent&value=CALL&agent_user=9999'), 'ERROR: agent_user is not logged in - 9999\n');
});

test('alt_user names the agent by its CRM id', async () => {
  expectVicidialAnswer(await api('function=call_agent&value=CALL&alt_user=876543'), 'SUCCESS: call_agent function sent - 1000\n');
  expectVicidialAnswer(
    await api('function=call_agent&value=CALL&alt_user=000000'),
    'ERROR: no user found - 000000\nERROR: agent_user is not logged in - \n',
  );
});
