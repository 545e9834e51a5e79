import type { CallControl } from '@pbx-gateway/core';
import { defineInterface, NO_BODY, refuse } from '../operation';
import { successAnswer } from '../wire/envelope';
import { agentSession } from './agent-session';

/** The agent attribute that lists the skills (queue names) an agent may serve, `;`-separated. */
export const SKILLS_ATTRIBUTE = 'skills';

export const SKILL_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** `skillid`: `;`-separated skill ids, at most 100 characters in all (empty items are skipped); null when malformed. */
function skillIds(raw: string | undefined): string[] | null {
  if (raw === undefined || raw === '') return [];
  if (raw.length > 100) return null;
  const ids = raw.split(';').filter((id) => id !== '');
  return ids.every((id) => SKILL_ID.test(id)) ? ids : null;
}

/** `phonelinkage`: `0`/`1` or `true`/`false`; accepted and not acted upon (the phone is rung by the platform either way). */
const validLinkage = (raw: string | undefined): boolean => raw === undefined || /^(|0|1|true|false)$/i.test(raw);

/**
 * The skills the agent may serve: the queues its `skills` attribute names;
 * without that attribute, the queues it is provisioned in (`autoflag`
 * true) or any queue (a list in `skillid`). Queues that do not exist are
 * left out.
 */
export async function configuredSkills(core: CallControl, agentId: string, requested: readonly string[] | null): Promise<string[]> {
  const listed = (await core.getAgent(agentId))?.attributes[SKILLS_ATTRIBUTE];
  const names = listed !== undefined ? listed.split(';').filter((name) => name !== '') : (requested ?? (await provisionedQueues(core, agentId)));
  const existing: string[] = [];
  for (const name of new Set(names)) if (await core.getQueue(name)) existing.push(name);
  return existing;
}

async function provisionedQueues(core: CallControl, agentId: string): Promise<string[]> {
  const names: string[] = [];
  for (const name of await core.queuesOfAgent(agentId)) {
    const member = (await core.getQueue(name))?.members.find((candidate) => candidate.agentId === agentId);
    if (member?.membership === 'static') names.push(name);
  }
  return names;
}

/**
 * `POST /onlineagent/{agentid}/resetskill/{autoflag}?skillid=&phonelinkage=`
 * (spec §5.6): the agent serves the skill queues (the core's inbound
 * queues, a skill id being a queue's name): with `autoflag` `true` every
 * configured skill, else those of `skillid` that are configured (unknown
 * ones are skipped). Queues it
 * served through an earlier call and no longer names are left (provisioned
 * ones stay); waiting calls are offered to it at once when idle. An empty
 * set is a success. No event.
 */
export const resetSkillOperation = defineInterface({
  name: 'resetSkill',
  method: 'POST',
  path: '/onlineagent/{agentid}/resetskill/{autoflag}',
  body: 'none',
  auth: 'guid',
  input: NO_BODY,
  async run(ctx): Promise<void> {
    const requested = skillIds(ctx.query.skillid);
    if (requested === null || !validLinkage(ctx.query.phonelinkage)) throw refuse('000-002');
    await agentSession(ctx);
    const automatic = (ctx.pathParams.autoflag ?? '').toLowerCase() === 'true';
    const configured = await configuredSkills(ctx.core, ctx.agentId, automatic ? null : requested);
    const queues = automatic ? configured : configured.filter((name) => requested.includes(name));
    await ctx.core.changeAgentQueues({ agentId: ctx.agentId, change: 'replace', queues, blended: null });
  },
  render: () => successAnswer(),
});
