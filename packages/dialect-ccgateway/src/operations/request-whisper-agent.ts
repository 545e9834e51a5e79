import { defineInterface, NO_BODY } from '../operation';
import { successAnswer } from '../wire/envelope';
import { inspectedAgent, superviseAgent, SUPERVISION_ERRORS } from './inspected-agent';

/**
 * `POST /qualitycontrol/{agentid}/requestwhisperagent?whisperagentid=`: an
 * inspector hears the call of agent `whisperagentid` and speaks to the agent
 * alone; the customer does not hear it.
 */
export const requestWhisperAgentOperation = defineInterface({
  name: 'requestWhisperAgent',
  method: 'POST',
  path: '/qualitycontrol/{agentid}/requestwhisperagent',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const workNo = await inspectedAgent(ctx, ctx.query.whisperagentid);
    await superviseAgent(ctx, workNo, 'whisper', 'requestWhisperAgent');
  },
  render: () => successAnswer(),
  errors: SUPERVISION_ERRORS,
});
