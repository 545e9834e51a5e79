import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/**
 * `POST /onlineagent/{agentid}/sayfree` (spec §7.3): busy or wrap-up → idle.
 * An agent already idle stays so (success); an agent in a call: `100-009`.
 */
export const sayFreeOperation = defineInterface({
  name: 'sayFree',
  method: 'POST',
  path: '/onlineagent/{agentid}/sayfree',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    await agentSession(ctx);
    // Decided in the agent's queue, so parallel requests cannot both see "busy" and one of them fail:
    // an idle agent is left as it is, an agent in a call is refused (AGENT_NOT_PAUSED → 100-009).
    await ctx.core.resumeAgent({ agentId: ctx.agentId, ifReady: 'accept' });
  },
  render: () => successAnswer(),
});
