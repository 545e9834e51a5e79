import { mayWorkWithCampaign, type Campaign, type LeadCall, type QueueCall } from '@pbx-gateway/core';
import { bytesToText } from '../wire/php-params';
import { parseLocalDateTime, serverTime } from '../wire/server-time';
import type { NonAgentContext } from './operation';

/** The log entries a report reads, as many as VICIdial's reports read. */
export const MOST_REPORTED = 10_000_000;

/** A placed call the agent has not dispositioned yet: VICIdial's log says INCALL. */
export const UNDISPOSITIONED = 'INCALL';

const ALL_CAMPAIGNS = new Set(['---ALL---', 'ALLCAMPAIGNS']);

/** A dash-separated list of the reports (campaigns, statuses, users), its empty items dropped. */
export const dashList = (text: string): string[] => bytesToText(text).split('-').filter((item) => item !== '');

/** The campaigns asked that exist and that the caller's group may report on, in the order asked (all: by id). */
export async function campaignsAsked(ctx: NonAgentContext, asked: string): Promise<string[]> {
  const group = await ctx.core.getUserGroup(ctx.apiUser.group);
  const allowed = (campaign: Campaign): boolean => group === null || mayWorkWithCampaign(group, campaign.id);
  const campaigns = (await ctx.core.listCampaigns()).filter(allowed);
  if (ALL_CAMPAIGNS.has(asked)) return campaigns.map((campaign) => campaign.id).sort();
  const known = new Set(campaigns.map((campaign) => campaign.id));
  return [...new Set(dashList(asked))].filter((id) => known.has(id));
}

/** The server's calendar day `YYYY-MM-DD` asked, today when empty. */
const dayAsked = (ctx: NonAgentContext, date: string): string => (date === '' ? serverTime(ctx.now, ctx.settings.timeZone).local.slice(0, 10) : date);

/** The span from the start of day `first` to the end of day `last` (today when empty); empty when either names no day. */
export function daysOf(ctx: NonAgentContext, first: string, last = first): { from: Date; to: Date } {
  const from = parseLocalDateTime(`${dayAsked(ctx, first)} 00:00:00`, ctx.settings.timeZone);
  const end = parseLocalDateTime(`${dayAsked(ctx, last)} 23:59:59`, ctx.settings.timeZone);
  return from && end ? { from, to: new Date(end.getTime() + 1000) } : { from: new Date(0), to: new Date(0) };
}

/** Whether the call was placed (VICIdial's outbound log, the one its campaign reports count). */
export async function placed(ctx: NonAgentContext, call: LeadCall): Promise<boolean> {
  const cdr = await ctx.core.getCdrOfCall(call.callId);
  const direction = cdr?.direction ?? (await ctx.core.getCall(call.callId))?.call.direction;
  return direction !== 'inbound';
}

/** The calls placed in the span, those with a status asked only (any when none is asked), in the order logged. */
export async function placedCalls(ctx: NonAgentContext, span: { from: Date; to: Date }, statuses: ReadonlySet<string>): Promise<LeadCall[]> {
  const calls: LeadCall[] = [];
  for (const call of await ctx.core.findLeadCalls(span, MOST_REPORTED)) {
    if (statuses.size > 0 && !statuses.has(call.status ?? UNDISPOSITIONED)) continue;
    if (await placed(ctx, call)) calls.push(call);
  }
  return calls;
}

/**
 * The status VICIdial's closer log gives a call that entered an in-group:
 * the agent's disposition once given; INCALL while taken and not yet
 * dispositioned (as placed calls); QUEUE while waiting; TIMEOT when the
 * in-group's longest wait ran out; DROP when the caller left unserved.
 */
export function queueCallStatus(call: QueueCall): string {
  if (call.disposition !== null) return call.disposition;
  switch (call.stage) {
    case 'waiting':
    case 'ringing_agent':
      return 'QUEUE';
    case 'connected':
      return UNDISPOSITIONED;
    case 'timed_out':
      return 'TIMEOT';
    default:
      return 'DROP';
  }
}

/** The calls that entered the in-groups in the span (VICIdial's closer log), those with a status asked only (any when none is asked). */
export async function queueCallsOf(ctx: NonAgentContext, inGroups: readonly string[], span: { from: Date; to: Date }, statuses: ReadonlySet<string>): Promise<QueueCall[]> {
  if (inGroups.length === 0) return [];
  const calls = await ctx.core.findQueueCalls({ queueNames: inGroups, ...span });
  return calls.filter((call) => statuses.size === 0 || statuses.has(queueCallStatus(call)));
}

const ALL_IN_GROUPS = new Set(['---ALL---', 'ALLGROUPS']);

/** The in-groups a report asks for, by name: every one for `ALLGROUPS` or `---ALL---` (as VICIdial, the names asked are not checked). */
export async function inGroupsAsked(ctx: NonAgentContext, asked: string): Promise<string[]> {
  const names = dashList(asked);
  if (names.some((name) => ALL_IN_GROUPS.has(name)) || bytesToText(asked).includes('---ALL---')) return (await ctx.core.listQueues()).map((queue) => queue.name).sort();
  return [...new Set(names)].sort();
}
