import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/**
 * `POST /onlineagent/{agentid}/autoenteridle/{flag}` (spec §7.9): `true`
 * (any case) = idle after each call, any other string of 1–5 characters =
 * wrap-up after each call, a longer one `000-002`. No event; a call already
 * up ends the new way.
 */
export const setAutoEnterIdleOperation = defineInterface({
  name: 'setAgentAutoEnterIdle',
  method: 'POST',
  path: '/onlineagent/{agentid}/autoenteridle/{flag}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const flag = ctx.pathParams.flag ?? '';
    if (flag.length < 1 || flag.length > 5) throw refuse('000-002');
    await agentSession(ctx);
    await ctx.core.setCallHandling({ agentId: ctx.agentId, afterCall: flag.toLowerCase() === 'true' ? 'ready' : 'wrap_up' });
  },
  render: () => successAnswer(),
});
