import { defineInterface, NO_BODY, refuse } from '../operation';
import { renderWaitCount, waitingCallers } from './queue-wait-count';
import { SKILL_ID } from './reset-skill';

/**
 * `GET /queuedevice/{agentid}/skillwaitnum/{skillid}` (Huawei `cec_07_1022`
 * / `cec_07_0410`, queryQueueLengthBySkillId): callers waiting in one skill
 * queue. A skill id that names no queue: `000-002`.
 */
export const skillWaitNumOperation = defineInterface({
  name: 'queryQueueLengthBySkillId',
  method: 'GET',
  path: '/queuedevice/{agentid}/skillwaitnum/{skillid}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<number> {
    const skill = ctx.pathParams.skillid ?? '';
    if (!SKILL_ID.test(skill) || !(await ctx.core.getQueue(skill))) throw refuse('000-002');
    return waitingCallers(ctx, [skill]);
  },
  render: renderWaitCount,
});
