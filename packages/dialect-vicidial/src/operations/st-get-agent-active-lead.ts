import { crmAgent, readCrmAgentInput } from '../agent-api/crm-agent';
import { defineAgentOperation } from '../agent-api/operation';
import { stopWith } from '../agent-api/steps';
import { ownCheck } from '../errors';
import { utf8ToBytes } from '../wire/php-params';

/**
 * st_get_agent_active_lead (seed 002, spec §3.2): the lead on the screen of
 * the agent a CRM names by its own agent id (the agent's external id): its
 * number, lead id, vendor code, province, security phrase and source id.
 */
export const stGetAgentActiveLead = defineAgentOperation({
  name: 'st_get_agent_active_lead',
  function: 'st_get_agent_active_lead',
  auth: 'allow-list',
  input: readCrmAgentInput,
  async run(ctx, input): Promise<string> {
    const { agent, agentUser } = await crmAgent(ctx, input);
    const session = await ctx.core.getAgentSession(agent.id);
    if (!session) throw stopWith(ownCheck('line', `ERROR: user not logged in - ${agentUser}`));
    if (!session.lead) throw stopWith(ownCheck('line', `ERROR: no active lead found - ${agentUser}`));
    const leadId = session.lead.leadId;
    // A lead gone from the lists since: its fields read empty, as a lookup that finds no row leaves them.
    const lead = await ctx.core.getLead(leadId);
    const fields = [lead?.phoneNumber, leadId, lead?.vendorLeadCode, lead?.province, lead?.securityPhrase, lead?.sourceId].map((field) => utf8ToBytes(String(field ?? '')));
    ctx.answer.actionComment(`st_get_agent_active_lead: agent ${agentUser} lead ${leadId}`);
    return `SUCCESS: st_get_agent_active_lead lead found - ${agentUser}|${fields.join('|')}`;
  },
  render(line, ctx) {
    ctx.answer.line(line);
  },
});
