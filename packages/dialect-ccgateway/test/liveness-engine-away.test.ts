// Runs on pbx-sim only: the engine refuses connections and drops its WebSockets on command, which a real Asterisk cannot be told to do.
import { collectEvents, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, SEED_PLAY_BODY, SUCCESS, failure } from './wire-client';

describe('CC-Gateway while the telephony engine is away', () => {
  const gateway = sharedCcgatewayGateway({ ccgateway: { pollWaitMs: 200 } });

  test('the telephony engine away: sign-in 100-003, play 100-007, answered at once; both work again once it is back', async () => {
    const guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE);
    await collectEvents(gateway(), '101', guid, 2);
    await gateway().sim.control.refuseConnections(3000);
    await gateway().sim.control.dropWebSockets();
    await gateway().waitFor(() => !gateway().core.pbxAvailable(), 5000, 'the engine to be unavailable');
    expect((await gateway().http.put(`${BASE}/recordplay/101/play`).set('Guid', guid).send(SEED_PLAY_BODY)).text).toBe(
      failure('100-007', 'internal error while executing the agent operation'),
    );
    expect((await gateway().http.put(`${BASE}/onlineagent/102`).send({ password: 'Agent@102', phonenum: '102' })).text).toBe(failure('100-003', 'cti resource unavailable'));
    expect((await gateway().core.getAgentSession('101'))?.state).toBe('ready');
    await gateway().waitFor(() => gateway().core.pbxAvailable(), 15_000, 'the engine to come back');
    const fresh = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    expect((await gateway().http.put(`${BASE}/recordplay/101/play`).set('Guid', fresh).send(SEED_PLAY_BODY)).text).toBe(SUCCESS);
    await gateway().core.logoutAgent({ agentId: '101', whenInCall: 'force' });
  }, 40_000);
});
