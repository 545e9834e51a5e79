import type { Call } from '@pbx-gateway/core';
import { defineInterface, NO_BODY, refuse, type InterfaceContext } from '../operation';
import { jsonAnswer, renderEnvelopeWithValue } from '../wire/envelope';
import { callAppData } from '../wire/call-info';
import { agentSession } from './agent-session';

/** A call id as Huawei writes one (`1456401416-3`) or as the core does; anything else names no call. */
export const CALL_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * The live call the agent names (`callid`), or its current call: Huawei
 * documents the interface only for an agent in a call, and no code for a
 * call that is not there, so both answer the agent operation's failure
 * (`100-007`).
 */
export async function callOfAgent(ctx: InterfaceContext, callId: string | undefined): Promise<Call> {
  if (callId !== undefined && callId !== '' && !CALL_ID.test(callId)) throw refuse('000-002');
  const session = await agentSession(ctx);
  const wanted = callId ? callId : session.currentCallId;
  const found = wanted ? await ctx.core.getCall(wanted) : null;
  const call = found?.call;
  if (!call || call.state === 'ended' || (call.agentId !== ctx.agentId && session.currentCallId !== call.id)) throw refuse('100-007');
  return call;
}

/**
 * `GET /calldata/{agentid}/appdata?isEncodeResult=&callId=` (Huawei
 * `cec_07_1262` / `cec_07_0420`, queryCallAppData): the call-associated data
 * of the agent's call, as a bare string in `result` (`""` when none was
 * given), Base64-encoded when `isEncodeResult` is `true` (any other value:
 * plain). Errors `100-006`, `100-007`.
 */
export const queryCallAppDataOperation = defineInterface({
  name: 'queryCallAppData',
  method: 'GET',
  path: '/calldata/{agentid}/appdata',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<string> {
    const call = await callOfAgent(ctx, ctx.query.callId ?? ctx.query.callid);
    const text = callAppData(call);
    return ctx.query.isEncodeResult === 'true' ? Buffer.from(text, 'utf8').toString('base64') : text;
  },
  render: (data: string) => jsonAnswer(renderEnvelopeWithValue('', '0', data)),
});
