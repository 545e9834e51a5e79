import type { Call } from '@pbx-gateway/core';
import { defineInterface, NO_BODY, refuse, type InterfaceContext } from '../operation';
import { callInfoFields } from '../wire/call-info';
import { jsonAnswer, renderEnvelope, type ResultFields } from '../wire/envelope';
import { agentSession } from './agent-session';

/** The call the agent is in (offered, ringing, talking, held), or null. */
async function currentCallOf(ctx: InterfaceContext): Promise<Call | null> {
  const session = await agentSession(ctx);
  const current = session.currentCallId ? await ctx.core.getCall(session.currentCallId) : null;
  return current && current.call.state !== 'ended' ? current.call : null;
}

/** The agent's latest call that ended (its CDR, newest first), or null. */
async function lastCallOf(ctx: InterfaceContext): Promise<Call | null> {
  const [cdr] = await ctx.core.searchCdrs({ agentId: ctx.agentId, newestFirst: true, limit: 1 });
  return cdr ? ((await ctx.core.getCall(cdr.callId))?.call ?? null) : null;
}

/**
 * `GET /calldata/{agentid}/callinfo?isNoContainLastCall={bool}` (Huawei
 * `cec_07_0419` / `cec_07_1261`, queryCallInfo): the agent's current call as
 * one `result` object (wire/call-info). Without one, `isNoContainLastCall=true`
 * answers the agent's last call (Huawei: "true: query the last call", though
 * the name reads the other way); `false` or absent: `100-007`, as when there
 * was no last call. Any other value of the flag: `000-002`.
 */
export const queryCallInfoOperation = defineInterface({
  name: 'queryCallInfo',
  method: 'GET',
  path: '/calldata/{agentid}/callinfo',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<ResultFields> {
    const flag = ctx.query.isNoContainLastCall;
    if (flag !== undefined && flag !== '' && flag !== 'true' && flag !== 'false') throw refuse('000-002');
    const call = (await currentCallOf(ctx)) ?? (flag === 'true' ? await lastCallOf(ctx) : null);
    if (!call) throw refuse('100-007');
    return callInfoFields(call, ctx.core.clock.now(), { waiting: false, originalCalled: true });
  },
  render: (fields: ResultFields) => jsonAnswer(renderEnvelope('', '0', fields)),
});
