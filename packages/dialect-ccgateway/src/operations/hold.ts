import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/**
 * `POST /voicecall/{agentid}/hold` (spec §9.4): the customer of the agent's
 * callout waits in the call's holding bridge with music on hold
 * (`AgentEvent_Hold`). No customer call: `200-013`; a customer not talking
 * (still ringing, already held): `200-014`.
 */
export const holdOperation = defineInterface({
  name: 'hold',
  method: 'POST',
  path: '/voicecall/{agentid}/hold',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    await agentSession(ctx);
    const { parked } = await ctx.core.parkCallParty({ agentId: ctx.agentId, party: 'customer' });
    if (!parked) throw refuse('200-014');
  },
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '200-013' },
});
