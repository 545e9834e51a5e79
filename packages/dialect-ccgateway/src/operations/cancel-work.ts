import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/**
 * `POST /onlineagent/{agentid}/cancelwork` (spec §7.6): wrap-up → idle
 * (`AgentState_CancelWork_Success`, then `AgentState_Ready`). An agent not
 * in wrap-up: `100-009`.
 */
export const cancelWorkOperation = defineInterface({
  name: 'cancelWork',
  method: 'POST',
  path: '/onlineagent/{agentid}/cancelwork',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const session = await agentSession(ctx);
    if (session.state !== 'wrap_up') throw refuse('100-009');
    await ctx.core.resumeAgent({ agentId: ctx.agentId });
  },
  render: () => successAnswer(),
});
