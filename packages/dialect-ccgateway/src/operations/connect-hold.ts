import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { CONNECT_HOLD_TAG } from '../wire/transfer-tag';
import { agentSession } from './agent-session';

/**
 * `POST /voicecall/{agentid}/connecthold/{callid}` (Huawei `cec_07_1240`):
 * the agent consulting a party while its customer is held (a talk transfer,
 * a callout while holding) leaves, and the held customer and that party talk
 * on (the core's agent leaving a three-way call, announced as the
 * customer's transfer to that party: `AgentEvent_Customer_Release`, then
 * `AgentMediaEvent_StopRecordDone` for each recording the agent made of the
 * call, which ends as it leaves, then the agent's release). The held call and the
 * consultation are one call here, so `callid` must be the agent's call. No
 * call, or another `callid`: `200-013`; no consulted party to connect the
 * customer with: `200-014`.
 */
export const connectHoldOperation = defineInterface({
  name: 'connectHold',
  method: 'POST',
  path: '/voicecall/{agentid}/connecthold/{callid}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const session = await agentSession(ctx);
    if (session.currentCallId === null || ctx.pathParams.callid !== session.currentCallId) throw refuse('200-013');
    await ctx.core.leaveThreeWayCall({ agentId: ctx.agentId, agentAfterCall: session.afterCall, tag: CONNECT_HOLD_TAG });
  },
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '200-014' },
});
