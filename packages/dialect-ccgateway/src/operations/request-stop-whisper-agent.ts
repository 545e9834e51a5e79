import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { inspectedAgent, SUPERVISION_ERRORS } from './inspected-agent';

/**
 * `POST /qualitycontrol/{agentid}/requeststopwhisperagent?whisperagentid=`:
 * the inspector stops whispering; its phone is released. An inspector
 * supervising nothing: `100-009`.
 */
export const requestStopWhisperAgentOperation = defineInterface({
  name: 'requestStopWhisperAgent',
  method: 'POST',
  path: '/qualitycontrol/{agentid}/requeststopwhisperagent',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    await inspectedAgent(ctx, ctx.query.whisperagentid);
    await ctx.core.stopSupervision({ supervisorAgentId: ctx.agentId });
  },
  render: () => successAnswer(),
  errors: SUPERVISION_ERRORS,
});
