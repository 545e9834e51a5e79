import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/**
 * `PUT /voicecall/{agentid}/answer` (spec §9.2): the agent, signed in with
 * auto-answer off, answers the skill call offered to it
 * (`AgentEvent_Ringing`): its phone is rung for it
 * (`AgentOther_PhoneAlerting`) and, once off hook, talks with the customer
 * (`AgentOther_PhoneOffhook`, `AgentState_Busy`, `AgentEvent_Talking`). No
 * call waiting for the agent's answer: `200-002`.
 */
export const answerOperation = defineInterface({
  name: 'answer',
  method: 'PUT',
  path: '/voicecall/{agentid}/answer',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    await agentSession(ctx);
    await ctx.core.answerOfferedCall({ agentId: ctx.agentId });
  },
  render: () => successAnswer(),
  errors: { NO_ACTIVE_CALL: '200-002' },
});
