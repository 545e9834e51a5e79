import type { JSONSchemaType } from 'ajv';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { leadParamPattern } from '../agent-api/lead-params';
import { defineAgentOperation } from '../agent-api/operation';
import { agentIdOf, checkAllowList, liveSession, stopWith } from '../agent-api/steps';
import { agentNotLoggedIn, ownCheck } from '../errors';
import { bytesToText } from '../wire/php-params';

interface SetTimerActionInput {
  value: string;
  agent_user: string;
  notes: string;
  rank: string;
}

const schema: JSONSchemaType<SetTimerActionInput> = {
  type: 'object',
  properties: {
    value: { type: 'string', pattern: PATTERNS.value },
    agent_user: { type: 'string', pattern: PATTERNS.identifier },
    notes: { type: 'string', pattern: '^[- _.0-9\\p{L}]*$' },
    rank: { type: 'string', pattern: leadParamPattern('rank') },
  },
  required: ['value', 'agent_user', 'notes', 'rank'],
};

const readInput = inputOf(schema, ['value', 'agent_user', 'notes', 'rank']);

/** The action that clears the timer action. */
const NO_ACTION = 'NONE';

/**
 * set_timer_action (seed 002, spec §3.2): the action the agent's screen
 * takes once a call has lasted `rank` seconds (a message, a web form, a
 * preset dialled), with `notes` as its message; kept on the agent's
 * session, NONE clears it. The values are not checked against the
 * documented list, as in VICIdial. No alt_user step.
 */
export const setTimerAction = defineAgentOperation({
  name: 'set_timer_action',
  partial: 'kept on the session for the agent\'s screen, not carried out: no Dn_DIAL preset is dialled',
  function: 'set_timer_action',
  auth: 'allow-list',
  input: readInput,
  async run(ctx, { value, agent_user: agentUser, notes, rank }): Promise<string> {
    if (agentUser.length < 1 || value.length < 2) throw stopWith(ownCheck('line', `ERROR: set_timer_action not valid - ${agentUser}|${value}`));
    checkAllowList(ctx, value);
    ctx.target = { agentUser };
    if (!(await liveSession(ctx, agentUser))) throw stopWith(agentNotLoggedIn);
    const user = ctx.request.user;
    if (!ctx.apiUser.modifyCampaigns) throw stopWith(ownCheck('line', `ERROR: user is not allowed to modify campaign settings - ${agentUser}|${user}`));
    const timerAction = value === NO_ACTION ? null : { action: bytesToText(value), message: bytesToText(notes), seconds: rank === '' ? null : Number(rank) };
    await ctx.core.setAgentTimerAction({ agentId: agentIdOf(agentUser), timerAction });
    ctx.answer.actionComment(`set_timer_action: agent ${agentUser} ${timerAction ? `timer action ${value} at ${rank === '' ? '-' : rank} s` : 'timer action cleared'}`);
    return `SUCCESS: set_timer_action lead updated - ${user}|${agentUser}|${value}|${notes}|${rank}`;
  },
  render(line, ctx) {
    ctx.answer.line(line);
  },
});
