import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { inspectedAgent, signedInInspector, SUPERVISION_ERRORS } from './inspected-agent';

/**
 * `POST /qualitycontrol/{agentid}/forcedropcall/{callid}` (Huawei
 * `cec_07_0442`): the inspector releases the call `callid` of a signed-in
 * agent, as the agent's own release does (the customer hung up, the agent
 * told `AgentEvent_Call_Release`, its phone released, idle or wrap-up). A
 * call that is no agent's current call: `100-009`; the inspector's own call:
 * `000-005`, as for any inspection of itself.
 */
export const forceDropCallOperation = defineInterface({
  name: 'forceDropCall',
  method: 'POST',
  path: '/qualitycontrol/{agentid}/forcedropcall/{callid}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    await signedInInspector(ctx);
    const callId = ctx.pathParams.callid ?? '';
    const call = callId === '' ? null : ((await ctx.core.getCall(callId))?.call ?? null);
    if (call === null || call.state === 'ended' || call.agentId === null) throw refuse('100-009');
    const workNo = await inspectedAgent(ctx, call.agentId);
    const session = await ctx.core.getAgentSession(workNo);
    if (session?.currentCallId !== call.id) throw refuse('100-009');
    const { hungUp } = await ctx.core.hangupAgentCustomer({ agentId: workNo });
    if (!hungUp) throw refuse('100-009');
  },
  render: () => successAnswer(),
  errors: SUPERVISION_ERRORS,
});
