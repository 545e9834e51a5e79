// Runs on pbx-sim only: it unregisters the phone, which the test rig's Asterisk (static contacts at the far end) cannot do.
import { collectEvents, described, drainEvents, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, SEED_PLAY_BODY, SUCCESS } from './wire-client';

const RP = `${BASE}/recordplay/101`;

describe('CC-Gateway recordplay to a phone that is not registered', () => {
  const gateway = sharedCcgatewayGateway({ core: { agentRingTimeoutSec: 3 } });
  let guid: string;

  beforeEach(async () => {
    guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    expect(described(await collectEvents(gateway(), '101', guid, 2))).toEqual(['AgentOther_InService', 'AgentState_Ready']);
  });

  afterEach(async () => {
    await gateway().http.delete(`${BASE}/onlineagent/101/forcelogout`).set('Guid', guid);
    await gateway().core.idle();
  });

  const play = () => gateway().http.put(`${RP}/play`).set('Content-Type', 'application/json; charset=UTF-8').set('Guid', guid).send(SEED_PLAY_BODY);

  test('a phone the engine cannot call: accepted, then the failure sequence (Huawei answers 0 and reports the failure as events)', async () => {
    await gateway().sim.control.unregisterPhone('40038');
    expect((await play()).text).toBe(SUCCESS);
    expect(described(await collectEvents(gateway(), '101', guid, 5))).toEqual([
      'AgentState_Busy',
      'AgentOther_PhoneRelease {"phoneState":3}',
      'AgentState_Ready',
      'AgentMediaEvent_Play_Fail',
      'AgentMediaEvent_StopPlayDone {"cause":2}',
    ]);
    expect(await drainEvents(gateway(), '101', guid)).toEqual([]);
    expect((await gateway().core.getAgentSession('101'))?.state).toBe('ready');
  });
});
