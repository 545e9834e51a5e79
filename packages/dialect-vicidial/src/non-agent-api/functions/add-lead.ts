import { isDomainError, type DomainErrorDetails, type DuplicateCheck, type DuplicateMatch, type DuplicateScope } from '@pbx-gateway/core';
import { WireRefusal } from '@pbx-gateway/dialect-kit';
import { asked, LEAD_PARAM_FILTERS, leadFieldsOf, STORED_LEAD_PARAMS, type StoredLeadParams } from '../../agent-api/lead-params';
import { keptByColumns, keptListId } from '../../wire/kept-lead-values';
import { bytesToText, utf8ToBytes } from '../../wire/php-params';
import { newLeadGmtOffset, timeZoneMethodOf } from '../../wire/gmt-offset';
import { listAllowed } from '../list-restriction';
import { defineNonAgentFunction, refuse, type NonAgentContext, type NonAgentRefusal } from '../operation';
import { callbackOf, readCallbackParams, type CallbackParams } from '../lead-callback';
import { IDENTIFIER, readWith } from '../params';
import { newLeadCustomFieldsLine } from '../custom-fields';
import { addToHopperLine, readHopperParams, type HopperParams } from '../lead-hopper';
import { nanpaDataLoaded, onNanpaExchange } from '../nanpa';

interface AddLeadInput extends StoredLeadParams {
  callback: CallbackParams;
  hopper: HopperParams;
  list_id: string;
  list_exists_check: string;
  duplicate_check: string;
  dnc_check: string;
  campaign_dnc_check: string;
  custom_fields: string;
  tz_method: string;
  usacan_prefix_check: string;
  usacan_areacode_check: string;
  nanpa_ac_prefix_check: string;
}

const readInput = readWith((params): AddLeadInput => {
  const lead = {} as StoredLeadParams;
  for (const name of STORED_LEAD_PARAMS) lead[name] = params.read(name, LEAD_PARAM_FILTERS[name]);
  return {
    ...lead,
    // The Non-Agent API keeps digits only in a phone number.
    phone_number: params.read('phone_number', { keep: '0-9' }),
    phone_code: params.read('phone_code', { keep: '0-9' }) || '1',
    list_id: params.read('list_id', { keep: '0-9' }) || '999',
    list_exists_check: params.read('list_exists_check', { keep: 'A-Z' }),
    duplicate_check: params.read('duplicate_check', IDENTIFIER),
    dnc_check: params.read('dnc_check', IDENTIFIER),
    campaign_dnc_check: params.read('campaign_dnc_check', IDENTIFIER),
    custom_fields: params.read('custom_fields', { keep: 'A-Z' }),
    tz_method: params.read('tz_method', IDENTIFIER),
    usacan_prefix_check: params.read('usacan_prefix_check', { keep: 'A-Z' }),
    usacan_areacode_check: params.read('usacan_areacode_check', { keep: 'A-Z' }),
    nanpa_ac_prefix_check: params.read('nanpa_ac_prefix_check', { keep: 'A-Z' }),
    callback: readCallbackParams(params),
    hopper: readHopperParams(params),
  };
});

const SCOPES: ReadonlyArray<[string, DuplicateScope]> = [
  ['LIST', 'list'],
  ['CAMP', 'campaign'],
  ['SYS', 'system'],
];

const MATCHES: ReadonlyArray<[string, DuplicateMatch]> = [
  ['', 'phone'],
  ['PHONEALT', 'phoneOrAltPhone'],
  ['TITLEALTPHONE', 'titleAltPhone'],
  ['NAMEPHONE', 'namePhone'],
];

/**
 * `duplicate_check` names DUP<match><scope> words (DUPLIST, DUPPHONEALTCAMP,
 * DUPNAMEPHONESYS …), each optionally limited to `<n>DAY`s, found anywhere
 * in the flag, in either case; checked as VICIdial checks them: by match
 * (number, number or alternate, title and alternate, names and number),
 * each in the list, the campaign's lists, then the system.
 */
export function duplicateChecksOf(flag: string): DuplicateCheck[] {
  const checks: DuplicateCheck[] = [];
  for (const [matchWord, match] of MATCHES) {
    for (const [word, scope] of SCOPES) {
      const found = new RegExp(`DUP${matchWord}${word}(\\d+DAY)?`, 'i').exec(flag);
      if (found) checks.push({ scope, match, withinDays: found[1] === undefined ? null : Number.parseInt(found[1], 10) });
    }
  }
  return checks;
}

const number = (ctx: NonAgentContext): string => ctx.params.read('phone_number', { keep: '0-9' });
const listOf = (ctx: NonAgentContext): string => ctx.params.read('list_id', { keep: '0-9' }) || '999';

