import { wireError, wireErrorFor } from '../errors';
import { failed, succeeded, type Operation } from '../operation';
import { successAnswer } from '../wire/envelope';

/**
 * `POST /onlineagent/{agentid}/cancelbusy` (spec §7.2): busy → idle
 * (`AgentState_CancelNotReady_Success`, then `AgentState_Ready`). An agent
 * that is not busy: `100-009`.
 */
export const cancelBusyOperation: Operation = {
  name: 'cancelBusy',
  method: 'POST',
  path: '/onlineagent/{agentid}/cancelbusy',
  auth: 'guid',
  body: 'none',
  bodyError: '000-002',
  async run(ctx, input) {
    try {
      const session = await ctx.core.getAgentSession(input.agentId);
      if (!session) return failed(wireError('100-006'));
      if (session.state !== 'paused') return failed(wireError('100-009'));
      await ctx.core.resumeAgent({ agentId: input.agentId });
    } catch (error) {
      return failed(wireErrorFor(error, 'cancelBusy'));
    }
    return succeeded(successAnswer());
  },
};
