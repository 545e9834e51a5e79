import type { LeadCall } from '@pbx-gateway/core';
import { utf8ToBytes } from '../../wire/php-params';
import { serverTime } from '../../wire/server-time';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { readWith } from '../params';
import { campaignsAsked, dashList, daysOf, placedCalls, UNDISPOSITIONED } from '../report-calls';

const readInput = readWith((params) => ({
  campaigns: params.read('campaigns', { keep: '-_0-9a-zA-Z' }),
  queryDate: params.read('query_date', { keep: '-0-9' }),
  statuses: params.read('statuses', { keep: '-_0-9a-zA-Z' }),
}));

/** Case-blind order by code unit, as PHP's strcasecmp, whatever the locale. */
function caseBlindOrder(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** One campaign's line: its calls, those a person answered, per hour of the day, per status (names in case-blind order). */
async function statsLine(ctx: NonAgentContext, campaignId: string, calls: readonly LeadCall[]): Promise<string> {
  const hours = new Array<number>(24).fill(0);
  const statuses = new Map<string, number>();
  let human = 0;
  for (const call of calls) {
    const status = call.status ?? UNDISPOSITIONED;
    hours[Number(serverTime(call.startedAt, ctx.settings.timeZone).local.slice(11, 13))]! += 1;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if ((await ctx.core.findLeadStatus(status, campaignId))?.humanAnswered) human += 1;
  }
  const hourly = hours.map((count, hour) => `${String(hour).padStart(2, '0')}-${count}`).join(',');
  const byStatus = [...statuses]
    .sort(([a], [b]) => caseBlindOrder(a, b))
    .map(([status, count]) => `${utf8ToBytes(status)}-${count}`)
    .join(',');
  return `${campaignId}|${calls.length}|${human}|${hourly}|${byStatus}|`;
}

/**
 * call_status_stats: for each campaign asked, the calls its agents placed on
 * one day of the server's calendar, how many a person answered (the status
 * given is a human-answered one), and their counts per hour and per status.
 * The gateway's call log does not say which in-group a taken call came
 * through, so no in-group lines are printed.
 */
export const callStatusStats = defineNonAgentFunction({
  name: 'call_status_stats',
  partial: 'campaign lines only: `ingroups` is ignored (the call log keeps no in-group of a call taken)',
  function: 'call_status_stats',
  auth: {
    allows: (user) => user.level >= 8 && user.viewReports,
    denied: () => 'ERROR: call_status_stats USER DOES NOT HAVE PERMISSION TO VIEW STATS',
  },
  input: readInput,
  async run(ctx, input) {
    const campaigns = await campaignsAsked(ctx, input.campaigns);
    if (campaigns.length === 0) throw refuse('ERROR: call_status_stats INVALID OR MISSING CAMPAIGNS');
    const calls = await placedCalls(ctx, daysOf(ctx, input.queryDate), new Set(dashList(input.statuses)));
    const lines: string[] = [];
    for (const campaignId of campaigns) lines.push(await statsLine(ctx, campaignId, calls.filter((call) => call.campaignId === campaignId)));
    return lines.join('\n');
  },
  render: (answer) => answer,
});
