import { isFieldShowHide, type FieldShowHide, type ListCustomField } from '@pbx-gateway/core';
import { bytesToText } from '../wire/php-params';
import { LEAD_TABLE_COLUMNS } from './lead-columns';
import { WEB_TEXT } from './list-settings';
import type { NonAgentContext } from './operation';
import type { NonAgentParams } from './params';

/**
 * update_list's `custom_fields_add`, `custom_fields_update` and
 * `custom_fields_delete`: one field of the list defined, redefined or
 * removed, each answered by a NOTICE line. VICIdial hands the change to
 * its admin page (admin_lists_custom.php) and prints only whether that page
 * said SUCCESS or ERROR; the page's rules are applied here, before the
 * core is asked.
 */

const DIGITS = { keep: '0-9' };
const SWITCHES = { keep: '_0-9a-zA-Z' };
const BLANK = '--BLANK--';
/** The longest value VICIdial's admin form offers for a new field. */
const DEFAULT_MAX = 100;

/** Whether each of the three was asked (`Y`). */
export const readFieldChangesAsked = (params: NonAgentParams) => ({
  add: params.read('custom_fields_add', SWITCHES) === 'Y',
  update: params.read('custom_fields_update', SWITCHES) === 'Y',
  delete: params.read('custom_fields_delete', SWITCHES) === 'Y',
});

export type FieldChangesAsked = ReturnType<typeof readFieldChangesAsked>;

/** The field's settings as given (bytes, filtered); absent ones are empty. */
export const readFieldRequest = (params: NonAgentParams) => ({
  label: params.read('field_label', SWITCHES),
  name: params.read('field_name', WEB_TEXT),
  type: params.read('field_type', { keep: '0-9a-zA-Z' }),
  rank: params.read('field_rank', DIGITS),
  order: params.read('field_order', DIGITS),
  size: params.read('field_size', DIGITS),
  max: params.read('field_max', DIGITS),
  defaultValue: params.read('field_default', WEB_TEXT),
  options: params.read('field_options', WEB_TEXT),
  required: params.read('field_required', { keep: '_A-Z' }),
  duplicate: params.read('field_duplicate', { keep: '_A-Z' }),
  encrypt: params.read('field_encrypt', { keep: '_A-Z' }),
  showHide: params.read('field_show_hide', { keep: '_0-9A-Z' }),
});

type FieldRequest = ReturnType<typeof readFieldRequest>;

/** What update_list needs to know of the request and the list. */
export interface FieldChangeScope {
  /** The list number as given (digits). */
  listId: string;
  /** Whether the list exists among the caller's group's campaigns. */
  listExists: boolean;
  /** `custom_fields_copy` as given: VICIdial echoes it in its permission line. */
  copyFrom: string;
  asked: FieldChangesAsked;
  field: FieldRequest;
}

/** What VICIdial's admin page answered, as update_list prints it; NONE when the page did nothing. */
type PageAnswer = string;

/** Types whose options the agent chooses from: each needs `value,text` lines. */
const CHOICE_TYPES: ReadonlySet<string> = new Set(['SELECT', 'SOURCESELECT', 'MULTI', 'RADIO', 'CHECKBOX']);
/** Types whose default must fit the longest value. */
const SIZED_TYPES: ReadonlySet<string> = new Set(['TEXT', 'READONLY', 'HIDDEN']);
const LEAD_COLUMNS: ReadonlySet<string> = new Set(LEAD_TABLE_COLUMNS);

/** The admin page works only on list numbers from 100 on. */
const pageWorksOn = (listId: number): boolean => listId > 99;

/** MySQL compares labels without regard to case. */
const sameLabel = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/**
 * The admin page's rules for the options of a field: a choice type needs
 * at least one line of a value and a text (`,`, or `|` for SOURCESELECT),
 * a SWITCH a line whose value is this list.
 */
