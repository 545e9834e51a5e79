import type { JSONSchemaType } from 'ajv';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { defineAgentOperation } from '../agent-api/operation';
import { agentIdOf, checkAllowList, liveSession, resolveAgentUser, stopWith } from '../agent-api/steps';
import { agentNotLoggedIn, echoedAgent, type Refusal } from '../errors';
import { bytesToText } from '../wire/php-params';

interface VmMessageInput {
  value: string;
  agent_user: string;
  alt_user: string;
  lead_id: string;
}

const schema: JSONSchemaType<VmMessageInput> = {
  type: 'object',
  properties: {
    value: { type: 'string', pattern: PATTERNS.value },
    agent_user: { type: 'string', pattern: PATTERNS.identifier },
    alt_user: { type: 'string', pattern: PATTERNS.alphanumeric },
    lead_id: { type: 'string', pattern: '^[0-9]*$' },
  },
  required: ['value', 'agent_user', 'alt_user', 'lead_id'],
};

const readInput = inputOf(schema, ['value', 'agent_user', 'alt_user', 'lead_id']);

const notValid: Refusal = {
  kind: 'not_valid',
  end: 'line',
  text: (ctx) => `ERROR: vm_message not valid - ${ctx.request.lead_id}|${ctx.request.value}|${ctx.request.agent_user}`,
};

/**
 * vm_message (spec §3.2): the audio files (`value`, joined by `|`) the
 * voicemail drop of the lead on the agent's screen leaves: transfer_conference
 * LEAVE_VM then plays them one after the other instead of the usual
 * message. `lead_id`, when given, must be that lead; without it the
 * SUCCESS line echoes the lead on the screen. A file the gateway would not
 * play (not an audio-store name) is answered `not valid`.
 */
export const vmMessage = defineAgentOperation({
  name: 'vm_message',
  function: 'vm_message',
  auth: 'allow-list',
  input: readInput,
  async run(ctx, { value, agent_user: givenAgent, alt_user: altUser, lead_id: leadId }): Promise<string> {
    if (value.length < 1 || (givenAgent.length < 1 && altUser.length < 2)) throw stopWith(notValid);
    checkAllowList(ctx, leadId);
    const agentUser = await resolveAgentUser(ctx, `ERROR: no user found - ${altUser}`);
    ctx.target = { agentUser };
    if (!(await liveSession(ctx, agentUser))) throw stopWith(agentNotLoggedIn);
    const files = bytesToText(value)
      .split('|')
      .filter((file) => file !== '');
    const set = await ctx.core.setLeadVoicemailMessage({ agentId: agentIdOf(agentUser), leadId: leadId === '' ? null : Number(leadId), files });
    ctx.answer.actionComment(`vm_message: lead ${set.leadId} leaves ${files.join('|')}`);
    return `SUCCESS: vm_message function set - ${agentUser}|${leadId === '' ? set.leadId : leadId}|${value}|`;
  },
  render(line, ctx) {
    ctx.answer.line(line);
  },
  errors: {
    AGENT_NOT_LOGGED_IN: agentNotLoggedIn,
    NO_ACTIVE_LEAD: { kind: 'no_live_call', end: 'line', text: (ctx) => `ERROR: agent_user does not have a live call - ${echoedAgent(ctx)}` },
    INVALID_ARGUMENT: { kind: 'own_check', end: 'line', text: (ctx) => `ERROR: current call does not match lead_id submitted - ${echoedAgent(ctx)}` },
    MEDIA_NOT_ALLOWED: notValid,
  },
});
