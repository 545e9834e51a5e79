import { wireError } from '../errors';
import { failed, succeeded, type Operation } from '../operation';
import { successAnswer } from '../wire/envelope';
import { withAgentSession } from './agent-session';

/**
 * `POST /onlineagent/{agentid}/sayfree` (spec §7.3): busy or wrap-up → idle.
 * An agent already idle stays so (success); an agent in a call: `100-009`.
 */
export const sayFreeOperation: Operation = {
  name: 'sayFree',
  method: 'POST',
  path: '/onlineagent/{agentid}/sayfree',
  auth: 'guid',
  body: 'none',
  bodyError: '000-002',
  run: (ctx, input) =>
    withAgentSession(ctx, input, 'sayFree', async (session) => {
      if (session.state === 'in_call') return failed(wireError('100-009'));
      if (session.state !== 'ready') await ctx.core.resumeAgent({ agentId: input.agentId });
      return succeeded(successAnswer());
    }),
};
