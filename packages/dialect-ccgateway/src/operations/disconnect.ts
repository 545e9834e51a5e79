import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/** Huawei's range for the number: 1 to 24 digits. */
const NUMBER = /^\d{1,24}$/;

/**
 * `POST /voicecall/{agentid}/disconnect/{number}` (Huawei `cec_07_1248`):
 * releases the connection of one number in the agent's call.
 * - The party dialled to `number` (the consulted party of a talk transfer or
 *   a callout while holding, the third of a three-way call, a helping agent
 *   by its work number): it is hung up; agent and customer stay (a held
 *   customer stays held, for `gethold`).
 * - The customer of a callout (by the number dialled) or the caller of a
 *   skill call (by the number it called from), while the agent talks with a
 *   party it dialled: the customer is hung up, agent and party talk on.
 * - The agent's own phone number, with a party on the call (a consultation,
 *   a help): the agent leaves, customer and party talk on (as `connecthold`).
 * - A helping agent releases only itself, by its work number.
 * A malformed number: `000-002`; no call: `200-023`; nothing of that number
 * to release (a customer without a party to talk on with, the customer held
 * for a help): `200-024`.
 */
export const disconnectOperation = defineInterface({
  name: 'disconnect',
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
    const found = await ctx.core.getCall(session.currentCallId);
    if (!found) throw refuse('200-023');
    const { call, legs } = found;
    const helper = (call.purpose === 'agent_customer' || call.purpose === 'inbound') && call.progress.helperLeg ? call.progress.helperLeg : null;
    if (helper?.agentId === ctx.agentId) {
      if (number !== ctx.agentId || !(await ctx.core.leaveHelp({ agentId: ctx.agentId })).left) throw refuse('200-024');
      return;
    }
    const party = legs.some((leg) => leg.role === 'third_party' && leg.state !== 'ended' && !leg.hangupRequested);
    if (number === session.phoneNumber && party) {
      await ctx.core.leaveThreeWayCall({ agentId: ctx.agentId, agentAfterCall: session.afterCall });
      return;
    }
    if ((await ctx.core.hangupThirdParty({ agentId: ctx.agentId, number })).hungUp) return;
    if (!(await ctx.core.releaseCustomer({ agentId: ctx.agentId, number })).released) throw refuse('200-024');
  },
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '200-023' },
});