const numberInDnc: NonAgentRefusal = {
  text: (ctx, details) =>
    details.system === true
      ? `ERROR: add_lead PHONE NUMBER IN DNC - ${number(ctx)}|${ctx.user}`
      : `ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - ${number(ctx)}|${utf8ToBytes(String(details.campaignId ?? ''))}|${ctx.user}`,
};

const SCOPE_WORDS: Readonly<Record<string, string>> = { list: 'IN LIST', campaign: 'IN CAMPAIGN LISTS', system: 'IN SYSTEM' };

/** The fields each line names before the list, as the request gave them. */
const duplicateSubject = (ctx: NonAgentContext, match: unknown): { words: string; fields: string[] } => {
  const field = (name: 'title' | 'alt_phone' | 'first_name' | 'last_name'): string => ctx.params.read(name, LEAD_PARAM_FILTERS[name]);
  if (match === 'titleAltPhone') return { words: 'TITLE ALT_PHONE', fields: [field('title'), field('alt_phone')] };
  if (match === 'namePhone') return { words: 'NAME PHONE', fields: [field('first_name'), field('last_name'), number(ctx)] };
  return { words: 'PHONE NUMBER', fields: [number(ctx)] };
};

const duplicate: NonAgentRefusal = {
  text: (ctx, details: DomainErrorDetails) => {
    const { words, fields } = duplicateSubject(ctx, details.match);
    const data = [...fields, listOf(ctx), String(details.leadId)];
    if (details.scope !== 'list') data.push(String(details.listId));
    // The number-or-alternate checks say which of the earlier lead's numbers it was.
    if (details.match === 'phoneOrAltPhone') data.push(details.matchedAs === 'phone' ? 'PHONE' : 'ALT');
    return `ERROR: add_lead DUPLICATE ${words} ${SCOPE_WORDS[String(details.scope)] ?? ''} - ${data.join('|')}`;
  },
};

/** The store refusing the lead (values are first kept as VICIdial's MySQL keeps them): the product's line, with its SQL left out (spec §2.3). */
const notAdded: NonAgentRefusal = { text: (ctx) => `ERROR: add_lead LEAD HAS NOT BEEN ADDED - ${number(ctx)}|${listOf(ctx)}||${ctx.user}` };

const listMissing = (ctx: NonAgentContext): string => `ERROR: add_lead NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED - ${number(ctx)}|${listOf(ctx)}`;

/**
 * The number's own validity, in VICIdial's order: its length, then with
 * `usacan_prefix_check=Y` a fourth digit of 2 or more, with
 * `usacan_areacode_check=Y` an area code of country 1 in the phone codes
 * (VICIdial names 10 digits there too but refuses only an unknown area
 * code), with `nanpa_ac_prefix_check=Y` (and the prefix data loaded) an
 * exchange the NANPA prefixes hold. The first failing check's words, or null.
 */
async function invalidNumber(ctx: NonAgentContext, input: AddLeadInput): Promise<string | null> {
  const number = input.phone_number;
  if (number.length < 6 || number.length > 16) return 'INVALID PHONE NUMBER LENGTH';
  if (input.usacan_prefix_check === 'Y' && Number(number.charAt(3)) < 2) return 'INVALID PHONE NUMBER PREFIX';
  if (input.usacan_areacode_check === 'Y' && (await ctx.core.findPhoneCodes({ countryCode: '1', areaCode: number.slice(0, 3) })).length === 0) {
    return 'INVALID PHONE NUMBER AREACODE';
  }
  if (input.nanpa_ac_prefix_check === 'Y' && !(await onNanpaExchange(ctx, number))) return 'INVALID PHONE NUMBER NANPA AREACODE PREFIX';
  return null;
}

/**
 * With `nanpa_ac_prefix_check=Y` or a `tz_method` naming NANPA while the
 * prefix data is not loaded, VICIdial's NOTICE line, and the options with
 * NANPA switched off (the number is then located by the rest of its method).
 */
async function withoutUnloadedNanpa(ctx: NonAgentContext, input: AddLeadInput): Promise<{ notice: string | null; input: AddLeadInput }> {
  if (input.nanpa_ac_prefix_check !== 'Y' && !/NANPA/i.test(input.tz_method)) return { notice: null, input };
  const loaded = await nanpaDataLoaded(ctx);
  if (loaded === true) return { notice: null, input };
  return {
    notice: `NOTICE: add_lead NANPA options disabled, NANPA prefix data not loaded - ${loaded}|${ctx.user}`,
    input: { ...input, nanpa_ac_prefix_check: 'N', tz_method: input.tz_method.replace(/NANPA/g, '') },
  };
}

/** The lines after VICIdial's NANPA notice, when it printed one. */
const afterNotice = (notice: string | null, line: string): string => (notice === null ? line : `${notice}\n${line}`);

