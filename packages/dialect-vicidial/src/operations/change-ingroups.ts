import { dialsManually } from '@pbx-gateway/core';
import type { JSONSchemaType } from 'ajv';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { defineAgentOperation } from '../agent-api/operation';
import { agentIdOf, checkAllowList, liveSession, stopWith } from '../agent-api/steps';
import { agentNotLoggedIn, ownCheck } from '../errors';
import { inGroupList } from '../non-agent-api/in-group-list';
import { vicidialStatusOf } from '../wire/agent-status';
import { bytesToText, utf8ToBytes } from '../wire/php-params';

interface ChangeIngroupsInput {
  value: string;
  agent_user: string;
  blended: string;
  ingroup_choices: string;
  set_as_default: string;
}

const schema: JSONSchemaType<ChangeIngroupsInput> = {
  type: 'object',
  properties: {
    value: { type: 'string', pattern: PATTERNS.value },
    agent_user: { type: 'string', pattern: PATTERNS.identifier },
    blended: { type: 'string', pattern: PATTERNS.upperLetters },
    ingroup_choices: { type: 'string', pattern: PATTERNS.choices },
    set_as_default: { type: 'string', pattern: PATTERNS.upperLetters },
  },
  required: ['value', 'agent_user', 'blended', 'ingroup_choices', 'set_as_default'],
};

const readInput = inputOf(schema, ['value', 'agent_user', 'blended', 'ingroup_choices', 'set_as_default']);

const DEFAULT_NOTE = 'User settings set as default';

/**
 * The in-groups a list names, VICIdial's way: split on spaces, the token
 * before the first space skipped (lists are written ` A B -`), one-character
 * tokens (the closing `-`) ignored.
 */
function groupsOf(choices: string): string[] {
  return choices
    .split(' ')
    .slice(1)
    .filter((token) => token.length > 1);
}

/**
 * change_ingroups (seed 002, spec §3.2): changes the in-groups (queues) a
 * logged-in agent takes calls from, CHANGE (any other value of three letters
 * or more too), ADD or REMOVE, and the blended flag; set_as_default=YES also
 * keeps the list on the agent as the user's default. No alt_user step.
 */
export const changeIngroups = defineAgentOperation({
  name: 'change_ingroups',
  function: 'change_ingroups',
  auth: 'allow-list',
  input: readInput,
  async run(ctx, input): Promise<string> {
    const value = input.value.replace(/[^A-Z]/g, '');
    const { agent_user: agentUser, blended, ingroup_choices: choices, set_as_default: setAsDefault } = input;
    if (blended.length < 2 || agentUser.length < 2 || value.length < 3) {
      throw stopWith(ownCheck('line', `ERROR: change_ingroups not valid - ${value}|${blended}|${choices}|${agentUser}`));
    }
    checkAllowList(ctx, value);
    ctx.target = { agentUser };
    const session = await liveSession(ctx, agentUser);
    if (!session) throw stopWith(agentNotLoggedIn);
    // A session without a campaign (or of one not provisioned) is held to nothing, as a blended inbound campaign.
    const campaign = session.campaignId === null ? null : await ctx.core.getCampaign(session.campaignId);
    if (campaign && !campaign.allowInbound) throw stopWith(ownCheck('line', `ERROR: campaign does not allow inbound calls - ${agentUser}`));
    if (!ctx.apiUser.changeAgentCampaign) throw stopWith(ownCheck('line', `ERROR: user is not allowed to change agent in-groups - ${ctx.request.user}`));
    if (blended === 'YES' && campaign && dialsManually(campaign)) {
      throw stopWith(ownCheck('exit', `ERROR: campaign dial_method does not allow outbound autodial - ${agentUser}|${blended}`));
    }
    const groups = groupsOf(choices);
    for (const group of groups) {
      if (!(await ctx.core.getQueue(bytesToText(group)))) throw stopWith(ownCheck('exit', `ERROR: ingroup does not exist - ${agentUser}|${group}|${choices}`));
    }
    if ((value === 'ADD' || value === 'REMOVE') && choices.length < 1) {
      throw stopWith(ownCheck('exit', `ERROR: ingroup_choices are required for ADD and REMOVE values - ${agentUser}|${value}|${choices}`));
    }
    const change = value === 'ADD' ? 'add' : value === 'REMOVE' ? 'remove' : 'replace';
    const agentId = agentIdOf(agentUser);
    const takesOutbound = blended === 'YES';
    // CHANGE keeps the list as it was given; ADD and REMOVE store the result.
    const listOf = (queues: readonly string[]): string => (change === 'replace' ? choices : inGroupList(queues.map(utf8ToBytes)));
    const changed = await ctx.core.changeAgentQueues({
      agentId,
      change,
      queues: groups.map(bytesToText),
      blended: takesOutbound,
      agentAttributes:
        setAsDefault === 'YES' ? (queues) => ({ closer_campaigns: bytesToText(listOf(queues)), closer_default_blended: takesOutbound ? '1' : '0' }) : undefined,
    });
    const list = listOf(changed.queues);
    const status = session.state === 'ready' ? vicidialStatusOf({ ...session, blended: takesOutbound }) : vicidialStatusOf(session);
    ctx.answer.actionComment(`change_ingroups: agent ${agentUser} in-groups${list} blended ${blended}, status ${status}`);
    return `SUCCESS: change_ingroups function set - ${ctx.request.user}|${agentUser}|${list}|${blended}|${setAsDefault === 'YES' ? DEFAULT_NOTE : ''}`;
  },
  render(line, ctx) {
    ctx.answer.line(line);
  },
});
