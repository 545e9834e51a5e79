import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { releaseAgentCall } from './release-call';

/**
 * `POST /voicecall/{agentid}/dropcall/{callid}` (spec §9.3, Huawei
 * `cec_07_1246`): releases the agent's call named by `callid`, as release
 * does; a call id that is not the agent's current call: `200-017`.
 */
export const dropCallOperation = defineInterface({
  name: 'dropCall',
  method: 'POST',
  path: '/voicecall/{agentid}/dropcall/{callid}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  run: (ctx) => releaseAgentCall(ctx, ctx.pathParams.callid ?? ''),
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '200-017' },
});
