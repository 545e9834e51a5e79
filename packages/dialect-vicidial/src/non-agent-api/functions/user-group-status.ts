import { bytesToText } from '../../wire/php-params';
import { exportRows } from '../../wire/export-rows';
import { agentGroupOf, countAgents } from '../agent-report';
import { defineNonAgentFunction, refuse } from '../operation';
import { readWith } from '../params';

const COLUMNS = ['usergroups', 'calls_waiting', 'agents_logged_in', 'agents_in_calls', 'agents_waiting', 'agents_paused', 'agents_in_dead_calls', 'agents_in_dispo', 'agents_in_dial'];

const readInput = readWith((params) => ({
  userGroups: params.read('user_groups', { keep: '-_|0-9{L}' }),
  stage: params.read('stage', { keep: '0-9{L}' }),
  header: params.read('header', { keep: '0-9{L}' }),
}));

/**
 * user_group_status (spec §4.2): one row counting the agents of the groups
 * named: logged in, on a call, waiting, paused, with a lead waiting for its
 * disposition (DISPO), dialling. No call waits for a VICIdial agent in the
 * gateway (it has no inbound queue of its own), and a call whose customer
 * hung up ends, so calls_waiting and agents_in_dead_calls are 0.
 */
export const userGroupStatus = defineNonAgentFunction({
  name: 'user_group_status',
  function: 'user_group_status',
  auth: {
    allows: (user) => user.level > 6 && user.viewReports,
    denied: (user) => `ERROR: user_group_status USER DOES NOT HAVE PERMISSION TO GET USER GROUP INFO: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    // Any value of under 10000 bytes is a search, even one naming no group (`|`).
    if (input.userGroups.length < 1 || input.userGroups.length >= 10000) throw refuse(`ERROR: user_group_status INVALID SEARCH PARAMETERS: ${ctx.user}|${input.userGroups}`);
    const names = bytesToText(input.userGroups).split('|').filter((name) => name !== '');
    const sessions = [];
    for (const session of await ctx.core.listAgentSessions()) {
      const agent = await ctx.core.getAgent(session.agentId);
      if (agent && names.includes(agentGroupOf(agent))) sessions.push(session);
    }
    const counts = await countAgents(ctx, sessions);
    return { counts };
  },
  render({ counts }, _ctx, input) {
    const row = [input.userGroups.replace(/\|/g, ' '), 0, counts.loggedIn, counts.inCalls, counts.waiting, counts.paused, 0, counts.inDispo, counts.inDial];
    return exportRows(input.stage, input.header, COLUMNS, [row]);
  },
});
