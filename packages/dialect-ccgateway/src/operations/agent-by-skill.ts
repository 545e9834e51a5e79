import { defineInterface, NO_BODY } from '../operation';
import { jsonAnswer, renderEnvelopeWithList, type ResultFields } from '../wire/envelope';
import { ctiStatus } from './get-agent-status';
import { pathSkillQueue } from './skill-queue';

/**
 * `GET /agentgroup/{agentid}/agentbyskill/{skillid}` (Huawei `cec_07_1025`
 * / `cec_07_0414`, queryAgentInfoBySkillId): the signed-in agents serving a
 * skill queue (members of the core's queue with a session, in the order
 * they joined), each as `{"workno","name","status","phonenumber"}` with
 * `status` the CTI status code agentstatus answers. A skill id that names
 * no queue: `000-002`.
 */
export const agentBySkillOperation = defineInterface({
  name: 'queryAgentInfoBySkillId',
  method: 'GET',
  path: '/agentgroup/{agentid}/agentbyskill/{skillid}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<ResultFields[]> {
    const queue = await pathSkillQueue(ctx);
    const agents: ResultFields[] = [];
    for (const member of queue.members) {
      const session = await ctx.core.getAgentSession(member.agentId);
      if (!session) continue;
      const agent = await ctx.core.getAgent(member.agentId);
      agents.push([
        ['workno', member.agentId],
        ['name', agent?.name ?? member.agentId],
        ['status', await ctiStatus(ctx.core, session)],
        ['phonenumber', session.phoneNumber],
      ]);
    }
    return agents;
  },
  render: (agents: ResultFields[]) => jsonAnswer(renderEnvelopeWithList('success', '0', agents)),
});
