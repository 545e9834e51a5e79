import { defineInterface, NO_BODY, refuse } from '../operation';
import { callInfoFields } from '../wire/call-info';
import { jsonAnswer, renderEnvelopeWithList, type ResultFields } from '../wire/envelope';
import { callOfAgent } from './call-app-data';
import { awaitsAgentAnswer } from './get-agent-status';

/**
 * `GET /calldata/{agentid}/callinfobeforeanswer` (Huawei `cec_07_1265`,
 * queryCallInfoBeforeAnswer): the call offered to the agent and not yet
 * answered by it (agentstatus 4, answering), as a one-item `result` list
 * like callinfobycallid. The agent in no call, or its call answered
 * already: `100-007`.
 */
export const queryCallInfoBeforeAnswerOperation = defineInterface({
  name: 'queryCallInfoBeforeAnswer',
  method: 'GET',
  path: '/calldata/{agentid}/callinfobeforeanswer',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<ResultFields> {
    const call = await callOfAgent(ctx, undefined);
    if (!awaitsAgentAnswer(call)) throw refuse('100-007');
    return callInfoFields(call, ctx.core.clock.now(), { waiting: true, originalCalled: false });
  },
  render: (fields: ResultFields) => jsonAnswer(renderEnvelopeWithList('', '0', [fields])),
});
