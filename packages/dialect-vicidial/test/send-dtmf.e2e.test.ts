import { AUTH, agentGet, customerCall, expectVicidialAnswer, sharedGateway } from './support/vicidial-test-kit';

// Seed 002's send_dtmf, every response line (spec §3.2): the keys reach the
// customer of agent 1000's call, P S Q read as #, * and a second of silence.

const gateway = sharedGateway({ agentInConference: '1000' });

const api = (query: string) => agentGet(gateway(), `${AUTH}&function=send_dtmf&${query}`);

describe('send_dtmf', () => {
  test('seed: ERROR: send_dtmf not valid - <value>|<agent_user> for an empty value or no agent', async () => {
    expectVicidialAnswer(await api('agent_user=1000&value='), 'ERROR: send_dtmf not valid - |1000\n');
    expectVicidialAnswer(await api('value=12&alt_user=7'), 'ERROR: send_dtmf not valid - 12|\n');
  });

  test('the seed example QQ passes the current, looser check', async () => {
    expectVicidialAnswer(await api('agent_user=1000&value=QQ'), 'SUCCESS: send_dtmf function set - QQ|1000\n');
  });

  test('seed: ERROR: no user found, and ERROR: agent_user is not logged in', async () => {
    expectVicidialAnswer(await api('value=1&alt_user=999999'), 'ERROR: no user found - 999999\nERROR: agent_user is not logged in - \n');
    expectVicidialAnswer(await api('value=1&agent_user=9999'), 'ERROR: agent_user is not logged in - 9999\n');
  });

  test('allow-list without send_dtmf: the permission line ends the script', async () => {
    expectVicidialAnswer(
      await agentGet(gateway(), 'source=test&user=6668&pass=1234&function=send_dtmf&agent_user=1000&value=1'),
      'ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - 1|6668|send_dtmf|AGENTS\n',
    );
  });

  test('no call: SUCCESS as VICIdial answers any logged-in agent, nobody to hear the keys (the script goes on: close-window link)', async () => {
    expectVicidialAnswer(await api('agent_user=1000&value=1234'), 'SUCCESS: send_dtmf function set - 1234|1000\n');
    expectVicidialAnswer(
      await api('agent_user=1000&value=1234&close_window_link=1'),
      `SUCCESS: send_dtmf function set - 1234|1000\n\n<a href="javascript:window.opener='x';window.close();">Close This Window</a>\n`,
    );
    expect((await gateway().core.getAgentSession('1000'))!.currentCallId).toBeNull();
  });

  test('a value without any key (letters other than P S Q A-D), no call: SUCCESS all the same', async () => {
    expectVicidialAnswer(await api('agent_user=1000&value=xyz'), 'SUCCESS: send_dtmf function set - xyz|1000\n');
  });

  test('seed: SUCCESS: send_dtmf function set - <value>|<agent_user>; the customer hears the keys, P as # and S as *', async () => {
    const { customerLegId } = await customerCall(gateway(), '1000');
    expectVicidialAnswer(await api('agent_user=1000&value=1P2SQ3'), 'SUCCESS: send_dtmf function set - 1P2SQ3|1000\n');
    const heard = await gateway().waitFor(async () => {
      const digits = await gateway().farEnd.heardDtmf(customerLegId);
      return digits.length >= 5 ? digits : false;
    }, 10000, 'the customer to hear the keys');
    expect(heard).toBe('1#2*3');
    expectVicidialAnswer(await api('agent_user=1000&value=xyz'), 'SUCCESS: send_dtmf function set - xyz|1000\n');
    await gateway().core.hangupAgentCustomer({ agentId: '1000' });
  });
});
