import type { SupervisionMode } from '@pbx-gateway/core';
import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { inspectedAgent, SUPERVISION_ERRORS } from './inspected-agent';

/** Huawei's `switchtype`: 0 listening, 1 insertion, 2 whisper. */
const MODE_OF_SWITCH_TYPE: Readonly<Record<string, SupervisionMode>> = { '0': 'listen', '1': 'barge', '2': 'whisper' };

/**
 * `POST /qualitycontrol/{agentid}/requestswitchinsertwhisperagent?whisperagentid=&switchtype=`:
 * the inspector's supervision of agent `whisperagentid` changes to the mode
 * `switchtype` names (already in it: success); its phone stays up.
 * `switchtype` other than 0, 1, 2: `000-002`; nothing supervised: `100-009`.
 */
export const requestSwitchInsertWhisperAgentOperation = defineInterface({
  name: 'requestSwitchInsertWhisperAgent',
  method: 'POST',
  path: '/qualitycontrol/{agentid}/requestswitchinsertwhisperagent',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const mode = MODE_OF_SWITCH_TYPE[ctx.query.switchtype ?? ''];
    if (mode === undefined) throw refuse('000-002');
    await inspectedAgent(ctx, ctx.query.whisperagentid);
    await ctx.core.switchSupervision({ supervisorAgentId: ctx.agentId, mode });
  },
  render: () => successAnswer(),
  errors: SUPERVISION_ERRORS,
});
