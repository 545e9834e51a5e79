import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';

/**
 * `POST /recordplay/{agentid}/pauserecord`: pauses the agent's recording
 * (the engine writes nothing until it is resumed). No running recording
 * (none, or paused already): `500-004`. Huawei publishes no event for it.
 */
export const pauseRecordOperation = defineInterface({
  name: 'pauseRecord',
  method: 'POST',
  path: '/recordplay/{agentid}/pauserecord',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    await ctx.core.pauseAgentRecording({ agentId: ctx.agentId });
  },
  render: () => successAnswer(),
  errors: { NO_ACTIVE_RECORDING: '500-004' },
});
