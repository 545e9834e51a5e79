import type { JSONSchemaType } from 'ajv';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { leadParamPattern } from '../agent-api/lead-params';
import { defineAgentOperation } from '../agent-api/operation';
import { agentIdOf, checkAllowList, liveSession, stopWith, type AgentOperationContext } from '../agent-api/steps';
import { agentNotLoggedIn, ownCheck } from '../errors';
import { dtmfKeys } from '../wire/dtmf-keys';
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

/** D1_DIAL … D5_DIAL (and their _QUIET forms, campaign options of newer products): dial transfer preset 1 … 5. */
const PRESET_DIAL = /^D([1-5])_DIAL(?:_QUIET)?$/;

/**
 * What a preset dial calls: the agent's campaign's transfer-conference
 * number n (VICIdial `xferconf_a_number` … `xferconf_e_number`, campaign
 * settings of provisioning) and its DTMF (`xferconf_a_dtmf` …, written as
 * send_dtmf's value: `P` #, `S` *, `Q` a pause), sent once the number
 * answers; null for other actions, or a preset not set.
 */
async function presetOf(ctx: AgentOperationContext, agentId: string, action: string): Promise<{ number: string; keys: string } | null> {
  const preset = PRESET_DIAL.exec(action);
  if (!preset) return null;
  const campaignId = (await ctx.core.getAgentSession(agentId))?.campaignId ?? null;
  const campaign = campaignId === null ? null : await ctx.core.getCampaign(campaignId);
  const letter = 'abcde'[Number(preset[1]) - 1];
  const number = campaign?.settings[`xferconf_${letter}_number`] ?? '';
  return number === '' ? null : { number, keys: dtmfKeys(campaign?.settings[`xferconf_${letter}_dtmf`] ?? '') };
}

/**
 * set_timer_action (seed 002, spec §3.2): the action taken once the agent's
 * call has been answered for `rank` seconds, with `notes` as its message,
 * for the call the agent is on (or the next one); NONE clears it. The core
 * carries it out when due: Dn_DIAL dials the campaign's preset n into the
 * call as a 3-way call and sends the preset's DTMF once it answers; the others (a message, a web form) are the screen's
 * and only told. The values are not checked against the documented list,
 * as in VICIdial. No alt_user step.
 */
export const setTimerAction = defineAgentOperation({
  name: 'set_timer_action',
  partial: 'messages and web forms are the agent screen\'s, which the gateway does not have',
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
    const agentId = agentIdOf(agentUser);
    const action = bytesToText(value);
    const preset = value === NO_ACTION ? null : await presetOf(ctx, agentId, action);
    const timerAction =
      value === NO_ACTION
        ? null
        : { action, message: bytesToText(notes), seconds: rank === '' ? null : Number(rank), dialNumber: preset?.number ?? null, dialDtmf: preset?.keys || null };
    await ctx.core.setAgentTimerAction({ agentId, timerAction });
    ctx.answer.actionComment(`set_timer_action: agent ${agentUser} ${timerAction ? `timer action ${value} at ${rank === '' ? '-' : rank} s` : 'timer action cleared'}`);
    return `SUCCESS: set_timer_action lead updated - ${user}|${agentUser}|${value}|${notes}|${rank}`;
  },
  render(line, ctx) {
    ctx.answer.line(line);
  },
});