const ADD_LEAD_ERRORS: Readonly<Record<string, NonAgentRefusal>> = {
  NUMBER_IN_DNC: numberInDnc,
  DUPLICATE_LEAD: duplicate,
  // The core refusing the callback (not expected: its status and comments are first kept as VICIdial's MySQL keeps them): nothing is added.
  INVALID_ARGUMENT: notAdded,
  LEAD_REJECTED: { text: (ctx, details) => (details.listMissing === true ? listMissing(ctx) : notAdded.text(ctx, details)) },
};

/**
 * add_lead (spec §4.2): a new lead, NEW, in the list named (999 by
 * default), after the list, number, do-not-call and duplicate checks asked
 * for, with a scheduled callback when asked (`callback=Y`: the lead is then
 * held, CBHOLD); `add_to_hopper=Y` queues it in its campaign's hopper.
 */
export const addLead = defineNonAgentFunction({
  name: 'add_lead',
  function: 'add_lead',
  auth: {
    allows: (user) => user.level > 7 && user.modifyLeads >= 1 && user.modifyLeads <= 4,
    denied: (user) => `ERROR: add_lead USER DOES NOT HAVE PERMISSION TO ADD LEADS TO THE SYSTEM: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    // A list number beyond the lead's column is kept at its end, as VICIdial's non-strict MySQL keeps it.
    const listId = keptListId(Number(input.list_id));
    if (!(await listAllowed(ctx, listId))) throw refuse(`ERROR: add_lead NOT AN ALLOWED LIST ID - ${input.phone_number}|${input.list_id}`);
    const listMustExist = input.list_exists_check === 'Y';
    if (listMustExist && !(await ctx.core.getLeadList(listId))) throw refuse(listMissing(ctx));
    const { notice, input: checked } = await withoutUnloadedNanpa(ctx, input);
    try {
      return afterNotice(notice, await addChecked(ctx, checked, listId, listMustExist));
    } catch (error) {
      // The notice is printed before anything else VICIdial answers, refusals included.
      if (notice === null) throw error;
      if (error instanceof WireRefusal) throw refuse(afterNotice(notice, (error as WireRefusal<NonAgentRefusal>).wire.text(ctx, {})));
      const wire = isDomainError(error) ? ADD_LEAD_ERRORS[error.code] : undefined;
      if (wire && isDomainError(error)) throw refuse(afterNotice(notice, wire.text(ctx, error.details)));
      throw error;
    }
  },
  render: (lines) => lines,
  errors: ADD_LEAD_ERRORS,
});

/** add_lead once the list may take the lead: the number's checks, the lead added, its hopper and callback lines. */
async function addChecked(ctx: NonAgentContext, input: AddLeadInput, listId: number, listMustExist: boolean): Promise<string> {
  const invalid = await invalidNumber(ctx, input);
  if (invalid) throw refuse(`ERROR: add_lead ${invalid} - ${input.phone_number}|${ctx.user}`);
  const dncAsked = (flag: string): boolean => asked(flag) || flag === 'AREACODE';
  const scheduling = input.callback.asked ? await callbackOf(ctx, input.list_id, input.callback) : null;
  const added = await ctx.core.addLeadToList({
    callback: scheduling?.callback ?? null,
    listId,
    listMustExist,
    fields: keptByColumns(leadFieldsOf(input, input.phone_number)),
    addedBy: bytesToText(ctx.user),
    dncChecks: { system: dncAsked(input.dnc_check), campaign: dncAsked(input.campaign_dnc_check) },
    duplicateChecks: duplicateChecksOf(input.duplicate_check),
    timeZoneMethod: timeZoneMethodOf(input.tz_method),
  });
  const lead = added.lead;
  const lines = [`SUCCESS: add_lead LEAD HAS BEEN ADDED - ${input.phone_number}|${input.list_id}|${lead.id}|${newLeadGmtOffset(added.gmtOffset)}|${ctx.user}`];
  if (input.custom_fields === 'Y') lines.push(await newLeadCustomFieldsLine(ctx, { id: lead.id, phoneNumber: input.phone_number, listId: input.list_id }));
  // VICIdial queues the lead before it schedules the callback.
  if (input.hopper.add) lines.push(await addToHopperLine(ctx, input.hopper, input.phone_number, lead.id, lead));
  if (scheduling?.refused) lines.push(scheduling.refused(lead.id));
  else if (scheduling && added.callbackId !== null) {
    const { type, user, status } = input.callback;
    lines.push(`NOTICE: add_lead SCHEDULED CALLBACK ADDED - ${lead.id}|${scheduling.campaignId}|${scheduling.shown}|${type}|${user}|${status}`);
  }
  return lines.join('\n');
}
