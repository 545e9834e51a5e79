import type { Queue } from '@pbx-gateway/core';
import { refuse, type InterfaceContext } from '../operation';
import { agentSession } from './agent-session';
import { SKILL_ID } from './reset-skill';

/**
 * The queue that the path's `{skillid}` names, for a signed-in agent. A
 * malformed skill id is refused (`000-002`) before the session is checked
 * (`100-006`); a well-formed one that names no queue after it (`000-002`).
 */
export async function pathSkillQueue(ctx: InterfaceContext): Promise<Queue> {
  const skill = ctx.pathParams.skillid ?? '';
  if (!SKILL_ID.test(skill)) throw refuse('000-002');
  await agentSession(ctx);
  const queue = await ctx.core.getQueue(skill);
  if (!queue) throw refuse('000-002');
  return queue;
}
