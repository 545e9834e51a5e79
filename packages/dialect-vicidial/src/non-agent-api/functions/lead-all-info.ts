import type { Lead } from '@pbx-gateway/core';
import { LEAD_INFO_COLUMNS, leadColumns } from '../lead-columns';
import { leadListVisible } from '../list-restriction';
import { ARCHIVED_LEAD_FILTER, leadTableOf } from '../lead-table';
import { defineNonAgentFunction, refuse } from '../operation';
import { readWith } from '../params';
import { customColumnsOf } from '../custom-fields';

const COLUMNS = [...LEAD_INFO_COLUMNS, 'entry_list_id', 'lead_id'] as const;

/** lead_all_info's own separators: csv, tab, newline, else a pipe. */
const SEPARATORS: Readonly<Record<string, string>> = { csv: ',', tab: '\t', newline: '\n', pipe: '|' };

/** At most this many leads of one number, the newest first. */
const MOST = 1000;

const readInput = readWith((params) => ({
  leadId: params.read('lead_id', { keep: '0-9' }),
  phoneNumber: params.read('phone_number', { keep: '0-9' }),
  stage: params.read('stage', { keep: '0-9{L}' }),
  header: params.read('header', { keep: '0-9{L}' }),
  customFields: params.read('custom_fields', { keep: 'A-Z' }),
  forceEntryListId: params.read('force_entry_list_id', { keep: '0-9' }),
  archivedLead: params.read('archived_lead', ARCHIVED_LEAD_FILTER),
}));

/** A lead's values in VICIdial's column order. */
const valuesOf = (lead: Lead, timeZone: string): string[] => {
  const values = leadColumns(lead, timeZone);
  return COLUMNS.map((column) => values[column]);
};

/**
 * lead_all_info: every field of a lead (by `lead_id`), or of each lead with
 * a number (`phone_number`, the newest first), one row each, each after
 * its own header with `header=YES`; with `custom_fields=Y` the values of
 * its entry list's own fields (or `force_entry_list_id`'s) follow. Leads of lists the caller's group may
 * not see are left out; with `api_list_restrict` each says so first.
 * `archived_lead=Y` reads archived leads instead.
 */
export const leadAllInfo = defineNonAgentFunction({
  name: 'lead_all_info',
  function: 'lead_all_info',
  auth: {
    allows: (user) => user.level > 6 && user.viewReports && user.modifyLeads >= 1 && user.modifyLeads <= 5,
    denied: (user) => `ERROR: lead_all_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const { leadId, phoneNumber } = input;
    const notFound = `ERROR: lead_all_info LEAD NOT FOUND: ${ctx.user}|${leadId}|${phoneNumber}`;
    const byNumber = phoneNumber.length >= 6 && phoneNumber.length <= 19;
    if (leadId === '' && !byNumber) throw refuse(notFound);
    const search = leadId !== '' ? { leadId: Number(leadId) } : { phoneNumber };
    const leads = await leadTableOf(ctx, input.archivedLead).find({ ...search, newestFirst: true }, MOST);
    if (leads.length === 0) throw refuse(notFound);

    const separator = SEPARATORS[input.stage] ?? '|';
    const visible = await leadListVisible(ctx);
    const refusals: string[] = [];
    const rows: string[] = [];
    let hiddenList: number | null = null;
    for (const lead of leads) {
      if (await visible(lead)) {
        // force_entry_list_id names the list whose fields are read instead of the entry list.
        const customList = input.forceEntryListId.length > 1 ? Number(input.forceEntryListId) : lead.entryListId;
        const custom = input.customFields === 'Y' ? await customColumnsOf(ctx, lead, customList, ctx.apiUser.hideLeadData) : [];
        if (input.header === 'YES') rows.push([...COLUMNS, ...custom.map(([label]) => label)].join(separator));
        rows.push([...valuesOf(lead, ctx.settings.timeZone), ...custom.map(([, value]) => value)].join(separator));
        continue;
      }
      hiddenList = lead.listId;
      if (ctx.apiUser.apiListRestrict) refusals.push(`ERROR: lead_all_info LIST NOT FOUND: ${ctx.user}|${leadId}|${phoneNumber}`);
    }
    if (rows.length > 0) return [...refusals, ...rows].join('\n');
    throw refuse([...refusals, `ERROR: lead_all_info LIST NOT FOUND: ${ctx.user}|${leadId}|${phoneNumber}|${hiddenList ?? ''}`].join('\n'));
  },
  render: (lines) => lines,
});
