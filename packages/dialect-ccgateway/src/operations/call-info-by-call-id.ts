import { defineInterface, NO_BODY, refuse } from '../operation';
import { callInfoFields } from '../wire/call-info';
import { jsonAnswer, renderEnvelopeWithList, type ResultFields } from '../wire/envelope';
import { callOfAgent } from './call-app-data';

/**
 * `GET /calldata/{agentid}/callinfobycallid/{callid}` (Huawei `cec_07_1266`
 * / `cec_07_0424`, queryCallInfoByCallId): a live call of the agent by its
 * id, as a one-item `result` list (Huawei's result type is `list`), with
 * `waitTime` and `trace`. A call id that is not a plain id: `000-002`; no
 * such live call of the agent: `100-007` (as appdata).
 */
export const queryCallInfoByCallIdOperation = defineInterface({
  name: 'queryCallInfoByCallId',
  method: 'GET',
  path: '/calldata/{agentid}/callinfobycallid/{callid}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<ResultFields> {
    const callId = ctx.pathParams.callid ?? '';
    // An empty id would name the agent's current call to callOfAgent.
    if (callId === '') throw refuse('000-002');
    const call = await callOfAgent(ctx, callId);
    return callInfoFields(call, ctx.core.clock.now(), { waiting: true, originalCalled: false });
  },
  render: (fields: ResultFields) => jsonAnswer(renderEnvelopeWithList('', '0', [fields])),
});
