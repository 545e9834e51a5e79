import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/**
 * `POST /voicecall/{agentid}/gethold?callid=` (spec §9.5): the held customer
 * comes back to the agent (`AgentEvent_Talking`). `callid`, when given,
 * must be the agent's call. No held call: `200-015`.
 */
export const getHoldOperation = defineInterface({
  name: 'getHold',
  method: 'POST',
  path: '/voicecall/{agentid}/gethold',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const session = await agentSession(ctx);
    const callId = ctx.query.callid;
    if (callId !== undefined && callId !== '' && callId !== session.currentCallId) throw refuse('200-015');
    const { grabbed } = await ctx.core.grabCallParty({ agentId: ctx.agentId, party: 'customer' });
    if (!grabbed) throw refuse('200-015');
  },
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '200-015' },
});
