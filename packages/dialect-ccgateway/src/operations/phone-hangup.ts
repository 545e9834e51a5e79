import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/**
 * `POST /voicecall/{agentid}/phonehangup` (Huawei `cec_07_1255`, "rejecting
 * a call"): after `AgentOther_PhoneAlerting`, the agent turns the call away
 * from its ringing phone, as the phone's reject key would (the core's
 * rejection of a ringing phone). The call goes on as with any phone that
 * refused: a skill call back to its skill (the agent busy, as after a ring
 * that was not answered), the agent's callout or internal call failing, a
 * help not given; the phone's release says the agent released it. The
 * agent's phone ringing for nothing: `100-009`.
 */
export const phoneHangupOperation = defineInterface({
  name: 'phoneHangup',
  method: 'POST',
  path: '/voicecall/{agentid}/phonehangup',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    await agentSession(ctx);
    await ctx.core.rejectRingingPhone({ agentId: ctx.agentId });
  },
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '100-009' },
});
