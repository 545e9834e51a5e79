import { wireErrorFor } from '../errors';
import { failed, succeeded, type Operation } from '../operation';
import { successAnswer } from '../wire/envelope';

/**
 * `DELETE /onlineagent/{agentid}/logout` (spec §5.3). Huawei does not sign
 * an agent out during a call: the core refuses (`100-010`). The session's
 * GUIDs die with it; `AgentOther_ShutdownService` reaches a poll still waiting.
 */
export const logoutOperation: Operation = {
  name: 'logout',
  method: 'DELETE',
  path: '/onlineagent/{agentid}/logout',
  auth: 'guid',
  body: 'none',
  bodyError: '000-002',
  async run(ctx, input) {
    try {
      await ctx.core.logoutAgent({ agentId: input.agentId, whenInCall: 'refuse' });
    } catch (error) {
      return failed(wireErrorFor(error, 'logout'));
    }
    return succeeded(successAnswer());
  },
};
