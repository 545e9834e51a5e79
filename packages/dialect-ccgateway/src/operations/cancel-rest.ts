import { defineInterface, NO_BODY, refuse } from '../operation';
import { isRestPause } from '../wire/agent-state';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/**
 * `POST /onlineagent/{agentid}/cancelrest` (spec §7.5): rest → idle
 * (`AgentState_CancelRest_Success`, then `AgentState_Ready`). An agent that
 * is not resting (busy included): `100-009`.
 */
export const cancelRestOperation = defineInterface({
  name: 'cancelRest',
  method: 'POST',
  path: '/onlineagent/{agentid}/cancelrest',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const session = await agentSession(ctx);
    if (session.state !== 'paused' || !isRestPause(session.pauseReason)) throw refuse('100-009');
    await ctx.core.resumeAgent({ agentId: ctx.agentId });
  },
  render: () => successAnswer(),
});
