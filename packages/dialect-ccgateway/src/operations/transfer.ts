import type { JSONSchemaType } from 'ajv';
import { defineInterface, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { lenientBodyCheck } from '../wire/lenient-fields';
import { SUCCESS_TRANSFER_TAG } from '../wire/transfer-tag';
import { agentSession } from './agent-session';

/** Body of `voicecall/{agentid}/transfer` (Huawei `cec_07_1242`). */
interface TransferBody {
  devicetype?: number;
  address?: string;
  mode?: number;
  caller?: string;
  mediaability?: number;
  callappdata?: string;
}

const schema: JSONSchemaType<TransferBody> = {
  type: 'object',
  properties: {
    devicetype: { type: 'integer', nullable: true },
    address: { type: 'string', nullable: true },
    mode: { type: 'integer', nullable: true },
    caller: { type: 'string', nullable: true, pattern: '^[0-9]{0,24}$' },
    mediaability: { type: 'integer', nullable: true, enum: [0, 1, 2] },
    callappdata: { type: 'string', nullable: true, maxLength: 16_384 },
  },
  additionalProperties: true,
};

const transferBody = lenientBodyCheck(schema);

/** Huawei's device types this gateway transfers to. */
const SKILL = 1;
const AGENT = 2;
const NUMBER = 5;

/** Huawei's transfer modes: release (blind), success (the agent leaves once the target answers), talk (consult first). */
const RELEASE = 0;
const SUCCESS = 2;
const TALK = 3;

const DIGITS = /^[0-9]{1,24}$/;
const DIALLED = /^[0-9A-Ea-e*#]{1,24}$/;

/**
 * The queue through which a call is handed to one named agent: the same
 * agent-direct queue the other dialects use, so that the named agent takes
 * it as it takes any queued call.
 */
export const AGENT_DIRECT_QUEUE = 'AGENTDIRECT';

type Plan =
  | { kind: 'queue'; queueName: string; forAgentId: string | null; success: boolean }
  | { kind: 'number'; number: string; consult: boolean };

/** What the body asks for, or null when Huawei's page does not allow that combination. */
function planOf(body: TransferBody): Plan | null {
  const { devicetype, address, mode } = body;
  if (address === undefined || mode === undefined) return null;
  if (devicetype === SKILL || devicetype === AGENT) {
    if (!DIGITS.test(address) || (mode !== RELEASE && mode !== SUCCESS)) return null;
    const success = mode === SUCCESS;
    return devicetype === SKILL ? { kind: 'queue', queueName: address, forAgentId: null, success } : { kind: 'queue', queueName: AGENT_DIRECT_QUEUE, forAgentId: address, success };
  }
  if (devicetype === NUMBER) {
    // Huawei refuses a blind transfer to an outside number (prerequisites of its page).
    if (!DIALLED.test(address) || (mode !== SUCCESS && mode !== TALK)) return null;
    return { kind: 'number', number: address, consult: mode === TALK };
  }
  return null;
}

/**
 * `POST /voicecall/{agentid}/transfer`: hands the customer of the agent's
 * call on. To a skill (`devicetype` 1) the customer goes to that skill's
 * queue for its agents; to an agent (2) to that agent alone. Release mode
 * (`mode` 0) leaves the customer waiting in the queue and the agent goes at
 * once, idle or to wrap-up as its `autoenteridle` says. Success mode (2)
 * keeps the customer the agent's, on hold, while the queue offers it (Huawei
 * `cec_04_0241`: the agent is released only once the target answers): the
 * target's answer frees the agent (`AgentEvent_SuccTransResult` 0); the
 * target not taking it gives the customer back (`result` 1). To an outside
 * number (5): `mode` 2 holds the customer and dials the number, with the
 * same two outcomes; `mode` 3 (talk) holds the customer and dials the number
 * for the agent to speak to first; `confjoin` then brings the customer back
 * into a three-way call. All of it on a callout and on a skill call alike.
 * No call: `200-012`.
 */
export const transferOperation = defineInterface({
  name: 'transfer',
  method: 'POST',
  path: '/voicecall/{agentid}/transfer',
  body: 'json',
  auth: 'guid',
  input: transferBody,
  async run(ctx, body: TransferBody): Promise<void> {
    const plan = planOf(body);
    if (plan === null) throw refuse('000-002');
    const session = await agentSession(ctx);
    if (session.currentCallId === null) throw refuse('200-012');
    const callerId = body.caller ? body.caller : null;
    if (plan.kind === 'queue' && plan.success) {
      await ctx.core.transferToQueueOnAnswer({ agentId: ctx.agentId, queueName: plan.queueName, forAgentId: plan.forAgentId, callerId, agentAfterCall: session.afterCall, tag: SUCCESS_TRANSFER_TAG });
    } else if (plan.kind === 'queue') {
      await ctx.core.transferToQueue({ agentId: ctx.agentId, queueName: plan.queueName, forAgentId: plan.forAgentId, agentAfterCall: session.afterCall });
    } else if (plan.consult) {
      await ctx.core.dialThirdParty({ agentId: ctx.agentId, number: plan.number, callerId, parkCustomer: true });
    } else {
      await ctx.core.transferOnAnswer({ agentId: ctx.agentId, number: plan.number, callerId, agentAfterCall: session.afterCall, tag: SUCCESS_TRANSFER_TAG });
    }
  },
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '200-012', CALL_NOT_FOUND: '200-012', AGENT_NOT_FOUND: '000-002', INVALID_NUMBER: '000-002' },
});
