import type { JSONSchemaType } from 'ajv';
import { defineInterface, refuse } from '../operation';
import { jsonAnswer, renderEnvelopeWithValue } from '../wire/envelope';
import { lenientBodyCheck } from '../wire/lenient-fields';
import { agentSession } from './agent-session';

/** Body of `voicecall/{agentid}/innerhelp` (Huawei `cec_07_1236`). */
interface InnerHelpBody {
  dstaddress?: string;
  devicetype?: number;
  mode?: number;
  callappdata?: string;
  holdflag?: boolean;
}

const schema: JSONSchemaType<InnerHelpBody> = {
  type: 'object',
  properties: {
    dstaddress: { type: 'string', nullable: true },
    devicetype: { type: 'integer', nullable: true, enum: [1, 2] },
    mode: { type: 'integer', nullable: true, enum: [1, 2] },
    callappdata: { type: 'string', nullable: true, maxLength: 16_384 },
    holdflag: { type: 'boolean', nullable: true },
  },
  additionalProperties: true,
};

const innerHelpBody = lenientBodyCheck(schema);

/** Huawei's help device types: a skill's agents, or one agent (the default). */
const SKILL = 1;
/** Huawei's help modes: two-party (the customer held, the agents talk alone; the default) and three-party. */
const THREE_PARTY = 2;

/** A work number or skill id. */
const ADDRESS = /^[0-9]{1,24}$/;

/**
 * `POST /voicecall/{agentid}/innerhelp`: the agent asks for help with the
 * customer it talks to, from another agent (`devicetype` 2, the default:
 * `dstaddress` its work number) or from a skill (`devicetype` 1:
 * `dstaddress` the skill id, whose next idle agent, in the order the skill
 * offers its calls, helps). The helper's phone is rung into the agent's call
 * (the core's helper agent: the helper's session is in the call, with its
 * own phone events); `mode` 1 (default) holds the customer first, so the two
 * agents talk alone (`AgentEvent_Hold`), `mode` 2 lets the helper join agent
 * and customer. `result` is the call's id. The helper must be signed in
 * (`100-006`) and idle (`100-009`; a skill with no idle agent: `100-009`, an
 * unknown skill: `000-002`); the agent must talk with a customer
 * (`100-009`). `callappdata` and `holdflag` are accepted and not used.
 */
export const innerHelpOperation = defineInterface({
  name: 'innerHelp',
  method: 'POST',
  path: '/voicecall/{agentid}/innerhelp',
  body: 'json',
  auth: 'guid',
  input: innerHelpBody,
  async run(ctx, body: InnerHelpBody): Promise<string> {
    if (body.dstaddress === undefined || !ADDRESS.test(body.dstaddress)) throw refuse('000-002');
    const parkCustomer = body.mode !== THREE_PARTY;
    if (body.devicetype !== SKILL && body.dstaddress === ctx.agentId) throw refuse('000-002');
    const session = await agentSession(ctx);
    if (session.currentCallId === null) throw refuse('100-009');
    const { callId } =
      body.devicetype === SKILL
        ? await ctx.core.dialQueueHelper({ agentId: ctx.agentId, queueName: body.dstaddress, parkCustomer })
        : await ctx.core.dialHelperAgent({ agentId: ctx.agentId, helperAgentId: body.dstaddress, parkCustomer });
    return callId;
  },
  render: (callId: string) => jsonAnswer(renderEnvelopeWithValue('success', '0', callId)),
  errors: { AGENT_NOT_LOGGED_IN: '100-006', AGENT_BUSY: '100-009', AGENT_HAS_NO_DEVICE: '100-009', NO_ACTIVE_CALL: '100-009', INVALID_ARGUMENT: '000-002' },
});
