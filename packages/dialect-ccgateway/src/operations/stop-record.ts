import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';

/**
 * `DELETE /recordplay/{agentid}/stoprecord` (Huawei `cec_07_4211` /
 * `cec_07_0403`): stops the agent's recording; `AgentMediaEvent_StopRecordDone`
 * follows once the engine closes the file. Nothing recording: `100-009`
 * (Huawei lists no state code of its own for this interface).
 */
export const stopRecordOperation = defineInterface({
  name: 'stopRecord',
  method: 'DELETE',
  path: '/recordplay/{agentid}/stoprecord',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const { stopped } = await ctx.core.stopAgentRecordings({ agentId: ctx.agentId });
    if (stopped.length === 0) throw refuse('100-009');
  },
  render: () => successAnswer(),
});

