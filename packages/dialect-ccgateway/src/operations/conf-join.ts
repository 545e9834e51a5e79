import type { JSONSchemaType } from 'ajv';
import { defineInterface, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { lenientBodyCheck } from '../wire/lenient-fields';
import { agentSession } from './agent-session';

/** Body of `voicecall/{agentid}/confjoin` (Huawei `cec_07_1245`). */
interface ConfJoinBody {
  callid?: string;
  callappdata?: string;
}

const schema: JSONSchemaType<ConfJoinBody> = {
  type: 'object',
  properties: {
    callid: { type: 'string', nullable: true },
    callappdata: { type: 'string', nullable: true, maxLength: 16_384 },
  },
  additionalProperties: true,
};

const confJoinBody = lenientBodyCheck(schema);

/**
 * `POST /voicecall/{agentid}/confjoin`: after a talk transfer (`transfer`
 * mode 3), a callout while holding or a two-party help, the held customer
 * (the call named by the body's `callid`) comes back into the call with the
 * agent and the consulted party: a three-way call (`AgentEvent_Conference`,
 * Huawei `cec_07_1245`), on a callout or a skill call. The held call and the
 * consultation are one call here, so `callid` must be the agent's call.
 * `callid` missing or blank: `000-002`; no call: `200-010`; no held customer
 * in the call named: `200-011`. `callappdata` is accepted and not used.
 */
export const confJoinOperation = defineInterface({
  name: 'confJoin',
  method: 'POST',
  path: '/voicecall/{agentid}/confjoin',
  body: 'json',
  auth: 'guid',
  input: confJoinBody,
  async run(ctx, body: ConfJoinBody): Promise<void> {
    const callId = body.callid?.trim() ?? '';
    if (callId === '') throw refuse('000-002');
    const session = await agentSession(ctx);
    if (session.currentCallId === null) throw refuse('200-010');
    if (callId !== session.currentCallId) throw refuse('200-011');
    const { grabbed } = await ctx.core.grabCallParty({ agentId: ctx.agentId, party: 'customer' });
    if (!grabbed) throw refuse('200-011');
  },
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '200-010' },
});
