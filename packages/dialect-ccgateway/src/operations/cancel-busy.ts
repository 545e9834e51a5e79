import { wireError } from '../errors';
import { failed, succeeded, type Operation } from '../operation';
import { successAnswer } from '../wire/envelope';
import { withAgentSession } from './agent-session';

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
  run: (ctx, input) =>
    withAgentSession(ctx, input, 'cancelBusy', async (session) => {
      if (session.state !== 'paused') return failed(wireError('100-009'));
      await ctx.core.resumeAgent({ agentId: input.agentId });
      return succeeded(successAnswer());
    }),
};
