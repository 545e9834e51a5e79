import { mayWorkWithCampaign, type LeadCall, type LeadCallSearch } from '@pbx-gateway/core';
import { bytesToText } from '../../wire/php-params';
import { parseLocalDateTime } from '../../wire/server-time';
import { LEAD_INFO_COLUMNS, leadColumns } from '../lead-columns';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { readWith } from '../params';
import { customColumnsOf } from '../custom-fields';
import { ARCHIVED_LEAD_FILTER, leadTableOf } from '../lead-table';

/** VICIdial reads at most this many log entries of a day. */
const MOST = 1000;

const COLUMNS = ['lead_id', ...LEAD_INFO_COLUMNS, 'entry_list_id'] as const;

const readInput = readWith((params) => ({
  status: params.read('status', { keep: '-_0-9{L}' }),
  date: params.read('date', { keep: '-0-9' }),
  leadId: params.read('lead_id', { keep: '0-9' }),
  customFields: params.read('custom_fields', { keep: 'A-Z' }),
  listId: params.read('list_id', { keep: '0-9' }),
  archivedLead: params.read('archived_lead', ARCHIVED_LEAD_FILTER),
}));

/** A day of the server's calendar, `YYYY-MM-DD`, as the span of time it names; null when it names none. */
function dayOf(date: string, timeZone: string): { from: Date; to: Date } | null {
  const from = parseLocalDateTime(`${date} 00:00:00`, timeZone);
  const last = parseLocalDateTime(`${date} 23:59:59`, timeZone);
  return from && last ? { from, to: new Date(last.getTime() + 1000) } : null;
}

/** Whether the call was taken (VICIdial's inbound log) rather than placed (its outbound log). */
async function inbound(ctx: NonAgentContext, call: LeadCall): Promise<boolean> {
  const cdr = await ctx.core.getCdrOfCall(call.callId);
  const direction = cdr?.direction ?? (await ctx.core.getCall(call.callId))?.call.direction;
  return direction === 'inbound';
}

/**
 * The leads of the log entries, each once: those of the calls placed in
 * the campaigns the caller's group allows first, then those of the calls
 * taken, as VICIdial reads its outbound log and then its inbound one.
 */
async function leadsOf(ctx: NonAgentContext, calls: readonly LeadCall[]): Promise<number[]> {
  const group = await ctx.core.getUserGroup(ctx.apiUser.group);
  const placed: number[] = [];
  const taken: number[] = [];
  for (const call of calls) {
    if (await inbound(ctx, call)) taken.push(call.leadId);
    else if (group === null || (call.campaignId !== null && mayWorkWithCampaign(group, call.campaignId))) placed.push(call.leadId);
  }
  return [...new Set([...placed, ...taken])];
}

/** With `api_list_restrict`, a lead of a list outside the group's campaigns is left out. */
async function listShown(ctx: NonAgentContext): Promise<(listId: number) => Promise<boolean>> {
  if (!ctx.apiUser.apiListRestrict) return async () => true;
  const group = await ctx.core.getUserGroup(ctx.apiUser.group);
  if (!group || group.allowedCampaigns === null) return async () => true;
  return async (listId) => {
    const list = await ctx.core.getLeadList(listId);
    return list !== null && mayWorkWithCampaign(group, list.campaignId);
  };
}

/**
 * lead_status_search: every field of the leads whose calls of a day were
 * given a status (or of one lead's calls), one record each of `name =>
 * value` lines, as VICIdial prints them; with `custom_fields=Y` the
 * lead's values in its entry list's own fields follow. `archived_lead=Y`
 * prints the archived leads of those calls instead.
 */
export const leadStatusSearch = defineNonAgentFunction({
  name: 'lead_status_search',
  function: 'lead_status_search',
  auth: {
    allows: (user) => user.level > 6 && user.modifyLeads >= 1 && user.modifyLeads <= 4,
    denied: (user) => `ERROR: lead_status_search USER DOES NOT HAVE PERMISSION TO GET LEAD INFO: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const { status, date, leadId } = input;
    let search: LeadCallSearch;
    if (status !== '' && date.length === 10) {
      const day = dayOf(date, ctx.settings.timeZone);
      // A date naming no day matches no call, as MySQL compares it.
      search = day ? { status: bytesToText(status), ...day } : { status: bytesToText(status), from: new Date(0), to: new Date(0) };
    } else if (leadId !== '') {
      search = { leadId: Number(leadId) };
    } else {
      throw refuse(`ERROR: lead_status_search INVALID SEARCH PARAMETERS: ${ctx.user}|${status}|${date}|${leadId}`);
    }
    const leadIds = await leadsOf(ctx, await ctx.core.findLeadCalls(search, MOST));
    const shown = await listShown(ctx);
    const table = leadTableOf(ctx, input.archivedLead);
    const lines: string[] = [];
    let record = 0;
    for (const id of leadIds) {
      const lead = await table.get(id);
      if (!lead || !(await shown(lead.listId))) continue;
      const values = leadColumns(lead, ctx.settings.timeZone);
      record += 1;
      lines.push(`;---------- START OF RECORD ${record} ----------`);
      for (const column of COLUMNS) lines.push(`${column} => ${values[column]}`);
      if (input.customFields !== 'Y') continue;
      // `list_id` reads another list's fields than the lead's entry list's.
      const customList = input.listId === '' ? lead.entryListId : Number(input.listId);
      // A value's tabs and line ends would break the `name => value` lines: VICIdial writes them out.
      for (const [label, value] of await customColumnsOf(ctx, lead, customList)) lines.push(`${label} => ${value.replace(/\t/g, ' -- ').replace(/\n|\r\n/g, '!N')}`);
    }
    // VICIdial echoes a variable this function never sets where the date would be: empty.
    if (lines.length === 0) throw refuse(`ERROR: lead_status_search NO RESULTS FOUND: ${ctx.user}|${leadId}|${status}|`);
    return lines.join('\n');
  },
  render: (answer) => answer,
});
