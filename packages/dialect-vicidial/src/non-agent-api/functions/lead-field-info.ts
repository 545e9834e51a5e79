import type { Lead } from '@pbx-gateway/core';
import { utf8ToBytes } from '../../wire/php-params';
import { hiddenLabelsOf, valueFieldsOf, xOut } from '../custom-fields';
import { leadColumns, leadTableColumn } from '../lead-columns';
import { leadListVisible } from '../list-restriction';
import { ARCHIVED_LEAD_FILTER, leadTableOf } from '../lead-table';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { readWith } from '../params';

/** A lead number of at most 11 digits, as VICIdial searches by it. */
const LONGEST_LEAD_ID = 11;

const readInput = readWith((params) => ({
  leadId: params.read('lead_id', { keep: '0-9' }),
  // VICIdial's last filter of field_name keeps space, `.`, and `,` to `_` (a range: digits, upper case, `:;<=>?@[\]^` too).
  fieldName: params.read('field_name', { keep: ' .,-_0-9{L}' }),
  customFields: params.read('custom_fields', { keep: '0-9{L}' }),
  archivedLead: params.read('archived_lead', ARCHIVED_LEAD_FILTER),
  listId: params.read('list_id', { keep: '0-9' }),
}));

/**
 * `custom_fields=Y`: VICIdial's `SELECT <field_name> FROM custom_<list>`
 * for the lead, the list being `list_id` when given, else the lead's entry
 * list: the first named column's value (`lead_id` or a field that keeps
 * values, names read without case); null when a name is not a column or
 * the lead holds no values there (no row). The value is X'd out for a
 * caller from whom the named field is hidden, or who sees no lead data.
 */
async function customValueOf(ctx: NonAgentContext, lead: Lead, fieldName: string, listIdGiven: string): Promise<string | null> {
  const listId = listIdGiven === '' ? lead.entryListId : Number(listIdGiven);
  if (!Number.isSafeInteger(listId)) return null;
  const defined = await ctx.core.customFieldsOfList(listId);
  const labels = valueFieldsOf(defined).map((field) => field.label);
  const columns = fieldName.split(',').map((name) => ['lead_id', ...labels].find((column) => column.toLowerCase() === name.trim().toLowerCase()));
  const first = columns[0];
  if (first === undefined || columns.some((column) => column === undefined)) return null;
  const values = await ctx.core.leadCustomValues(listId, lead.id);
  if (!values) return null;
  const value = first === 'lead_id' ? String(lead.id) : utf8ToBytes(values[first] ?? '');
  // VICIdial looks the name up as given (case and all) among the hidden labels, ",a,b," against ",<field_name>,".
  const hidden = `,${[...hiddenLabelsOf(ctx, defined)].join(',')},`.includes(`,${fieldName},`);
  return hidden || ctx.apiUser.hideLeadData ? xOut(value) : value;
}

/**
 * The column VICIdial's `SELECT <field_name>` prints: the first of a
 * comma-separated list of columns; null when any is not a column of the
 * lead table (the query fails).
 */
function firstColumnOf(fieldName: string): ReturnType<typeof leadTableColumn> {
  const columns = fieldName.split(',').map((name) => leadTableColumn(name.trim()));
  return columns.some((column) => column === null) ? null : (columns[0] ?? null);
}

/**
 * lead_field_info: the value of one field of a lead (with `custom_fields=Y`
 * one of its list's own fields), printed alone without a newline; with
 * `archived_lead=Y` of an archived lead.
 */
export const leadFieldInfo = defineNonAgentFunction({
  name: 'lead_field_info',
  function: 'lead_field_info',
  auth: {
    allows: (user) => user.level > 6 && user.modifyLeads >= 1 && user.modifyLeads <= 4,
    denied: (user) => `ERROR: lead_field_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const { leadId, fieldName } = input;
    if (leadId === '' || leadId.length > LONGEST_LEAD_ID || fieldName === '') {
      throw refuse(`ERROR: lead_field_info INVALID SEARCH PARAMETERS: ${ctx.user}|${leadId}|${fieldName}`);
    }
    const lead = await leadTableOf(ctx, input.archivedLead).get(Number(leadId));
    if (!lead) throw refuse(`ERROR: lead_field_info LEAD NOT FOUND: ${ctx.user}|${leadId}`);
    if (!(await (await leadListVisible(ctx))(lead))) throw refuse(`ERROR: lead_field_info LIST NOT FOUND: ${ctx.user}|${leadId}|${lead.listId}`);
    const notFound = `ERROR: lead_field_info LIST FIELD NOT FOUND: ${ctx.user}|${leadId}`;
    if (input.customFields === 'Y') {
      const value = await customValueOf(ctx, lead, fieldName, input.listId);
      if (value === null) throw refuse(notFound);
      return { bare: value };
    }
    const column = firstColumnOf(fieldName);
    if (!column) throw refuse(notFound);
    return { bare: leadColumns(lead, ctx.settings.timeZone)[column] };
  },
  render: (answer) => answer,
});
