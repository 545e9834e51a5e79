import { defineInterface, NO_BODY, refuse } from '../operation';
import { jsonAnswer, renderEnvelopeWithValue } from '../wire/envelope';
import { parseAgentId } from '../wire/path-params';
import { agentSession } from './agent-session';
import { currentCallIds } from './agent-call-ids';

/**
 * `GET /calldata/{agentid}/allcallinfoEx/{workno}` (Huawei `cec_07_1267` /
 * `cec_07_0425`, queryAllCallInfoByAgentWorkNoEx): the ids of the calls
 * agent `workno` (any agent: this gateway is one VDN) is in now, as a list
 * of strings; `[]` when it is in none or not signed in. A malformed or
 * out-of-range `workno`: `000-002`.
 */
export const queryAllCallInfoExOperation = defineInterface({
  name: 'queryAllCallInfoByAgentWorkNoEx',
  method: 'GET',
  path: '/calldata/{agentid}/allcallinfoEx/{workno}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<string[]> {
    const workNo = parseAgentId(ctx.pathParams.workno ?? '', ctx.settings.agentIdRange);
    if (workNo === null) throw refuse('000-002');
    await agentSession(ctx);
    return currentCallIds(ctx.core, workNo);
  },
  render: (callIds: string[]) => jsonAnswer(renderEnvelopeWithValue('', '0', callIds)),
});
