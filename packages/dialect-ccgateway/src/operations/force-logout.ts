import { wireErrorFor } from '../errors';
import { failed, succeeded, type Operation } from '../operation';
import { successAnswer } from '../wire/envelope';

/** `DELETE /onlineagent/{agentid}/forcelogout` (spec §5.4): releases any call, then signs out. */
export const forceLogoutOperation: Operation = {
  name: 'forceLogout',
  method: 'DELETE',
  path: '/onlineagent/{agentid}/forcelogout',
  auth: 'guid',
  body: 'none',
  bodyError: '000-002',
  async run(ctx, input) {
    try {
      await ctx.core.logoutAgent({ agentId: input.agentId, whenInCall: 'force' });
    } catch (error) {
      return failed(wireErrorFor(error, 'forceLogout'));
    }
    return succeeded(successAnswer());
  },
};
