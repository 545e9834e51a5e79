import { defineInterface, NO_BODY } from '../operation';
import { skillNumber } from '../wire/call-info';
import { jsonAnswer, renderEnvelopeWithList, type ResultFields } from '../wire/envelope';
import { agentSession } from './agent-session';

/**
 * What Huawei's sample answers for a voice skill queue (`cec_07_0409`):
 * media type 5 (voice), service type 1, and a real (not virtual) queue.
 */
const VOICE_SKILL = { mediatype: 5, serviceType: 1, realFlag: 1 } as const;

/**
 * `GET /queuedevice/{agentid}/agentvdnskill` (Huawei `cec_07_0409`,
 * querySkillQueueOnAgentVDN): the skill queues of the agent's VDN. This
 * gateway is one VDN: every queue of the core, by name, each as
 * `{"name","id","mediatype","serviceType","realFlag"}` with `id` the
 * queue's name as a number (0 for a queue whose name is none).
 */
export const agentVdnSkillOperation = defineInterface({
  name: 'querySkillQueueOnAgentVDN',
  method: 'GET',
  path: '/queuedevice/{agentid}/agentvdnskill',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<ResultFields[]> {
    await agentSession(ctx);
    const queues = (await ctx.core.listQueues()).map((queue) => queue.name).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    return queues.map((name) => [
      ['name', name],
      ['id', skillNumber(name)],
      ['mediatype', VOICE_SKILL.mediatype],
      ['serviceType', VOICE_SKILL.serviceType],
      ['realFlag', VOICE_SKILL.realFlag],
    ]);
  },
  render: (skills: ResultFields[]) => jsonAnswer(renderEnvelopeWithList('', '0', skills)),
});
