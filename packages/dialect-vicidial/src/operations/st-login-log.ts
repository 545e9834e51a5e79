import { crmAgent, readCrmAgentInput } from '../agent-api/crm-agent';
import { defineAgentOperation } from '../agent-api/operation';
import { stopWith } from '../agent-api/steps';
import { ownCheck } from '../errors';
import { bytesToText } from '../wire/php-params';

/**
 * st_login_log (seed 002, spec §3.2): a CRM names one of its agents by its
 * own agent id (VICIdial's `custom_three`, the agent's external id) and
 * tells its team id, which the agent keeps (`custom_four`); answers the
 * agent's user id.
 */
export const stLoginLog = defineAgentOperation({
  name: 'st_login_log',
  function: 'st_login_log',
  auth: 'allow-list',
  input: readCrmAgentInput,
  async run(ctx, input): Promise<string> {
    const { agent, agentUser } = await crmAgent(ctx, input);
    // The agent gone since it was found: as if nobody had that id.
    if (!(await ctx.core.setAgentAttributes({ agentId: agent.id, attributes: { custom_four: bytesToText(input.vendor_id) } }))) {
      throw stopWith(ownCheck('line', `ERROR: no user found - ${input.value}`));
    }
    ctx.answer.actionComment(`st_login_log: agent ${agentUser} team ${input.vendor_id}`);
    return `SUCCESS: st_login_log user found - ${agentUser}`;
  },
  render(line, ctx) {
    ctx.answer.line(line);
  },
});
