import { bytesToText } from '../../wire/php-params';
import { exportLines, exportSeparator } from '../../wire/export-rows';
import type { Agent, LiveAgent } from '@pbx-gateway/core';
import { agentGroupOf, agentReport, viewOf, viewReports, type AgentReport } from '../agent-report';
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

// The answers given from one list, by who asks and how (caller's view,
// filters, format): polls of a wallboard ask the same, and the store hands
// back the same list while nothing has changed, so each distinct answer is
// built once per state of the live agents. An answer is text; `null` when it
// has no agent (the refusal names the caller, so it is worded each time).
const answers = new WeakMap<readonly LiveAgent[], Map<string, string | null>>();
// Bounds what one list keeps against polls that vary their queries.
const MAX_ANSWERS_PER_LIST = 64;

type Input = ReturnType<typeof readInput>['value'];

function buildAnswer(list: readonly LiveAgent[], viewable: (agent: Agent) => boolean, input: Input): string | null {
  const campaigns = pipeList(input.campaigns);
  const groups = pipeList(input.userGroups);
  const subStatus = input.showSubStatus === 'YES';
  const separator = exportSeparator(input.stage);
  const lines: string[] = [];
  for (const { live, report } of boardOf(list)) {
    if (!viewable(live.agent)) continue;
    if (campaigns && !campaigns.has(live.session.campaignId ?? '')) continue;
    if (groups && !groups.has(agentGroupOf(live.agent))) continue;
    lines.push(lineOf(report, separator, subStatus));
  }
  if (lines.length === 0) return null;
  return exportLines(input.stage, input.header, [...COLUMNS, ...(subStatus ? ['pause_code', 'sub_status'] : [])], lines);
}

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
    const [view, list] = await Promise.all([viewOf(ctx), ctx.core.listLiveAgents()]);
    let kept = answers.get(list);
    if (!kept) {
      kept = new Map();
      answers.set(list, kept);
    }
    const key = `${view.key}\n${input.campaigns}\n${input.userGroups}\n${input.showSubStatus}\n${input.stage}\n${input.header}`;
    let answer = kept.get(key);
    if (answer === undefined) {
      answer = buildAnswer(list, view.viewable, input);
      if (kept.size >= MAX_ANSWERS_PER_LIST) kept.clear();
      kept.set(key, answer);
    }
    if (answer === null) throw refuse(`ERROR: logged_in_agents NO LOGGED IN AGENTS: ${ctx.user}|${input.agentUser}`);
    return answer;
  },
  render: (answer) => answer,
});
