import { utf8ToBytes } from '../../wire/php-params';
import { serverTime } from '../../wire/server-time';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { readWith } from '../params';
import { campaignInGroups } from '../in-group-list';
import { campaignsAsked, dashList, daysOf, inGroupsAsked, placedCalls, queueCallsOf, queueCallStatus, UNDISPOSITIONED } from '../report-calls';

const readInput = readWith((params) => ({
  campaigns: params.read('campaigns', { keep: '-_0-9a-zA-Z' }),
  queryDate: params.read('query_date', { keep: '-0-9' }),
  statuses: params.read('statuses', { keep: '-_0-9a-zA-Z' }),
  ingroups: params.read('ingroups', { keep: '-_0-9a-zA-Z' }),
}));

/** Case-blind order by code unit, as PHP's strcasecmp, whatever the locale. */
function caseBlindOrder(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A logged call as the line counts it: its status and when it started. */
interface Counted {
  status: string;
  at: Date;
}

/** One line: the calls, those a person answered (`humanAnswered` of the status), per hour of the day, per status (names in case-blind order). */
async function statsLine(ctx: NonAgentContext, name: string, calls: readonly Counted[], humanAnswered: (status: string) => Promise<boolean>): Promise<string> {
  const hours = new Array<number>(24).fill(0);
  const statuses = new Map<string, number>();
  let human = 0;
  for (const call of calls) {
    hours[Number(serverTime(call.at, ctx.settings.timeZone).local.slice(11, 13))]! += 1;
    statuses.set(call.status, (statuses.get(call.status) ?? 0) + 1);
    if (await humanAnswered(call.status)) human += 1;
  }
  const hourly = hours.map((count, hour) => `${String(hour).padStart(2, '0')}-${count}`).join(',');
  const byStatus = [...statuses]
    .sort(([a], [b]) => caseBlindOrder(a, b))
    .map(([status, count]) => `${utf8ToBytes(status)}-${count}`)
    .join(',');
  return `${name}|${calls.length}|${human}|${hourly}|${byStatus}|`;
}

/** The in-groups reported: those asked, else those the campaigns offer their agents (closer_campaigns), by name. */
async function reportedInGroups(ctx: NonAgentContext, asked: string, campaignIds: readonly string[]): Promise<string[]> {
  if (asked !== '') return inGroupsAsked(ctx, asked);
  const offered = new Set<string>();
  for (const campaignId of campaignIds) {
    const campaign = await ctx.core.getCampaign(campaignId);
    for (const name of campaign ? campaignInGroups(campaign) : []) offered.add(name);
  }
  return [...offered].sort();
}

/**
 * call_status_stats: for each campaign asked, the calls its agents placed on
 * one day of the server's calendar, how many a person answered (the status
 * given is a human-answered one), and their counts per hour and per status;
 * then a line of the same kind for each in-group (`ingroups`, or those the
 * campaigns offer), counting the calls that entered it (the closer log).
 */
export const callStatusStats = defineNonAgentFunction({
  name: 'call_status_stats',
  function: 'call_status_stats',
  auth: {
    allows: (user) => user.level >= 8 && user.viewReports,
    denied: () => 'ERROR: call_status_stats USER DOES NOT HAVE PERMISSION TO VIEW STATS',
  },
  input: readInput,
  async run(ctx, input) {
    const campaigns = await campaignsAsked(ctx, input.campaigns);
    if (campaigns.length === 0) throw refuse('ERROR: call_status_stats INVALID OR MISSING CAMPAIGNS');
    const span = daysOf(ctx, input.queryDate);
    const statuses = new Set(dashList(input.statuses));
    const calls = await placedCalls(ctx, span, statuses);
    const lines: string[] = [];
    for (const campaignId of campaigns) {
      const counted = calls.filter((call) => call.campaignId === campaignId).map((call) => ({ status: call.status ?? UNDISPOSITIONED, at: call.startedAt }));
      lines.push(await statsLine(ctx, campaignId, counted, async (status) => (await ctx.core.findLeadStatus(status, campaignId))?.humanAnswered ?? false));
    }
    // VICIdial's human-answered statuses of in-group calls: the system's and those of the campaigns asked.
    const humanAnswered = async (status: string): Promise<boolean> => {
      for (const campaignId of campaigns) if ((await ctx.core.findLeadStatus(status, campaignId))?.humanAnswered) return true;
      return false;
    };
    const inGroups = await reportedInGroups(ctx, input.ingroups, campaigns);
    const taken = await queueCallsOf(ctx, inGroups, span, statuses);
    for (const inGroup of inGroups) {
      const counted = taken.filter((call) => call.queueName === inGroup).map((call) => ({ status: queueCallStatus(call), at: call.arrivedAt }));
      lines.push(await statsLine(ctx, utf8ToBytes(inGroup), counted, humanAnswered));
    }
    return lines.join('\n');
  },
  render: (answer) => answer,
});
