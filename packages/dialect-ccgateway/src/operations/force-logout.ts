import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';

/** `DELETE /onlineagent/{agentid}/forcelogout` (spec §5.4): releases any call, then signs out. */
export const forceLogoutOperation = defineInterface({
  name: 'forceLogout',
  method: 'DELETE',
  path: '/onlineagent/{agentid}/forcelogout',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    await ctx.core.logoutAgent({ agentId: ctx.agentId, whenInCall: 'force' });
  },
  render: () => successAnswer(),
});
