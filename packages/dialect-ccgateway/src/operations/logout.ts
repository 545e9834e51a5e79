import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';

/**
 * `DELETE /onlineagent/{agentid}/logout` (spec §5.3). Huawei does not sign
 * an agent out during a call: the core refuses (`100-010`). The session's
 * GUIDs die with it; `AgentOther_ShutdownService` reaches a poll still waiting.
 */
export const logoutOperation = defineInterface({
  name: 'logout',
  method: 'DELETE',
  path: '/onlineagent/{agentid}/logout',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    await ctx.core.logoutAgent({ agentId: ctx.agentId, whenInCall: 'refuse' });
  },
  render: () => successAnswer(),
  errors: { AGENT_BUSY: '100-010' },
});
