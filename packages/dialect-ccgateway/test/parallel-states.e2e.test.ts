import { described, drainEvents, sharedCcgatewayGateway, signIn } from './integration-support';
import { BASE, HUAWEI_SIGN_IN_SAMPLE, SUCCESS, failure } from './wire-client';

const AG = `${BASE}/onlineagent`;
const REFUSED = failure('100-009', 'agent state cannot be changed');
const ROUNDS = 5;

/**
 * saybusy and sayfree sent twice at the same moment by a client (a double
 * click, a retry) must answer as the two requests one after the other would:
 * the first changes the state, the second finds it changed. The decision
 * cannot be taken from a look at the session before the agent's own queue
 * runs the command, or both requests see the old state.
 */
describe('CC-Gateway agent states asked for twice at once', () => {
  const gateway = sharedCcgatewayGateway();
  let guid: string;

  beforeAll(async () => {
    guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE);
  });

  const post = (path: string) => gateway().http.post(`${AG}/101/${path}`).set('Guid', guid);

  test('two saybusy on an idle agent: one succeeds, the other finds the agent busy; one busy event', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      await drainEvents(gateway(), '101', guid);
      const answers = (await Promise.all([post('saybusy'), post('saybusy')])).map((res) => res.text).sort();
      expect(answers).toEqual([REFUSED, SUCCESS].sort());
      expect(await gateway().core.getAgentSession('101')).toMatchObject({ state: 'paused', pauseReason: 'busy:0' });
      expect(described(await drainEvents(gateway(), '101', guid))).toEqual(['AgentState_SetNotReady_Success {"reason":"0"}']);
      expect((await post('sayfree')).text).toBe(SUCCESS);
    }
  });

  test('two sayfree on a busy agent: both succeed, the agent is idle once; one pair of idle events', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      expect((await post('saybusy')).text).toBe(SUCCESS);
      await drainEvents(gateway(), '101', guid);
      const answers = (await Promise.all([post('sayfree'), post('sayfree')])).map((res) => res.text);
      expect(answers).toEqual([SUCCESS, SUCCESS]);
      expect(await gateway().core.getAgentSession('101')).toMatchObject({ state: 'ready', pauseReason: null });
      expect(described(await drainEvents(gateway(), '101', guid))).toEqual(['AgentState_CancelNotReady_Success', 'AgentState_Ready']);
    }
  });
});
