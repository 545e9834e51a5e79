import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { inspectedAgent } from './inspected-agent';

/**
 * `POST /qualitycontrol/{agentid}/forceidle/{workNo}`: an inspector sets agent
 * `workNo` idle, as sayfree would: busy or wrap-up → idle, idle stays so, an
 * agent in a call `100-009`.
 */
export const forceIdleOperation = defineInterface({
  name: 'forceIdle',
  method: 'POST',
  path: '/qualitycontrol/{agentid}/forceidle/{workNo}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const workNo = await inspectedAgent(ctx, ctx.pathParams.workNo);
    await ctx.core.resumeAgent({ agentId: workNo, ifReady: 'accept' });
  },
  render: () => successAnswer(),
});
