import type { JSONSchemaType } from 'ajv';
import { defineInterface, refuse } from '../operation';
import { jsonAnswer, renderEnvelopeWithValue } from '../wire/envelope';
import { lenientBodyCheck } from '../wire/lenient-fields';
import { agentSession } from './agent-session';

/** Body of `voicecall/{agentid}/callinner` (Huawei `cec_07_1235`). */
interface CallInnerBody {
  called?: string;
  caller?: string;
  skillid?: number;
  callappdata?: string;
  mediaability?: number;
}

const schema: JSONSchemaType<CallInnerBody> = {
  type: 'object',
  properties: {
    called: { type: 'string', nullable: true },
    caller: { type: 'string', nullable: true, pattern: '^[0-9]{0,24}$' },
    skillid: { type: 'integer', nullable: true },
    callappdata: { type: 'string', nullable: true, maxLength: 16_384 },
    mediaability: { type: 'integer', nullable: true },
  },
  additionalProperties: true,
};

const callInnerBody = lenientBodyCheck(schema);

/** A work number: Huawei allows `*` and `#` in `called`, which no agent's work number has. */
const CALLED = /^[0-9*#]{1,24}$/;

/**
 * `PUT /voicecall/{agentid}/callinner`: the agent calls another agent by
 * work number (`called`). The calling agent's phone rings first; once it
 * answers, the called agent's phone rings, and the two talk when it answers
 * (the core's agent-to-agent call). `result` is the call's id. The called
 * agent must be signed in (`100-006` otherwise) and idle (`100-009`);
 * the calling agent must not be in a call (`100-009`). `skillid` and
 * `mediaability` are accepted and not used (Huawei ignores `mediaability`
 * too); `callappdata` is kept with the call and its CDR.
 */
export const callInnerOperation = defineInterface({
  name: 'callInner',
  method: 'PUT',
  path: '/voicecall/{agentid}/callinner',
  body: 'json',
  auth: 'guid',
  input: callInnerBody,
  async run(ctx, body: CallInnerBody): Promise<string> {
    if (body.called === undefined || !CALLED.test(body.called) || body.called === ctx.agentId) throw refuse('000-002');
    const session = await agentSession(ctx);
    if (session.currentCallId !== null) throw refuse('100-009');
    const { callId } = await ctx.core.startAgentInternalCall({
      agentId: ctx.agentId,
      calledAgentId: body.called,
      callerId: body.caller ? body.caller : null,
      origin: { dialect: 'ccgateway', operation: 'callInner', apiUserId: null },
      data: body.callappdata ? { callappdata: body.callappdata } : {},
    });
    return callId;
  },
  render: (callId: string) => jsonAnswer(renderEnvelopeWithValue('success', '0', callId)),
  errors: { AGENT_NOT_LOGGED_IN: '100-006', AGENT_BUSY: '100-009', AGENT_HAS_NO_DEVICE: '100-009', INVALID_ARGUMENT: '000-002' },
});
