import { OPERATIONS } from '../src/routes';
import { expectDialectAnswer, seedOf, sendGarbage } from './garbage';
import { seededRandom, signOut, unitApp } from './unit-app';

describe('CC-Gateway garbage input: every answer is the dialect\'s own, the process stays up', () => {
  test.each(OPERATIONS.map((operation) => [operation.name, operation] as const))('%s: 250 generated requests', async (name, operation) => {
    const { http, signIn, t, logs, expireEveryPoll } = await unitApp({ pollWaitMs: 5, maxBodyBytes: 64 * 1024 });
    const random = seededRandom(seedOf(name));
    let guid = await signIn('101');
    let answered200 = 0;
    const stopExpiring = expireEveryPoll();
    try {
      for (let i = 0; i < 250; i += 1) {
        if ((await t.core.getAgentSession('101')) === null || i % 25 === 0) {
          await signOut(t);
          guid = await signIn('101');
        }
        const res = await sendGarbage(http, random, operation, guid);
        expectDialectAnswer(res);
        if (res.status === 200) answered200 += 1;
      }
    } finally {
      stopExpiring();
    }
    expect(answered200).toBeGreaterThan(100);
    // No request reached the catch-all error handler.
    expect(logs.filter((line) => line.startsWith('error'))).toEqual([]);
    // Still serving.
    await signOut(t);
    await signIn('101');
  });
});
