import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/** Huawei's range for the number: 1 to 24 digits. */
const NUMBER = /^\d{1,24}$/;

/**
 * `POST /voicecall/{agentid}/disconnect/{number}` (Huawei `cec_07_1248`):
 * hangs up the party dialled to `number` in the agent's call (the consulted
 * party of a talk transfer or a callout while holding, or the third of a
 * three-way call); agent and customer stay (a held customer stays held, for
 * `gethold`). A malformed number: `000-002`; no call: `200-023`; no live
 * party dialled to that number: `200-024`.
 */
export const disconnectOperation = defineInterface({
  name: 'disconnect',
  partial: 'releases the party consulted or joined in the call (the number dialled by `transfer` or a callout while holding); the customer is not released by its number',
  method: 'POST',
  path: '/voicecall/{agentid}/disconnect/{number}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const number = ctx.pathParams.number ?? '';
    if (!NUMBER.test(number)) throw refuse('000-002');
    const session = await agentSession(ctx);
    if (session.currentCallId === null) throw refuse('200-023');
    const { hungUp } = await ctx.core.hangupThirdParty({ agentId: ctx.agentId, number });
    if (!hungUp) throw refuse('200-024');
  },
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '200-023' },
});
