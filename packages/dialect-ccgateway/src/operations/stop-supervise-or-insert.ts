import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { inspectedAgent, SUPERVISION_ERRORS } from './inspected-agent';

/**
 * `DELETE /qualitycontrol/{agentid}/{workNo}`: the inspector stops listening
 * to or barging into agent `workNo`'s call; its phone is released. An
 * inspector supervising nothing: `100-009`.
 */
export const stopSuperviseOrInsertOperation = defineInterface({
  name: 'stopSuperviseOrInsert',
  method: 'DELETE',
  path: '/qualitycontrol/{agentid}/{workNo:digits}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    await inspectedAgent(ctx, ctx.pathParams.workNo);
    await ctx.core.stopSupervision({ supervisorAgentId: ctx.agentId });
  },
  render: () => successAnswer(),
  errors: SUPERVISION_ERRORS,
});
