import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';

/**
 * `POST /recordplay/{agentid}/resumerecord`: resumes the agent's paused
 * recording. No recording, or one not paused: `500-006`. Huawei publishes
 * no event for it.
 */
export const resumeRecordOperation = defineInterface({
  name: 'resumeRecord',
  method: 'POST',
  path: '/recordplay/{agentid}/resumerecord',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    await ctx.core.resumeAgentRecording({ agentId: ctx.agentId });
  },
  render: () => successAnswer(),
  errors: { NO_ACTIVE_RECORDING: '500-006', RECORDING_NOT_PAUSED: '500-006' },
});
