import { OPERATIONS } from '../src/routes';
import { expectDialectAnswer, seedOf, sendGarbage } from './garbage';
import { sharedCcgatewayGateway, signIn } from './integration-support';
import { seededRandom } from './unit-app';
import { HUAWEI_SIGN_IN_SAMPLE } from './wire-client';

describe('CC-Gateway garbage input on the whole stack: the dialect\'s own answers, the gateway keeps serving', () => {
  const gateway = sharedCcgatewayGateway({ ccgateway: { pollWaitMs: 5 } });

  test.each(OPERATIONS.map((operation) => [operation.name, operation] as const))('%s: 80 generated requests', async (name, operation) => {
    const random = seededRandom(seedOf(`${name}/stack`));
    let guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
    for (let i = 0; i < 80; i += 1) {
      if (i % 20 === 0 || (await gateway().core.getAgentSession('101')) === null) guid = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE, true);
      expectDialectAnswer(await sendGarbage(gateway().http, random, operation, guid));
    }
    if (await gateway().core.getAgentSession('101')) await gateway().core.logoutAgent({ agentId: '101', whenInCall: 'force' });
    await gateway().waitFor(async () => (await gateway().core.listLiveCalls()).every(({ call }) => call.agentId !== '101'), 10_000, 'calls of agent 101 to end');
    // Still serving, and the session machinery is intact.
    const fresh = await signIn(gateway(), '101', HUAWEI_SIGN_IN_SAMPLE);
    expect((await gateway().http.get('/agentgateway/resource/agentevent/101').set('Guid', fresh)).text).toContain('"eventType":"AgentOther_InService"');
    await gateway().core.logoutAgent({ agentId: '101', whenInCall: 'force' });
  });
});
