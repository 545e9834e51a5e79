import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { flagValue } from '../wire/flags';
import { agentSession } from './agent-session';

/**
 * `POST /onlineagent/{agentid}/autoanswer/{isautoanswer}` (spec §7.8):
 * `true` or `false` (any case), else `000-002`. No event. Off: skill calls
 * offered from now on wait for `answer` before the agent's phone rings.
 */
export const setAutoAnswerOperation = defineInterface({
  name: 'setAgentAutoAnswer',
  method: 'POST',
  path: '/onlineagent/{agentid}/autoanswer/{isautoanswer}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const raw = ctx.pathParams.isautoanswer ?? '';
    const autoAnswer = raw === '' ? null : flagValue(raw, false);
    if (autoAnswer === null) throw refuse('000-002');
    await agentSession(ctx);
    await ctx.core.setCallHandling({ agentId: ctx.agentId, autoAnswer, answerOnRequest: !autoAnswer });
  },
  render: () => successAnswer(),
});
