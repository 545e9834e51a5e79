import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/**
 * `POST /onlineagent/{agentid}/work` (spec §7.6): the agent enters wrap-up
 * (`AgentState_SetWork_Success`, `AgentState_Work`), from idle, busy or
 * rest; during a call when the call ends (the events come then). Already in
 * wrap-up: `100-009`.
 */
export const sayWorkOperation = defineInterface({
  name: 'sayWork',
  method: 'POST',
  path: '/onlineagent/{agentid}/work',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    await agentSession(ctx);
    const outcome = await ctx.core.startAfterCallWork({ agentId: ctx.agentId });
    if (outcome === 'already_wrap_up') throw refuse('100-009');
  },
  render: () => successAnswer(),
});
