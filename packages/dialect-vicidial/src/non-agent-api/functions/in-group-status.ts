import type { AgentSession } from '@pbx-gateway/core';
import { exportRows } from '../../wire/export-rows';
import { bytesToText } from '../../wire/php-params';
import { countAgents } from '../agent-report';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { readWith } from '../params';

const COLUMNS = ['ingroups', 'total_calls', 'calls_waiting', 'agents_logged_in', 'agents_in_calls', 'agents_waiting', 'agents_paused', 'agents_in_dispo', 'agents_in_dial'];

const readInput = readWith((params) => ({
  inGroups: params.read('in_groups', { keep: '-_|0-9{L}' }),
  stage: params.read('stage', { keep: '0-9{L}' }),
  header: params.read('header', { keep: '0-9{L}' }),
}));

/** Whether the session's current call is an inbound call that came through one of the queues. */
async function onCallOf(ctx: NonAgentContext, session: AgentSession, names: readonly string[]): Promise<boolean> {
  if (session.state !== 'in_call' || session.currentCallId === null) return false;
  const found = await ctx.core.getCall(session.currentCallId);
  return found !== null && found.call.purpose === 'inbound' && found.call.progress.queueName !== null && names.includes(found.call.progress.queueName);
}

/**
 * in_group_status: one row for the in-groups named (the gateway's queues):
 * the calls in them (waiting or with an agent), those waiting, and the
 * logged-in agents who take their calls, counted as user_group_status
 * counts them.
 */
export const inGroupStatus = defineNonAgentFunction({
  name: 'in_group_status',
  function: 'in_group_status',
  auth: {
    allows: (user) => user.level > 6 && user.viewReports,
    denied: (user) => `ERROR: in_group_status USER DOES NOT HAVE PERMISSION TO GET IN-GROUP INFO: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    // Any value of under 10000 bytes is a search, even one naming no group (`|`).
    if (input.inGroups.length < 1 || input.inGroups.length >= 10000) throw refuse(`ERROR: in_group_status INVALID SEARCH PARAMETERS: ${ctx.user}|${input.inGroups}`);
    const names = bytesToText(input.inGroups).split('|').filter((name) => name !== '');
    const sessions: AgentSession[] = [];
    let connected = 0;
    for (const session of await ctx.core.listAgentSessions()) {
      const queues = await ctx.core.queuesOfAgent(session.agentId);
      if (!queues.some((queue) => names.includes(queue))) continue;
      sessions.push(session);
      if (await onCallOf(ctx, session, names)) connected += 1;
    }
    const waiting = (await ctx.core.listWaitingCalls(names)).length;
    return { waiting, total: waiting + connected, counts: await countAgents(ctx, sessions) };
  },
  render({ waiting, total, counts }, _ctx, input) {
    const row = [input.inGroups.replace(/\|/g, ' '), total, waiting, counts.loggedIn, counts.inCalls, counts.waiting, counts.paused, counts.inDispo, counts.inDial];
    return exportRows(input.stage, input.header, COLUMNS, [row]);
  },
});
