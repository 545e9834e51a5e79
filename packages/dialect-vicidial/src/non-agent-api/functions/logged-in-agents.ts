import { bytesToText } from '../../wire/php-params';
import { exportRows } from '../../wire/export-rows';
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
 * export rows, by agent; `campaigns` and `user_groups` filter,
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
    const [viewable, live] = await Promise.all([viewableBy(ctx), ctx.core.listLiveAgents()]);
    // By agent id as JavaScript compares strings; the list is shared with concurrent callers, so sorted as a copy.
    const byAgent = [...live].sort((a, b) => (a.agent.id < b.agent.id ? -1 : a.agent.id > b.agent.id ? 1 : 0));
    const reports: AgentReport[] = [];
    for (const entry of byAgent) {
      if (!viewable(entry.agent)) continue;
      if (campaigns && !campaigns.has(entry.session.campaignId ?? '')) continue;
      if (groups && !groups.has(agentGroupOf(entry.agent))) continue;
      reports.push(agentReport(entry));
    }
    if (reports.length === 0) throw refuse(`ERROR: logged_in_agents NO LOGGED IN AGENTS: ${ctx.user}|${input.agentUser}`);
    return reports;
  },
  render(reports, _ctx, input) {
    const subStatus = input.showSubStatus === 'YES';
    return exportRows(input.stage, input.header, [...COLUMNS, ...(subStatus ? ['pause_code', 'sub_status'] : [])], reports.map((report) => row(report, subStatus)));
  },
});
