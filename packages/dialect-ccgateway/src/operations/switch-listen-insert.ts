import type { SupervisionMode } from '@pbx-gateway/core';
import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { inspectedAgent, SUPERVISION_ERRORS } from './inspected-agent';

/** Listening becomes insertion and insertion listening; a whisper does not switch here. */
const otherOf = (current: SupervisionMode): SupervisionMode | null => (current === 'listen' ? 'barge' : current === 'barge' ? 'listen' : null);

/**
 * `POST /qualitycontrol/{agentid}/switch/{workNo}`: the inspector listening to
 * agent `workNo` starts inserting, or inserting starts listening; its phone
 * stays up. Nothing supervised, or a whisper: `100-009`.
 */
export const switchListenInsertOperation = defineInterface({
  name: 'switch',
  method: 'POST',
  path: '/qualitycontrol/{agentid}/switch/{workNo}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    await inspectedAgent(ctx, ctx.pathParams.workNo);
    await ctx.core.switchSupervision({ supervisorAgentId: ctx.agentId, mode: otherOf });
  },
  render: () => successAnswer(),
  errors: SUPERVISION_ERRORS,
});
