import { defineInterface, NO_BODY } from '../operation';
import { renderWaitCount, waitingCallers } from './queue-wait-count';
import { configuredSkills } from './reset-skill';

/**
 * `GET /queuedevice/{agentid}/waitnum` (Huawei `cec_07_1019` / `cec_07_0407`,
 * queryQueueLengthOnAgent): callers waiting in the skill queues configured
 * for the agent (its `skills`, else the queues it is provisioned in).
 */
export const waitNumOperation = defineInterface({
  name: 'queryQueueLengthOnAgent',
  method: 'GET',
  path: '/queuedevice/{agentid}/waitnum',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  run: async (ctx): Promise<number> => waitingCallers(ctx, await configuredSkills(ctx.core, ctx.agentId, null)),
  render: renderWaitCount,
});
