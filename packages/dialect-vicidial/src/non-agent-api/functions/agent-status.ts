import { exportRows } from '../../wire/export-rows';
import { bytesToText } from '../../wire/php-params';
import { agentReport, viewableBy, viewReports, type AgentReport } from '../agent-report';
import { defineNonAgentFunction, refuse } from '../operation';
import { readWith } from '../params';

const COLUMNS = ['status', 'callerid', 'lead_id', 'campaign_id', 'calls_today', 'full_name', 'user_group', 'user_level', 'pause_code', 'real_time_sub_status', 'phone_number', 'vendor_lead_code', 'session_id'] as const;

const row = (report: AgentReport, withIp: boolean): string[] => [
  report.status,
  report.callerid,
  report.lead_id,
  report.campaign_id,
  report.calls_today,
  report.full_name,
  report.user_group,
  report.user_level,
  report.pause_code,
  report.sub_status,
  report.phone_number,
  report.vendor_lead_code,
  report.session_id,
  // VICIdial adds the address only when it found one (longer than 3): the header names it regardless.
  ...(withIp && report.computer_ip.length > 3 ? [report.computer_ip] : []),
];

const readInput = readWith((params) => ({
  agentUser: params.read('agent_user', { keep: '-_0-9{L}' }),
  stage: params.read('stage', { keep: '0-9{L}' }),
  header: params.read('header', { keep: '0-9{L}' }),
  includeIp: params.read('include_ip', { keep: '0-9{L}' }),
}));

/**
 * agent_status (spec §4.2): one logged-in agent's live state as an export
 * row (`stage`, `header`); `include_ip=YES` adds the agent's computer
 * address (to the header always, to the row when there is one).
 */
export const agentStatusFunction = defineNonAgentFunction({
  name: 'agent_status',
  function: 'agent_status',
  auth: viewReports('agent_status'),
  input: readInput,
  async run(ctx, input) {
    const echo = `${ctx.user}|${input.agentUser}`;
    if (input.agentUser.length < 1) throw refuse(`ERROR: agent_status INVALID SEARCH PARAMETERS: ${echo}`);
    const agentId = bytesToText(input.agentUser);
    // A logged-in agent is read with everything its row shows in one go; only a refusal needs to know more.
    const [live, viewable] = await Promise.all([ctx.core.getLiveAgent(agentId), viewableBy(ctx)]);
    if (live) {
      if (!viewable(live.agent)) throw refuse(`ERROR: agent_status AGENT NOT FOUND: ${echo}`);
      return agentReport(live);
    }
    const agent = await ctx.core.getAgent(agentId);
    if (!agent || !viewable(agent)) throw refuse(`ERROR: agent_status AGENT NOT FOUND: ${echo}`);
    throw refuse(`ERROR: agent_status AGENT NOT LOGGED IN: ${echo}`);
  },
  render(report, _ctx, input) {
    const withIp = input.includeIp === 'YES';
    return exportRows(input.stage, input.header, [...COLUMNS, ...(withIp ? ['computer_ip'] : [])], [row(report, withIp)]);
  },
});
