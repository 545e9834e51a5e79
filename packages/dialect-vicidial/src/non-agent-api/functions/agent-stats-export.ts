import type { Agent, AgentActivity } from '@pbx-gateway/core';
import { exportRows } from '../../wire/export-rows';
import { bytesToText, utf8ToBytes } from '../../wire/php-params';
import { phpRoundOne, quotientOrZero, secondsText } from '../../wire/seconds-text';
import { parseLocalDateTime } from '../../wire/server-time';
import { agentGroupOf, viewableBy } from '../agent-report';
import { defineNonAgentFunction, refuse } from '../operation';
import { IDENTIFIER, readWith } from '../params';

const COLUMNS = [
  'user',
  'full_name',
  'user_group',
  'calls',
  'login_time',
  'total_talk_time',
  'avg_talk_time',
  'avg_wait_time',
  'pct_of_queue',
  'pause_time',
  'sessions',
  'avg_session',
  'pauses',
  'avg_pause_time',
  'pause_pct',
  'pauses_per_session',
  'wait_time',
  'talk_time',
  'dispo_time',
  'dead_time',
] as const;

const DATE_TIME = { keep: '- :0-9' };
const WORD = { keep: '0-9{L}' };

const readInput = readWith((params) => ({
  start: params.read('datetime_start', DATE_TIME),
  end: params.read('datetime_end', DATE_TIME),
  agentUser: params.read('agent_user', IDENTIFIER),
  campaignId: params.read('campaign_id', IDENTIFIER),
  stage: params.read('stage', WORD),
  header: params.read('header', WORD),
  timeFormat: params.read('time_format', WORD),
  groupByCampaign: params.read('group_by_campaign', WORD),
}));

type Input = ReturnType<typeof readInput>['value'];

/** One agent's line (campaign first when grouped), every time in `precision` but the pause time, which VICIdial prints in seconds. */
function rowOf(activity: AgentActivity, agent: Agent | undefined, totalCalls: number, precision: string, byCampaign: boolean): string[] {
  const time = (seconds: number): string => secondsText(seconds, precision);
  const row = [
    utf8ToBytes(activity.agentId),
    utf8ToBytes(agent?.name ?? ''),
    utf8ToBytes(agent ? agentGroupOf(agent) : ''),
    String(activity.calls),
    time(activity.loginSec),
    time(activity.talkSec),
    time(quotientOrZero(activity.talkSec, activity.calls)),
    time(quotientOrZero(activity.waitSec, activity.calls)),
    `${phpRoundOne(quotientOrZero(activity.calls * 100, totalCalls))}%`,
    String(activity.pauseSec),
    String(activity.sessions),
    time(quotientOrZero(activity.loginSec, activity.sessions)),
    String(activity.pauses),
    time(quotientOrZero(activity.pauseSec, activity.pauses)),
    `${phpRoundOne(quotientOrZero(activity.pauseSec * 100, activity.loginSec))}%`,
    String(Math.round(quotientOrZero(activity.pauses, activity.sessions))),
    time(activity.waitSec),
    time(activity.talkSec),
    time(activity.wrapUpSec),
    // No dead calls: the gateway ends the agent's call when the customer hangs up.
    time(0),
  ];
  return byCampaign ? [utf8ToBytes(activity.campaignId ?? ''), ...row] : row;
}

const echoOf = (user: string, input: Input): string => `${user}|${input.agentUser}|${input.start}|${input.end}|`;

/**
 * agent_stats_export: each agent's calls, logged-in, talk, wait, pause and
 * after-call (dispo) time over `datetime_start`..`datetime_end` (server
 * time), summed from the agents' state span log, as export rows; one agent
 * (`agent_user`), one campaign (`campaign_id`), and a line per campaign of
 * each agent (`group_by_campaign=YES`) when asked. Agents of groups the
 * caller's group may not see are left out.
 */
export const agentStatsExport = defineNonAgentFunction({
  name: 'agent_stats_export',
  function: 'agent_stats_export',
  partial: '`dead_time` is always 0 (the gateway ends an agent\'s call when its customer hangs up, so there are no dead calls); activity is counted from when the gateway began logging agent state spans',
  auth: {
    allows: (user) => user.level > 6 && user.viewReports,
    denied: (user) => `ERROR: agent_stats_export USER DOES NOT HAVE PERMISSION TO GET AGENT INFO - ${user}|0`,
  },
  input: readInput,
  async run(ctx, input) {
    const from = parseLocalDateTime(bytesToText(input.start), ctx.settings.timeZone);
    const to = parseLocalDateTime(bytesToText(input.end), ctx.settings.timeZone);
    if (!from || !to || to.getTime() < from.getTime()) throw refuse(`ERROR: agent_stats_export INVALID SEARCH PARAMETERS - ${echoOf(ctx.user, input)}`);
    const byCampaign = input.groupByCampaign === 'YES';
    const activities = await ctx.core.agentActivity({
      from,
      to,
      byCampaign,
      ...(input.agentUser === '' ? {} : { agentId: bytesToText(input.agentUser) }),
      ...(input.campaignId === '' ? {} : { campaignId: bytesToText(input.campaignId) }),
    });
    const viewable = await viewableBy(ctx);
    const agents = new Map<string, Agent | undefined>();
    for (const activity of activities) {
      if (!agents.has(activity.agentId)) agents.set(activity.agentId, (await ctx.core.getAgent(activity.agentId)) ?? undefined);
    }
    const shown = activities.filter((activity) => {
      const agent = agents.get(activity.agentId);
      return agent === undefined || viewable(agent);
    });
    if (shown.length === 0) throw refuse(`ERROR: agent_stats_export NO RECORDS FOUND - ${echoOf(ctx.user, input)}`);
    const totalCalls = shown.reduce((sum, activity) => sum + activity.calls, 0);
    const precision = input.timeFormat === '' ? 'HF' : input.timeFormat;
    return shown.map((activity) => rowOf(activity, agents.get(activity.agentId), totalCalls, precision, byCampaign));
  },
  render: (rows, _ctx, input) => exportRows(input.stage, input.header, input.groupByCampaign === 'YES' ? ['campaign_id', ...COLUMNS] : COLUMNS, rows),
});
