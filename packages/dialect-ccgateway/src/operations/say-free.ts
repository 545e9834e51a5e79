import { succeeded, type Operation } from '../operation';
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
    withAgentSession(ctx, input, 'sayFree', async () => {
      // Decided in the agent's queue, so parallel requests cannot both see "busy" and one of them fail:
      // an idle agent is left as it is, an agent in a call is refused (AGENT_NOT_PAUSED → 100-009).
      await ctx.core.resumeAgent({ agentId: input.agentId, ifReady: 'accept' });
      return succeeded(successAnswer());
    }),
};
