import type { Call } from '@pbx-gateway/core';
import { defineInterface, NO_BODY } from '../operation';
import { callInfoFields } from '../wire/call-info';
import { jsonAnswer, renderEnvelopeWithList, type ResultFields } from '../wire/envelope';
import { pathSkillQueue } from './skill-queue';

/**
 * `GET /calldata/{agentid}/waitcallinfo/{skillid}` (Huawei `cec_07_1271`,
 * queryWaitCallInfoBySkillId): the calls waiting in a skill queue, oldest
 * first, each as callinfobeforeanswer's `result` object (not yet answered:
 * `begintime` 0, `waitTime` the seconds waited so far); `[]` when none
 * waits. A skill id that names no queue: `000-002`.
 */
export const queryWaitCallInfoOperation = defineInterface({
  name: 'queryWaitCallInfoBySkillId',
  method: 'GET',
  path: '/calldata/{agentid}/waitcallinfo/{skillid}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<ResultFields[]> {
    const skill = (await pathSkillQueue(ctx)).name;
    const now = ctx.core.clock.now();
    const calls: Call[] = [];
    for (const waiting of await ctx.core.listWaitingCalls([skill])) {
      const found = await ctx.core.getCall(waiting.callId);
      // A caller that hung up since the list was read waits no more.
      if (found && found.call.state !== 'ended') calls.push(found.call);
    }
    return calls.map((call) => callInfoFields(call, now, { waiting: true, originalCalled: false }));
  },
  render: (calls: ResultFields[]) => jsonAnswer(renderEnvelopeWithList('', '0', calls)),
});
