import type { Lead } from '@pbx-gateway/core';
import type { JSONSchemaType } from 'ajv';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { leadParamPattern } from '../agent-api/lead-params';
import { defineAgentOperation } from '../agent-api/operation';
import { agentIdOf, checkAllowList, liveSession, resolveAgentUser, stopWith, type AgentOperationContext } from '../agent-api/steps';
import { agentNotLoggedIn, echoedAgent, ownCheck, type Refusal } from '../errors';
import { wireCallId } from '../wire/call-id';
import { bytesToText, utf8ToBytes } from '../wire/php-params';

interface SwitchLeadInput {
  lead_id: string;
  vendor_lead_code: string;
  agent_user: string;
  alt_user: string;
}

const schema: JSONSchemaType<SwitchLeadInput> = {
  type: 'object',
  properties: {
    lead_id: { type: 'string', pattern: '^[0-9]*$' },
    vendor_lead_code: { type: 'string', pattern: leadParamPattern('vendor_lead_code') },
    agent_user: { type: 'string', pattern: PATTERNS.identifier },
    alt_user: { type: 'string', pattern: PATTERNS.alphanumeric },
  },
  required: ['lead_id', 'vendor_lead_code', 'agent_user', 'alt_user'],
};

const readInput = inputOf(schema, ['lead_id', 'vendor_lead_code', 'agent_user', 'alt_user']);

/** The campaign settings (`agent_lead_search`) that let an agent switch the lead of an inbound call. */
const INBOUND_LEAD_SEARCH: ReadonlySet<string> = new Set(['LIVE_CALL_INBOUND', 'LIVE_CALL_INBOUND_AND_MANUAL']);

/** Leads looked through for the newest with a vendor code; more with the same code are not expected. */
const VENDOR_CODE_LEADS = 10000;

const noLiveCall: Refusal = { kind: 'no_live_call', end: 'line', text: (ctx) => `ERROR: agent_user does not have a live call - ${echoedAgent(ctx)}` };

const leadNotFound: Refusal = {
  kind: 'own_check',
  end: 'line',
  text: (ctx) => `ERROR: switch-to lead not found - ${echoedAgent(ctx)}|${ctx.request.lead_id}|${ctx.request.vendor_lead_code}`,
};

/**
 * The newest lead with the vendor code when one is given, else the lead the
 * number names: VICIdial's script searches by the vendor code whenever it
 * has one, even with a `lead_id` too.
 */
async function switchToLead(ctx: AgentOperationContext, leadId: number, vendorLeadCode: string): Promise<Lead | null> {
  if (vendorLeadCode.length < 1) return leadId > 0 ? ctx.core.getLead(leadId) : null;
  const leads = await ctx.core.findLeads({ vendorLeadCode: bytesToText(vendorLeadCode) }, VENDOR_CODE_LEADS);
  return leads.at(-1) ?? null;
}

/**
 * switch_lead (spec §3.2): the inbound call the agent is on becomes a call
 * of another lead, named by number or by vendor code: the agent's screen,
 * the call's log entry and the disposition after the call go to it (core
 * `switchAgentLead`). Needs a campaign that lets agents search leads on
 * inbound calls. The "not inbound" line ends without a newline, as the
 * product prints it.
 */
export const switchLead = defineAgentOperation({
  name: 'switch_lead',
  function: 'switch_lead',
  auth: 'allow-list',
  input: readInput,
  async run(ctx, input): Promise<string | null> {
    const { lead_id: leadIdGiven, vendor_lead_code: vendorLeadCode, agent_user: givenAgent, alt_user: altUser } = input;
    const leadId = leadIdGiven === '' ? 0 : Number(leadIdGiven);
    if ((leadId < 1 && vendorLeadCode.length < 1) || (givenAgent.length < 1 && altUser.length < 2)) {
      throw stopWith(ownCheck('line', `ERROR: switch_lead not valid - ${leadIdGiven}|${vendorLeadCode}|${givenAgent}`));
    }
    checkAllowList(ctx, leadIdGiven);
    const agentUser = await resolveAgentUser(ctx, `ERROR: no user found - ${altUser}`);
    ctx.target = { agentUser };
    const session = await liveSession(ctx, agentUser);
    if (!session) throw stopWith(agentNotLoggedIn);
    const found = session.currentCallId === null ? null : await ctx.core.getCall(session.currentCallId);
    if (!found || found.call.state === 'ended') throw stopWith(noLiveCall);
    if (found.call.purpose !== 'inbound') {
      ctx.answer.print(`ERROR: agent call is not inbound - ${agentUser}|${utf8ToBytes(wireCallId(found.call.id))}`);
      return null;
    }
    const campaignEcho = utf8ToBytes(session.campaignId ?? '');
    const campaign = session.campaignId === null ? null : await ctx.core.getCampaign(session.campaignId);
    if (!campaign) throw stopWith(ownCheck('line', `ERROR: campaign not found - ${agentUser}|${campaignEcho}`));
    if (!INBOUND_LEAD_SEARCH.has(campaign.agentLeadSearch)) {
      throw stopWith(ownCheck('line', `ERROR: campaign does not allow inbound lead search - ${agentUser}|${campaignEcho}`));
    }
    const lead = await switchToLead(ctx, leadId, vendorLeadCode);
    if (!lead) throw stopWith(leadNotFound);
    const { previousLeadId } = await ctx.core.switchAgentLead({ agentId: agentIdOf(agentUser), leadId: lead.id });
    ctx.answer.actionComment(`switch_lead: call ${wireCallId(found.call.id)} of agent ${agentUser} now with lead ${lead.id}`);
    // No lead before: 0, as the dialer's session row holds it.
    return `SUCCESS: switch_lead function set - ${agentUser}|${lead.id}|${utf8ToBytes(lead.vendorLeadCode)}|${campaignEcho}|${previousLeadId ?? 0}|`;
  },
  render(line, ctx) {
    if (line !== null) ctx.answer.line(line);
  },
  errors: { NO_ACTIVE_CALL: noLiveCall, INVALID_ARGUMENT: leadNotFound },
});
