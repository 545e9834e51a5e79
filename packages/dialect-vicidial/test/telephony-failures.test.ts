// Runs on pbx-sim only: the engine forgets its calls and refuses connections on command, which a real Asterisk cannot be told to do.
import { isActivePlayback } from '@pbx-gateway/core';
import { AUTH, agentGet, customerCall, expectVicidialAnswer, sharedGateway } from './support/vicidial-test-kit';

// When Asterisk refuses a command (PBX_REJECTED) or cannot be reached
// (PBX_UNAVAILABLE): the gateway-only line
// `ERROR: <function> error - telephony command failed - <agent_user>`, at once.

describe('telephony failures, per function', () => {
  const gateway = sharedGateway({ agentInConference: '1000' });

  const api = (query: string) => agentGet(gateway(), `${AUTH}&${query}`);

  test('Asterisk refuses the command (its playback is gone): audio_playback error - telephony command failed, no close link', async () => {
    expectVicidialAnswer(await api('function=audio_playback&agent_user=1000&value=tt-monkeys&stage=PLAY'), 'SUCCESS: audio_playback function sent - tt-monkeys|PLAY|1000\n');
    await gateway().waitFor(async () => (await gateway().core.activeAgentPlayback('1000'))?.state === 'playing', 5000, 'playback to start');
    // Asterisk "restarts" and forgets every channel, bridge and playback without an event.
    await gateway().sim.control.forgetCalls();
    expectVicidialAnswer(
      await api('function=audio_playback&agent_user=1000&stage=PAUSE&close_window_link=1'),
      'ERROR: audio_playback error - telephony command failed - 1000\n',
    );
    const playback = await gateway().core.activeAgentPlayback('1000');
    expect(playback && isActivePlayback(playback) ? playback.state : null).toBe('playing');
  });

  test('the engine unreachable: PLAY answers at once with the telephony line; pause and logout need no engine', async () => {
    await gateway().sim.control.refuseConnections(4000);
    await gateway().waitFor(() => !gateway().core.pbxAvailable(), 5000, 'engine to be unavailable');
    expectVicidialAnswer(await api('function=audio_playback&agent_user=1000&value=ss-noservice&stage=PLAY&dial_override=Y'), 'ERROR: audio_playback error - telephony command failed - 1000\n');
    const paused = await api('function=external_pause&agent_user=1000&value=PAUSE');
    expect(paused.text).toMatch(/^SUCCESS: external_pause function set - PAUSE\|\d{10}\|1000\n$/);
    await gateway().waitFor(() => gateway().core.pbxAvailable(), 15000, 'engine to be back');
  });

  test('the engine unreachable: recording START answers the telephony line and nothing is recording', async () => {
    await gateway().sim.control.refuseConnections(4000);
    await gateway().waitFor(() => !gateway().core.pbxAvailable(), 5000, 'engine to be unavailable');
    expectVicidialAnswer(await api('function=recording&agent_user=1000&value=START&close_window_link=1'), 'ERROR: recording error - telephony command failed - 1000\n');
    expect(await gateway().core.liveAgentRecordings('1000')).toEqual([]);
    await gateway().waitFor(() => gateway().core.pbxAvailable(), 15000, 'engine to be back');
  });

  test('Asterisk refuses the keys (it lost the customer channel): send_dtmf error - telephony command failed', async () => {
    await customerCall(gateway(), '1000');
    await gateway().sim.control.forgetCalls();
    expectVicidialAnswer(await api('function=send_dtmf&agent_user=1000&value=12'), 'ERROR: send_dtmf error - telephony command failed - 1000\n');
  });
});

describe('errServersWhenPbxDown', () => {
  const gateway = sharedGateway({ overrides: { dialects: { vicidial: { errServersWhenPbxDown: true } } } });

  test('while the engine is unreachable the credential line says ERRSERVERS; afterwards the function runs', async () => {
    const probe = `${AUTH}&function=logout&value=LOGOUT&agent_user=6666`;
    await gateway().sim.control.refuseConnections(4000);
    await gateway().waitFor(() => !gateway().core.pbxAvailable(), 5000, 'engine to be unavailable');
    expectVicidialAnswer(await agentGet(gateway(), probe), 'ERROR: Invalid Username/Password: |6666||0|1|ERRSERVERS|\n');
    await gateway().waitFor(() => gateway().core.pbxAvailable(), 15000, 'engine to be back');
    expectVicidialAnswer(await agentGet(gateway(), probe), 'ERROR: agent_user is not logged in - 6666\n');
  });
});
