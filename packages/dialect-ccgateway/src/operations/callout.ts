import type { JSONSchemaType } from 'ajv';
import { defineInterface, refuse, type InterfaceContext } from '../operation';
import { jsonAnswer, renderEnvelopeWithValue } from '../wire/envelope';
import { lenientBodyCheck } from '../wire/lenient-fields';
import { agentSession } from './agent-session';

/** Whether the customer of the agent's call waits on hold (parked by `hold`) with no consulted party on the line yet. */
async function customerHeld(ctx: InterfaceContext, callId: string): Promise<boolean> {
  const found = await ctx.core.getCall(callId);
  if (!found) return false;
  const { call, legs } = found;
  const role = call.purpose === 'inbound' ? 'caller' : 'customer';
  const parked = 'parkedLegIds' in call.progress ? (call.progress.parkedLegIds ?? []) : [];
  if (legs.some((leg) => leg.role === 'third_party' && leg.state !== 'ended')) return false;
  return legs.some((leg) => leg.role === role && leg.state === 'up' && parked.includes(leg.id));
}

/** Body of `voicecall/{agentid}/callout` (spec §9.1). */
interface CalloutBody {
  caller?: string;
  called?: string;
  skillid?: number;
  callappdata?: string;
  mediaability?: number;
  userVideoDirection?: number;
}

const schema: JSONSchemaType<CalloutBody> = {
  type: 'object',
  properties: {
    caller: { type: 'string', nullable: true, pattern: '^[0-9]{0,24}$' },
    // Judged by the interface itself: a bad number has a code of its own (200-001).
    called: { type: 'string', nullable: true },
    skillid: { type: 'integer', nullable: true },
    callappdata: { type: 'string', nullable: true, maxLength: 16_384 },
    mediaability: { type: 'integer', nullable: true, enum: [0, 1, 2] },
    userVideoDirection: { type: 'integer', nullable: true, enum: [1, 2, 3, 4] },
  },
  additionalProperties: true,
};

const calloutBody = lenientBodyCheck(schema);

const CALLED = /^[0-9*#]{1,24}$/;

/**
 * `PUT /voicecall/{agentid}/callout` (spec §9.1): the agent's phone is rung
 * and, once it answers, the customer (`called`) is dialled and bridged with
 * it (the core's agent-customer call). `caller` is the number the customer
 * sees (empty: the trunk's own); `callappdata` is kept with the call and its
 * CDR. `result` is the new call's id. Video (`mediaability` 1, 2) is
 * accepted and placed as audio; `skillid` is accepted and not used.
 * While the agent holds its customer (Huawei: "no call, except a held
 * call"), the number is dialled into that call as a consulted party, the
 * core's third party, and `result` is that call's id.
 */
export const calloutOperation = defineInterface({
  name: 'callout',
  method: 'PUT',
  path: '/voicecall/{agentid}/callout',
  body: 'json',
  auth: 'guid',
  input: calloutBody,
  async run(ctx, body: CalloutBody): Promise<string> {
    if (body.called === undefined || !CALLED.test(body.called)) throw refuse('200-001');
    const session = await agentSession(ctx);
    const callerId = body.caller ? body.caller : null;
    if (session.currentCallId !== null && (await customerHeld(ctx, session.currentCallId))) {
      // Huawei's consultation (cec_05_4041): the held customer waits while the agent calls another party, which confjoin may join.
      await ctx.core.dialThirdParty({ agentId: ctx.agentId, number: body.called, callerId, parkCustomer: false });
      return session.currentCallId;
    }
    const { callId } = await ctx.core.startAgentCustomerCall({
      agentId: ctx.agentId,
      number: body.called,
      callerId,
      origin: { dialect: 'ccgateway', operation: 'callout', apiUserId: null },
      data: body.callappdata ? { callappdata: body.callappdata } : {},
    });
    return callId;
  },
  render: (callId: string) => jsonAnswer(renderEnvelopeWithValue('success', '0', callId)),
  errors: { INVALID_NUMBER: '200-001', AGENT_BUSY: '100-009' },
});
