import type { JSONSchemaType } from 'ajv';
import { defineInterface, refuse } from '../operation';
import { jsonAnswer, renderEnvelope } from '../wire/envelope';
import { lenientBodyCheck } from '../wire/lenient-fields';
import { parseAgentId } from '../wire/path-params';
import { signedInInspector } from './inspected-agent';

/** Body of `qualitycontrol/{agentid}/adjustskill` (Huawei `cec_07_2409` / `cec_07_0443`). */
interface AdjustSkillBody {
  workNo?: string;
  skills?: number[];
}

const schema: JSONSchemaType<AdjustSkillBody> = {
  type: 'object',
  properties: {
    workNo: { type: 'string', nullable: true },
    skills: { type: 'array', nullable: true, maxItems: 1000, items: { type: 'integer', minimum: 0 } },
  },
  additionalProperties: true,
};

/**
 * `POST /qualitycontrol/{agentid}/adjustskill` (Huawei `cec_07_2409` /
 * `cec_07_0443`, adjustSkill): an inspector sets the skill queues agent
 * `workNo` serves to `skills` (ids of the core's queues; ids naming no queue
 * are skipped, none at all leaves every queue joined through the API), as
 * resetskill would for the agent itself: provisioned queues stay, waiting
 * calls reach the agent at once when it is idle. `workNo` missing or not an
 * agent id, `skills` not a list of ids: `100-001` (Huawei's "parameters
 * empty or invalid"); the inspection right and the inspector itself as the
 * family (`000-003`, `000-005`); `workNo` not signed in: `100-006`.
 * Answer as Huawei's sample: `{"message":"","retcode":"0","result":{}}`.
 */
export const adjustSkillOperation = defineInterface({
  name: 'adjustSkill',
  method: 'POST',
  path: '/qualitycontrol/{agentid}/adjustskill',
  body: 'json',
  auth: 'guid',
  input: lenientBodyCheck(schema),
  async run(ctx, body: AdjustSkillBody): Promise<void> {
    const workNo = parseAgentId(body.workNo ?? '', ctx.settings.agentIdRange);
    if (workNo === null) throw refuse('100-001');
    await signedInInspector(ctx);
    if (workNo === ctx.agentId) throw refuse('000-005');
    const queues: string[] = [];
    for (const skill of new Set((body.skills ?? []).map(String))) if (await ctx.core.getQueue(skill)) queues.push(skill);
    await ctx.core.changeAgentQueues({ agentId: workNo, change: 'replace', queues, blended: null });
  },
  render: () => jsonAnswer(renderEnvelope('', '0')),
  // A body the interface cannot read is Huawei's sign-in-parameter code for this interface.
  invalidInput: () => '100-001',
});
