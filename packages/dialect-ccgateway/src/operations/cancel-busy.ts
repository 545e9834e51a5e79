import { defineInterface, NO_BODY, refuse } from '../operation';
import { isRestPause } from '../wire/agent-state';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/**
 * `POST /onlineagent/{agentid}/cancelbusy` (spec §7.2): busy → idle
 * (`AgentState_CancelNotReady_Success`, then `AgentState_Ready`). An agent
 * that is not busy (resting included): `100-009`.
 */
export const cancelBusyOperation = defineInterface({
  name: 'cancelBusy',
  method: 'POST',
  path: '/onlineagent/{agentid}/cancelbusy',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const session = await agentSession(ctx);
    // A resting agent is not busy (CTI status 8, not 7): cancelrest ends a rest.
    if (session.state !== 'paused' || isRestPause(session.pauseReason)) throw refuse('100-009');
    await ctx.core.resumeAgent({ agentId: ctx.agentId });
  },
  render: () => successAnswer(),
});
