import { defineInterface, NO_BODY, refuse, type InterfaceContext } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/** Hangs up the customer of the agent's call (the agent's phone follows); `200-017` when the agent has no call with a customer. */
export async function releaseAgentCall(ctx: InterfaceContext, callId: string | null = null): Promise<void> {
  const session = await agentSession(ctx);
  if (session.currentCallId === null || (callId !== null && session.currentCallId !== callId)) throw refuse('200-017');
  const { hungUp } = await ctx.core.hangupAgentCustomer({ agentId: ctx.agentId });
  if (!hungUp) throw refuse('200-017');
}

/**
 * `DELETE /voicecall/{agentid}/release` (spec §9.3): the agent releases its
 * call (`AgentEvent_Call_Release`, the phone released, the agent idle or in
 * wrap-up). No call with a customer (none, or the phone of a playback):
 * `200-017`.
 */
export const releaseOperation = defineInterface({
  name: 'release',
  method: 'DELETE',
  path: '/voicecall/{agentid}/release',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  run: (ctx) => releaseAgentCall(ctx),
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '200-017' },
});

/** `DELETE /voicecall/{agentid}`: the older path of the same interface (Huawei `cec_07_1247`). */
export const releaseLegacyOperation = defineInterface({
  name: 'releaseEx',
  method: 'DELETE',
  path: '/voicecall/{agentid}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  run: (ctx) => releaseAgentCall(ctx),
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '200-017' },
});
