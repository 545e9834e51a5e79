import { mayWorkWithCampaign, type Campaign, type LeadCall } from '@pbx-gateway/core';
import { bytesToText, utf8ToBytes } from '../../wire/php-params';
import { parseLocalDateTime, serverTime } from '../../wire/server-time';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { readWith } from '../params';

/** The log entries read for one day, as many as VICIdial's report reads. */
const MOST = 10_000_000;

/** A placed call the agent has not dispositioned yet: VICIdial's log says INCALL. */
const UNDISPOSITIONED = 'INCALL';

const ALL_CAMPAIGNS = new Set(['---ALL---', 'ALLCAMPAIGNS']);

const readInput = readWith((params) => ({
  campaigns: params.read('campaigns', { keep: '-_0-9a-zA-Z' }),
  queryDate: params.read('query_date', { keep: '-0-9' }),
  statuses: params.read('statuses', { keep: '-_0-9a-zA-Z' }),
}));

/** A dash-separated list, its empty items dropped. */
const dashList = (text: string): string[] => text.split('-').filter((item) => item !== '');

/** The campaigns asked that exist and that the caller's group may report on, in the order asked (all: by id). */
async function campaignsAsked(ctx: NonAgentContext, asked: string): Promise<string[]> {
  const group = await ctx.core.getUserGroup(ctx.apiUser.group);
  const allowed = (campaign: Campaign): boolean => group === null || mayWorkWithCampaign(group, campaign.id);
  const campaigns = (await ctx.core.listCampaigns()).filter(allowed);
  if (ALL_CAMPAIGNS.has(asked)) return campaigns.map((campaign) => campaign.id).sort();
  const known = new Set(campaigns.map((campaign) => campaign.id));
  return [...new Set(dashList(bytesToText(asked)))].filter((id) => known.has(id));
}

/** The span of the server's calendar day `YYYY-MM-DD` (today when empty); an empty span when it names no day. */
function dayOf(ctx: NonAgentContext, date: string): { from: Date; to: Date } {
  const day = date === '' ? serverTime(ctx.now, ctx.settings.timeZone).local.slice(0, 10) : date;
  const from = parseLocalDateTime(`${day} 00:00:00`, ctx.settings.timeZone);
  const last = parseLocalDateTime(`${day} 23:59:59`, ctx.settings.timeZone);
  return from && last ? { from, to: new Date(last.getTime() + 1000) } : { from: new Date(0), to: new Date(0) };
}

/** Whether the call was placed (VICIdial's outbound log, the one its campaign rows count). */
async function placed(ctx: NonAgentContext, call: LeadCall): Promise<boolean> {
  const cdr = await ctx.core.getCdrOfCall(call.callId);
  const direction = cdr?.direction ?? (await ctx.core.getCall(call.callId))?.call.direction;
  return direction !== 'inbound';
}

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
    const wanted = new Set(dashList(bytesToText(input.statuses)));
    const calls: LeadCall[] = [];
    for (const call of await ctx.core.findLeadCalls(dayOf(ctx, input.queryDate), MOST)) {
      if (wanted.size > 0 && !wanted.has(call.status ?? UNDISPOSITIONED)) continue;
      if (await placed(ctx, call)) calls.push(call);
    }
    const lines: string[] = [];
    for (const campaignId of campaigns) lines.push(await statsLine(ctx, campaignId, calls.filter((call) => call.campaignId === campaignId)));
    return lines.join('\n');
  },
  render: (answer) => answer,
});
