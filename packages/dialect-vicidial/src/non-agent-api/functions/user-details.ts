import { exportRows } from '../../wire/export-rows';
import { bytesToText, utf8ToBytes } from '../../wire/php-params';
import { agentGroupOf, viewableBy } from '../agent-report';
import { defineNonAgentFunction, refuse } from '../operation';
import { IDENTIFIER, readWith } from '../params';

const COLUMNS = ['user', 'full_name', 'user_group', 'user_level', 'active'] as const;

const readInput = readWith((params) => ({
  agentUser: params.read('agent_user', IDENTIFIER),
  stage: params.read('stage', { keep: '0-9{L}' }),
  header: params.read('header', { keep: '0-9{L}' }),
}));

/**
 * user_details: one agent's account as an export row (`stage`, `header`),
 * if the caller's group may see the agent's group. The first column is
 * `agent_user` as asked, as VICIdial prints it.
 */
export const userDetails = defineNonAgentFunction({
  name: 'user_details',
  function: 'user_details',
  auth: {
    allows: (user) => user.level > 6 && user.viewReports,
    denied: (user) => `ERROR: user_details USER DOES NOT HAVE PERMISSION TO GET USER DETAILS: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const echo = `${ctx.user}|${input.agentUser}`;
    if (input.agentUser.length < 1 || input.agentUser.length >= 100) throw refuse(`ERROR: user_details INVALID SEARCH PARAMETERS: ${echo}`);
    const agent = await ctx.core.getAgent(bytesToText(input.agentUser));
    if (!agent || !(await viewableBy(ctx))(agent)) throw refuse(`ERROR: user_details USER NOT FOUND: ${echo}`);
    return [input.agentUser, utf8ToBytes(agent.name), utf8ToBytes(agentGroupOf(agent)), utf8ToBytes(agent.attributes.user_level ?? ''), agent.active ? 'Y' : 'N'];
  },
  render: (row, _ctx, input) => exportRows(input.stage, input.header, COLUMNS, [row]),
});
