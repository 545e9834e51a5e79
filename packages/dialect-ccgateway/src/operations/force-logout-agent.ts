import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { inspectedAgent } from './inspected-agent';

/**
 * `POST /qualitycontrol/{agentid}/forcelogout/{workNo}`: an inspector signs
 * agent `workNo` out, releasing any call it is in (as its own forcelogout).
 */
export const forceLogOutAgentOperation = defineInterface({
  name: 'forceLogOutAgent',
  method: 'POST',
  path: '/qualitycontrol/{agentid}/forcelogout/{workNo}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const workNo = await inspectedAgent(ctx, ctx.pathParams.workNo);
    await ctx.core.logoutAgent({ agentId: workNo, whenInCall: 'force' });
  },
  render: () => successAnswer(),
});
