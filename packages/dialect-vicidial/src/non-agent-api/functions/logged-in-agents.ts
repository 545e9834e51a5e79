import { bytesToText } from '../../wire/php-params';
import { exportLines, exportSeparator } from '../../wire/export-rows';
import type { LiveAgent } from '@pbx-gateway/core';
import { agentGroupOf, agentReport, viewableBy, viewReports, type AgentReport } from '../agent-report';
import { defineNonAgentFunction, refuse } from '../operation';
import { readWith } from '../params';

const COLUMNS = ['user', 'campaign_id', 'session_id', 'status', 'lead_id', 'callerid', 'calls_today', 'full_name', 'user_group', 'user_level'];

const row = (report: AgentReport, subStatus: boolean): string[] => [
  report.user,
  report.campaign_id,
  report.session_id,
  report.status,
  report.lead_id,
  report.callerid,
  report.calls_today,
  report.full_name,
  report.user_group,
  report.user_level,
  ...(subStatus ? [report.pause_code, report.sub_status] : []),
];

interface BoardEntry {
  live: LiveAgent;
  report: AgentReport;
}

// Polls that arrive together share one list (listLiveAgents): its reports,
// sorted, and their rendered lines are built once for all of them, and
// dropped with the list.
const boards = new WeakMap<readonly LiveAgent[], readonly BoardEntry[]>();
const renderedLines = new WeakMap<AgentReport, Map<string, string>>();

/**
 * VICIdial reads its live agents without an ORDER BY: its table gives them
 * in the order their rows were added, the order the agents logged in. The
 * list's agents in that order (agent id for the same instant), with their reports.
 */
const byLogin = (a: LiveAgent, b: LiveAgent): number =>
  a.session.loggedInAt.getTime() - b.session.loggedInAt.getTime() || (a.agent.id < b.agent.id ? -1 : a.agent.id > b.agent.id ? 1 : 0);

function boardOf(list: readonly LiveAgent[]): readonly BoardEntry[] {
  let board = boards.get(list);
  if (!board) {
    board = [...list].sort(byLogin).map((live) => ({ live, report: agentReport(live) }));
    boards.set(list, board);
  }
  return board;
}

function lineOf(report: AgentReport, separator: string, subStatus: boolean): string {
  let lines = renderedLines.get(report);
  if (!lines) {
    lines = new Map();
    renderedLines.set(report, lines);
  }
  const key = subStatus ? `${separator}+` : separator;
  let line = lines.get(key);
  if (line === undefined) {
    line = row(report, subStatus).join(separator);
    lines.set(key, line);
  }
  return line;
}

/** `A|B` → the names; empty → no filter. */
const pipeList = (bytes: string): ReadonlySet<string> | null => {
  const names = bytesToText(bytes).split('|').filter((name) => name !== '');
  return names.length === 0 ? null : new Set(names);
};

const readInput = readWith((params) => ({
  agentUser: params.read('agent_user', { keep: '-_0-9{L}' }),
  campaigns: params.read('campaigns', { keep: '-_|0-9{L}' }),
  userGroups: params.read('user_groups', { keep: '-_|0-9{L}' }),
  showSubStatus: params.read('show_sub_status', { keep: '0-9{L}' }),
  stage: params.read('stage', { keep: '0-9{L}' }),
  header: params.read('header', { keep: '0-9{L}' }),
}));

/**
 * logged_in_agents (spec §4.2): every logged-in agent the caller may see, as
 * export rows, in the order they logged in; `campaigns` and `user_groups` filter,
 * `show_sub_status=YES` adds the pause code and the sub-status.
 */
export const loggedInAgents = defineNonAgentFunction({
  name: 'logged_in_agents',
  function: 'logged_in_agents',
  auth: viewReports('logged_in_agents'),
  input: readInput,
  async run(ctx, input) {
    const campaigns = pipeList(input.campaigns);
    const groups = pipeList(input.userGroups);
    const [viewable, list] = await Promise.all([viewableBy(ctx), ctx.core.listLiveAgents()]);
    const reports: AgentReport[] = [];
    for (const { live, report } of boardOf(list)) {
      if (!viewable(live.agent)) continue;
      if (campaigns && !campaigns.has(live.session.campaignId ?? '')) continue;
      if (groups && !groups.has(agentGroupOf(live.agent))) continue;
      reports.push(report);
    }
    if (reports.length === 0) throw refuse(`ERROR: logged_in_agents NO LOGGED IN AGENTS: ${ctx.user}|${input.agentUser}`);
    return reports;
  },
  render(reports, _ctx, input) {
    const subStatus = input.showSubStatus === 'YES';
    const separator = exportSeparator(input.stage);
    return exportLines(input.stage, input.header, [...COLUMNS, ...(subStatus ? ['pause_code', 'sub_status'] : [])], reports.map((report) => lineOf(report, separator, subStatus)));
  },
});