function optionsRefused(type: string, options: string, listId: number): boolean {
  const lines = options.split('\n').filter((line) => /,|\|/.test(line));
  const pairs = lines.map((line) => line.split(type === 'SOURCESELECT' ? '|' : ','));
  if (CHOICE_TYPES.has(type)) {
    const valid = pairs.filter((pair) => (pair[0] ?? '') !== '' && (pair[1] ?? '') !== '').length;
    return !/,|\|/.test(options) || !options.includes('\n') || options.length < 6 || valid < 1;
  }
  return type === 'SWITCH' && !pairs.some((pair) => pair[0] === String(listId));
}

/** A default longer than the field keeps, for the types that keep it as typed. */
const defaultTooLong = (type: string, max: number, defaultValue: string): boolean => SIZED_TYPES.has(type) && max < defaultValue.length;

/** A way of hiding the field's values as given; anything else keeps what was (the column's enumeration takes no other word). */
const showHideOr = (given: string, kept: FieldShowHide): FieldShowHide => (isFieldShowHide(given) ? given : kept);

const numberOr = (given: string, fallback: number): number => (given === '' ? fallback : Number(given));
const blankable = (given: string, fallback: string): string => (given === '' ? fallback : given === BLANK ? '' : bytesToText(given));

/** A new field as the admin page adds it: its defaults for what is not given. */
async function addField(ctx: NonAgentContext, listId: number, given: FieldRequest): Promise<PageAnswer> {
  if (!pageWorksOn(listId)) return 'NONE';
  const refused = 'ERROR: Field not added';
  const fields = await ctx.core.customFieldsOfList(listId);
  const size = Number(given.size);
  // Without field_max the admin form's own default, as provisioning's ([INF]).
  const max = numberOr(given.max, DEFAULT_MAX);
  const duplicate = given.duplicate === 'Y';
  const exists = fields.some((field) => sameLabel(field.label, given.label));
  if (given.name.length < 2 || defaultTooLong(given.type, max, given.defaultValue) || optionsRefused(given.type, given.options, listId)) return refused;
  if (exists !== duplicate || (duplicate && given.type !== 'TEXT')) return refused;
  let label = LEAD_COLUMNS.has(given.label.toLowerCase()) ? given.label.toLowerCase() : given.label;
  if (duplicate) {
    const copies = fields.filter((field) => field.label.toLowerCase().startsWith(label.toLowerCase())).length;
    label = `${label}_DUPLICATE_${String(copies).padStart(3, '0')}`;
  }
  await ctx.core.defineListCustomField({
    listId,
    label,
    name: bytesToText(given.name),
    type: given.type,
    rank: Number(given.rank),
    order: numberOr(given.order, 1),
    size,
    max,
    defaultValue: bytesToText(given.defaultValue),
    options: bytesToText(given.options),
    required: given.required === 'Y',
    duplicate,
    encrypt: given.encrypt === 'Y',
    showHide: showHideOr(given.showHide, 'DISABLED'),
  });
  return 'SUCCESS: Field added';
}

/** The field as the request redefines it: what is not given stays, `--BLANK--` empties the texts. */
function redefined(field: ListCustomField, given: FieldRequest): ListCustomField {
  const yesNo = (value: string, kept: boolean): boolean => (value === 'Y' ? true : value === 'N' ? false : kept);
  const duplicate = yesNo(given.duplicate, field.duplicate);
  return {
    ...field,
    name: given.name === '' ? field.name : bytesToText(given.name),
    type: given.type === '' ? field.type : given.type,
    rank: numberOr(given.rank, field.rank),
    order: numberOr(given.order, field.order),
    size: numberOr(given.size, field.size),
    max: numberOr(given.max, field.max),
    defaultValue: blankable(given.defaultValue, field.defaultValue),
    options: blankable(given.options, field.options),
    required: yesNo(given.required, field.required),
    duplicate,
    encrypt: yesNo(given.encrypt, field.encrypt),
    showHide: showHideOr(given.showHide, field.showHide),
  };
}

