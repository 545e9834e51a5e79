import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/**
 * `POST /voicecall/{agentid}/confjoin`: after a talk transfer (`transfer`
 * mode 3) or a callout while holding, the held customer comes back into
 * the call with the agent and the consulted party: a three-way call (`AgentEvent_Conference`, Huawei
 * `cec_07_1245`), on a callout or a skill call. No call:
 * `200-010`; no held customer to join: `200-011`.
 */
export const confJoinOperation = defineInterface({
  name: 'confJoin',
  partial: 'joins the held customer with the party consulted in the same call (after a talk transfer or a callout while holding); the body\'s `callid` is not read',
  method: 'POST',
  path: '/voicecall/{agentid}/confjoin',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const session = await agentSession(ctx);
    if (session.currentCallId === null) throw refuse('200-010');
    const { grabbed } = await ctx.core.grabCallParty({ agentId: ctx.agentId, party: 'customer' });
    if (!grabbed) throw refuse('200-011');
  },
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '200-010' },
});
