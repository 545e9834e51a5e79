import { sharedCcgatewayGateway } from './integration-support';
import { BASE, failure } from './wire-client';

const AG = `${BASE}/onlineagent`;

describe('CC-Gateway sign-in lock-out on the whole stack', () => {
  const gateway = sharedCcgatewayGateway();

  test('ten wrong passwords lock the agent (110-016), even for the right password, and guesses in parallel count one by one', async () => {
    const guesses = await Promise.all(
      Array.from({ length: 15 }, () => gateway().http.put(`${AG}/102`).send({ password: 'guess', phonenum: '102' })),
    );
    const answers = guesses.map((guess) => guess.text);
    expect(answers.filter((text) => text === failure('100-004', 'wrong agent id or password'))).toHaveLength(10);
    expect(answers.filter((text) => text === failure('110-016', 'account locked'))).toHaveLength(5);
    const right = await gateway().http.put(`${AG}/102`).send({ password: 'Agent@102', phonenum: '102' });
    expect(right.text).toBe(failure('110-016', 'account locked'));
    expect(right.headers['set-guid']).toBeUndefined();
    expect(await gateway().core.getAgentSession('102')).toBeNull();
  });
});