/** The admin page's change of a field; the field a duplicate is kept as TEXT. */
async function updateField(ctx: NonAgentContext, listId: number, field: ListCustomField): Promise<PageAnswer> {
  if (!pageWorksOn(listId)) return 'NONE';
  const stored = field.duplicate ? { ...field, type: 'TEXT' } : field;
  if (defaultTooLong(stored.type, stored.max, stored.defaultValue) || optionsRefused(stored.type, stored.options, listId)) return 'ERROR: Field not updated';
  await ctx.core.defineListCustomField(stored);
  return 'SUCCESS: Field updated';
}

async function deleteField(ctx: NonAgentContext, listId: number, label: string): Promise<PageAnswer> {
  if (!pageWorksOn(listId)) return 'NONE';
  return (await ctx.core.removeListCustomField({ listId, label })) ? 'SUCCESS: Field deleted' : 'ERROR: Field not deleted';
}

/**
 * The NOTICE lines of the three changes asked, in VICIdial's order (add,
 * update, delete). Each first needs a list to work on: one of the caller's
 * group's, or any list number that has fields already; then
 * `custom_fields_modify`; then the field's label (and, to add, its name,
 * size, type and rank).
 */
export async function listFieldChangeLines(ctx: NonAgentContext, scope: FieldChangeScope): Promise<string[]> {
  const { listId: given, field } = scope;
  const listId = Number(given);
  const notice = (reason: string, data: string) => `NOTICE: update_list ${reason}, THIS IS AN OPTIONAL FIELD: |${ctx.user}|${given}|${data}`;
  const lines: string[] = [];
  const mayChange = async (verb: string): Promise<boolean> => {
    if (!scope.listExists && (await ctx.core.customFieldsOfList(listId)).length === 0) {
      lines.push(notice(`CUSTOM FIELDS LIST ID TO ${verb} TO HAS NO CUSTOM FIELDS`, '0'));
      return false;
    }
    if (!ctx.apiUser.customFieldsModify) {
      lines.push(notice('USER DOES NOT HAVE PERMISSION TO MODIFY CUSTOM FIELDS', `${scope.copyFrom}|0`));
      return false;
    }
    return true;
  };
  const known = async (): Promise<ListCustomField | undefined> => (await ctx.core.customFieldsOfList(listId)).find((defined) => sameLabel(defined.label, field.label));
  const sent = (verb: string, data: string) => `NOTICE: update_list ${verb} CUSTOM FIELD COMMAND SENT - ${ctx.user}|${given}|${data}|`;
  const asGiven = `${field.label}|${field.name}|${field.size}|${field.type}|${field.rank}|`;

  if (scope.asked.add && (await mayChange('ADD'))) {
    if ([field.label, field.name, field.size, field.type, field.rank].includes('')) lines.push(notice('REQUIRED CUSTOM FIELDS VARIABLES ARE MISSING, FIELD NOT ADDED', asGiven));
    else lines.push(sent('ADD', `${field.label}|${field.type}|${await addField(ctx, listId, field)}`));
  }
  if (scope.asked.update && (await mayChange('UPDATE'))) {
    const current = field.label === '' ? undefined : await known();
    if (field.label === '') lines.push(notice('REQUIRED CUSTOM FIELDS VARIABLES ARE MISSING, FIELD NOT UPDATED', '|'));
    else if (!current) lines.push(notice('FIELD DOES NOT EXIST, FIELD NOT UPDATED', asGiven));
    else {
      const next = redefined(current, field);
      lines.push(sent('UPDATE', `${field.label}|${next.type}|${await updateField(ctx, listId, next)}`));
    }
  }
  if (scope.asked.delete && (await mayChange('DELETE'))) {
    const current = field.label === '' ? undefined : await known();
    if (field.label === '') lines.push(notice('REQUIRED CUSTOM FIELDS VARIABLES ARE MISSING, FIELD NOT DELETED', '|'));
    else if (!current) lines.push(notice('FIELD DOES NOT EXIST, FIELD NOT DELETED', `${field.label}|`));
    // VICIdial echoes a field number it never reads from the request: empty.
    else lines.push(sent('DELETE', `${field.label}||${await deleteField(ctx, listId, current.label)}`));
  }
  return lines;
}
