import { defineInterface, NO_BODY } from '../operation';
import { renderWaitCount, waitingCallers } from './queue-wait-count';

/**
 * `GET /queuedevice/{agentid}/waitnumbyagent` (Huawei `cec_07_1020` /
 * `cec_07_0408`, queryQueueLengthOnAgentSkills): callers waiting in the
 * skill queues the agent is signed in to (by `resetskill`).
 */
export const waitNumByAgentOperation = defineInterface({
  name: 'queryQueueLengthOnAgentSkills',
  method: 'GET',
  path: '/queuedevice/{agentid}/waitnumbyagent',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  run: async (ctx): Promise<number> => waitingCallers(ctx, await ctx.core.queuesOfAgent(ctx.agentId)),
  render: renderWaitCount,
});
