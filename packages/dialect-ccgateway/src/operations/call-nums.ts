import { defineInterface, NO_BODY } from '../operation';
import { jsonAnswer, renderEnvelopeWithValue } from '../wire/envelope';
import { agentSession } from './agent-session';
import { currentCallIds } from './agent-call-ids';

/**
 * `GET /calldata/{agentid}/callnums` (Huawei `cec_07_1268` / `cec_07_0426`,
 * queryCallNumsOnAgent): how many calls the agent is in now, as the string
 * Huawei's table types it (`"1"`, `"0"`).
 */
export const queryCallNumsOperation = defineInterface({
  name: 'queryCallNumsOnAgent',
  method: 'GET',
  path: '/calldata/{agentid}/callnums',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<string> {
    await agentSession(ctx);
    return String((await currentCallIds(ctx.core, ctx.agentId)).length);
  },
  render: (count: string) => jsonAnswer(renderEnvelopeWithValue('', '0', count)),
});
