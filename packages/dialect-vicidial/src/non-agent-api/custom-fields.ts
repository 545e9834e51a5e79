import type { CustomFieldsCopyMethod, Lead, ListCustomField } from '@pbx-gateway/core';
import { bytesToText, utf8ToBytes } from '../wire/php-params';
import { LEAD_TABLE_COLUMNS } from './lead-columns';
import type { NonAgentContext } from './operation';
import type { NonAgentParams } from './params';

/** Form elements that hold no value: VICIdial gives them no column in the list's custom table. */
const FORM_ONLY_TYPES: ReadonlySet<string> = new Set(['DISPLAY', 'SCRIPT', 'BUTTON', 'SWITCH']);

const LEAD_COLUMNS: ReadonlySet<string> = new Set(LEAD_TABLE_COLUMNS);

/**
 * Whether a field keeps a value of its own (a column of VICIdial's
 * `custom_<list_id>` table): not a form element only, not a second
 * appearance of another field, not one of the lead's own fields shown on
 * the form (its value is the lead's).
 */
export const keepsValue = (field: ListCustomField): boolean => !FORM_ONLY_TYPES.has(field.type) && !field.duplicate && !LEAD_COLUMNS.has(field.label);

/** The list's fields that keep values, in the order they were defined (the custom table's column order). */
export const valueFieldsOf = (fields: readonly ListCustomField[]): ListCustomField[] => fields.filter(keepsValue);

/**
 * A field's value as add_lead and update_lead read it, from the parameter
 * named by its label: `+` read as a space, `;` and `"` dropped, a last
 * backslash dropped (bytes).
 */
export const readCustomValue = (params: NonAgentParams, label: string): string => params.read(label, { drop: ';"', plusIsSpace: true }).replace(/\\$/, '');

/** What VICIdial's `sort` (byte order) makes of labels. */
export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const BLANK = '--BLANK--';

/**
 * The values a request gives the fields that keep one (each read from the
 * parameter named by its label; absent: empty, `--BLANK--`: empty), as
 * text, each cut to the field's longest value as its column keeps it.
 */
export function customValuesFrom(params: NonAgentParams, fields: readonly ListCustomField[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const given = readCustomValue(params, field.label);
    values[field.label] = [...bytesToText(given === BLANK ? '' : given)].slice(0, field.max).join('');
  }
  return values;
}

/**
 * Whether the request names the parameter as update_lead looks for each
 * field: `?label=` or `&label=` in the request as the script writes it
 * out (a field given first, with nothing before it, is not seen).
 */
export const namedInRequest = (params: NonAgentParams, label: string): boolean => {
  const query = params.rawQuery();
  return query.includes(`?${label}=`) || query.includes(`&${label}=`);
};

/**
 * `custom_fields=Y` on a new lead (add_lead, update_lead's insertion): its
 * values in its list's own fields, read from the parameters named by their
 * labels (every field that keeps a value is written, empty when not given);
 * the list becomes the lead's entry list. The NOTICE line says what was done.
 */
export async function newLeadCustomFieldsLine(ctx: NonAgentContext, lead: { id: number; phoneNumber: string; listId: string }): Promise<string> {
  const echo = `${lead.phoneNumber}|${lead.id}|${lead.listId}`;
  const listId = Number(lead.listId);
  const fields = await ctx.core.customFieldsOfList(listId);
  if (fields.length === 0) return `NOTICE: ${ctx.fn} CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST - ${echo}`;
  const kept = valueFieldsOf(fields);
  if (kept.length === 0) return `NOTICE: ${ctx.fn} CUSTOM FIELDS NOT ADDED, NO FIELDS DEFINED - ${echo}`;
  const set = await ctx.core.setLeadCustomValues({ leadId: lead.id, listId, values: customValuesFrom(ctx.params, kept) });
  // The count is of lead rows given this entry list: VICIdial's new lead has none yet (0), so its one row always changes.
  return `NOTICE: ${ctx.fn} CUSTOM FIELDS VALUES ADDED - ${echo}|${set ? 1 : 0}`;
}

/**
 * Why add_list and update_list will not copy a list's fields
 * (`custom_fields_copy`), worded as VICIdial's optional-field lines
 * (without their prefix and data); null when the copy may go ahead.
 */
export async function customFieldsCopyRefusal(ctx: NonAgentContext, copyFrom: string): Promise<string | null> {
  const source = await ctx.core.getLeadList(Number(copyFrom));
  if (!source) return 'CUSTOM FIELDS LIST ID TO COPY FROM DOES NOT EXIST';
  if ((await ctx.core.customFieldsOfList(source.id)).length === 0) return 'CUSTOM FIELDS LIST ID TO COPY FROM HAS NO CUSTOM FIELDS';
  if (!ctx.apiUser.customFieldsModify) return 'USER DOES NOT HAVE PERMISSION TO MODIFY CUSTOM FIELDS';
  return null;
}

/** `custom_copy_method`: APPEND (the default, for anything else), UPDATE or REPLACE. */
export const copyMethodOf = (asked: string): CustomFieldsCopyMethod => (asked === 'UPDATE' || asked === 'REPLACE' ? asked : 'APPEND');

/**
 * The labels of a list's fields whose values the caller sees X'd out: those
 * set to be hidden (any way but DISABLED), unless the caller may see hidden
 * fields (`admin_cf_show_hidden`). VICIdial's API hides every way alike,
 * X'ing out the whole value: LAST_4 and the like keep characters on the
 * agent's form only.
 */
export function hiddenLabelsOf(ctx: NonAgentContext, fields: readonly ListCustomField[]): Set<string> {
  if (ctx.apiUser.cfShowHidden) return new Set();
  return new Set(fields.filter((field) => field.showHide !== 'DISABLED').map((field) => field.label));
}

/** VICIdial's `preg_replace('/./', 'X', …)` over a value's bytes: every byte but a newline becomes X. */
export const xOut = (bytes: string): string => bytes.replace(/[^\n]/g, 'X');

/**
 * `custom_fields=Y` of the lead readers (lead_all_info, lead_status_search):
 * the lead's values in a list's fields that keep values, by rank then place
 * on the form (then the order defined), as label and value bytes; none at
 * all when the lead holds no values there. A value is X'd out when its
 * field is hidden from the caller, or (`hideEvery`) every value is.
 */
export async function customColumnsOf(ctx: NonAgentContext, lead: Pick<Lead, 'id'>, listId: number, hideEvery = false): Promise<Array<[string, string]>> {
  const defined = await ctx.core.customFieldsOfList(listId);
  const fields = valueFieldsOf(defined);
  if (fields.length === 0) return [];
  const values = await ctx.core.leadCustomValues(listId, lead.id);
  if (!values) return [];
  const hidden = hiddenLabelsOf(ctx, defined);
  const ordered = fields.map((field, place) => ({ field, place })).sort((a, b) => a.field.rank - b.field.rank || a.field.order - b.field.order || a.place - b.place);
  return ordered.map(({ field }) => {
    const value = utf8ToBytes(values[field.label] ?? '');
    return [utf8ToBytes(field.label), hideEvery || hidden.has(field.label) ? xOut(value) : value];
  });
}
