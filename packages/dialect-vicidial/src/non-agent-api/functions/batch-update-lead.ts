import type { Lead, LeadChanges } from '@pbx-gateway/core';
import { keptByColumns } from '../../wire/kept-lead-values';
import { bytesToText } from '../../wire/php-params';
import { changesLead, givenLeadChanges, readLeadFieldParams } from '../lead-changes';
import { listAllowed, searchableLists } from '../list-restriction';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { IDENTIFIER, readWith } from '../params';

/** The most leads one request changes when `records` is not given (VICIdial's default). */
const DEFAULT_RECORDS = '1000';
/** The lowest list number the list restriction looks at (VICIdial skips system lists below it). */
const RESTRICTED_LIST_FLOOR = 99;

const readInput = readWith((params) => ({
  lead: readLeadFieldParams(params),
  leadIds: params.read('lead_ids', { keep: ',0-9' }),
  records: params.read('records', { keep: '0-9' }) || DEFAULT_RECORDS,
  status: params.read('status', IDENTIFIER),
  userField: params.read('user_field', IDENTIFIER),
  listIdField: params.read('list_id_field', { keep: '0-9' }),
  listExistsCheck: params.read('list_exists_check', { keep: '0-9a-zA-Z' }),
  gmtOffsetNow: params.read('gmt_offset_now', { keep: '-_.0-9' }),
  calledCount: params.read('called_count', { keep: '0-9' }),
  resetLead: params.read('reset_lead', { keep: 'A-Z' }),
}));

type BatchInput = ReturnType<typeof readInput>['value'];

/**
 * The lead numbers of `lead_ids`, each once; null when the list is not one
 * VICIdial's query can read (an empty item), which finds nothing there.
 */
function leadNumbers(leadIds: string): number[] | null {
  const items = leadIds.split(',');
  if (items.some((item) => item === '')) return null;
  return [...new Set(items.map(Number))].filter((id) => Number.isSafeInteger(id));
}

/** The leads named, newest number first, in the caller's lists, at most `records` of them. */
async function leadsNamed(ctx: NonAgentContext, input: BatchInput): Promise<Lead[]> {
  const ids = leadNumbers(input.leadIds);
  const records = Number(input.records);
  if (ids === null || ids.length === 0 || records < 1) return [];
  const allowed = await searchableLists(ctx);
  return ctx.core.findLeads({ leadIds: ids, ...(allowed === null ? {} : { listIds: allowed }), newestFirst: true }, Math.min(records, ids.length));
}

/** Every field given changes (`--BLANK--` empties one); the phone number is not one of them. */
function changesOf(input: BatchInput): LeadChanges {
  const changes = givenLeadChanges(input.lead, (param) => param !== 'phone_number');
  if (input.userField !== '') changes.user = bytesToText(input.userField);
  if (input.listIdField !== '') changes.listId = Number(input.listIdField);
  if (input.status !== '') changes.status = bytesToText(input.status);
  if (input.gmtOffsetNow !== '') changes.gmtOffsetNow = input.gmtOffsetNow;
  if (input.calledCount !== '') changes.calledCount = Number(input.calledCount);
  if (input.resetLead === 'Y') changes.calledSinceLastReset = 'N';
  // Kept as VICIdial's non-strict MySQL keeps them: cut, clamped, a date naming no day none.
  return keptByColumns(changes);
}

/**
 * batch_update_lead: gives the same field values to every lead of the
 * `lead_ids` list (one UPDATE in VICIdial), and reports how many changed,
 * how many were found, and their numbers (newest first).
 */
export const batchUpdateLead = defineNonAgentFunction({
  name: 'batch_update_lead',
  function: 'batch_update_lead',
  auth: {
    allows: (user) => user.level > 7 && user.modifyLeads >= 1 && user.modifyLeads <= 4,
    denied: (user) => `ERROR: batch_update_lead USER DOES NOT HAVE PERMISSION TO UPDATE LEADS IN THE SYSTEM: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    if (input.leadIds === '') throw refuse(`ERROR: batch_update_lead NO LEADS DEFINED - ${ctx.user}|`);
    const listId = input.listIdField;
    if (ctx.apiUser.apiListRestrict && listId !== '' && Number(listId) >= RESTRICTED_LIST_FLOOR && !(await listAllowed(ctx, Number(listId)))) {
      throw refuse(`ERROR: batch_update_lead NOT AN ALLOWED LIST ID - ${ctx.user}|${listId}`);
    }
    if (/y/i.test(input.listExistsCheck) && listId !== '') {
      const list = Number.isSafeInteger(Number(listId)) ? await ctx.core.getLeadList(Number(listId)) : null;
      if (!list) throw refuse(`ERROR: batch_update_lead NOT A DEFINED LIST ID, LIST EXISTS CHECK ENABLED - ${ctx.user}|${listId}`);
    }
    const found = await leadsNamed(ctx, input);
    if (found.length === 0) throw refuse(`ERROR: batch_update_lead NO MATCHES FOUND IN THE SYSTEM: |${ctx.user}|${input.leadIds}`);
    const changes = changesOf(input);
    // No field given: VICIdial runs no update and prints nothing.
    if (Object.keys(changes).length === 0) return '';
    const numbers = found.map((lead) => lead.id).join(',');
    let changed = 0;
    for (const lead of found) {
      const willChange = changesLead(lead, changes);
      if ((await ctx.core.updateLead({ leadId: lead.id, changes })) && willChange) changed += 1;
    }
    return `SUCCESS: batch_update_lead LEADS HAVE BEEN UPDATED - ${ctx.user}|${changed}|${found.length}|${numbers}`;
  },
  render: (line) => line,
});
