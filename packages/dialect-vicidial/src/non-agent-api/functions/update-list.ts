import { isDomainError, mayWorkWithCampaign, type LeadListChanges } from '@pbx-gateway/core';
import { WireRefusal } from '@pbx-gateway/dialect-kit';
import { mayUseFunction } from '../../auth';
import { bytesToText } from '../../wire/php-params';
import { listAllowed } from '../list-restriction';
import { BLANK, listSettingsOf, longTransferOverride, readListFields, TIME_ZONE_METHODS } from '../list-settings';
import { defineNonAgentFunction, refuse, type NonAgentContext, type NonAgentRefusal } from '../operation';
import { readWith, type NonAgentParams } from '../params';
import { listCallTimeExists } from '../call-times';
import { copyMethodOf, customFieldsCopyRefusal } from '../custom-fields';
import { listFieldChangeLines, readFieldChangesAsked, readFieldRequest } from '../list-field-changes';
import { addList } from './add-list';
import { serverDay } from '../../wire/server-time';

/** More leads than any list the gateway keeps: delete_leads takes them all. */
const ALL_LEADS = 1_000_000;

const readInput = readWith((params) => ({
  ...readListFields(params),
  insertIfNotFound: params.read('insert_if_not_found', { keep: 'A-Z' }),
  resetList: params.read('reset_list', { keep: 'A-Z' }),
  deleteList: params.read('delete_list', { keep: 'A-Z' }),
  deleteLeads: params.read('delete_leads', { keep: 'A-Z' }),
  fieldChanges: readFieldChangesAsked(params),
  field: readFieldRequest(params),
}));

type UpdateListInput = ReturnType<typeof readInput>['value'];

/** What the request changes: the settings the gateway keeps, and whether any setting at all was given. */
interface ListUpdate {
  changes: LeadListChanges;
  any: boolean;
}

/**
 * The editable fields, checked in VICIdial's order; the first one it
 * refuses ends the function. A list keeps its name, campaign, whether it is
 * active and its further settings (list-settings); a script is refused, as
 * add_list refuses one (the gateway keeps none).
 */
async function checkedUpdate(ctx: NonAgentContext, input: UpdateListInput): Promise<ListUpdate> {
  const line = (reason: string, data: string) => refuse(`ERROR: update_list ${reason}, THIS IS AN OPTIONAL FIELD: |${ctx.user}|${data}`);
  const changes: LeadListChanges = {};
  if (input.campaignId !== '') {
    const [campaign, group] = await Promise.all([ctx.core.getCampaign(bytesToText(input.campaignId)), ctx.core.getUserGroup(ctx.apiUser.group)]);
    if (!campaign || (group !== null && !mayWorkWithCampaign(group, campaign.id))) throw line('CAMPAIGN DOES NOT EXIST', input.campaignId);
    changes.campaignId = campaign.id;
  }
  if (input.script !== '' && input.script !== BLANK) throw line('SCRIPT DOES NOT EXIST', input.script);
  if (input.dropInboundGroup !== '' && input.dropInboundGroup !== BLANK && !(await ctx.core.getQueue(bytesToText(input.dropInboundGroup)))) {
    throw line('IN-GROUP DOES NOT EXIST', input.dropInboundGroup);
  }
  if (input.listName !== '') {
    if (input.listName.length < 6 || input.listName.length > 30) throw line('LIST NAME MUST BE FROM 6 TO 30 CHARACTERS', input.listName);
    changes.name = bytesToText(input.listName);
  }
  if (input.active !== '') {
    if (input.active !== 'Y' && input.active !== 'N') throw line('ACTIVE MUST BE Y OR N', input.active);
    changes.active = input.active === 'Y';
  }
  const cid = input.outboundCid;
  if (cid !== '' && cid !== BLANK && (cid.length < 6 || cid.length > 18)) throw line('OUTBOUND CID MUST BE FROM 6 TO 18 DIGITS', cid);
  if (input.amMessage !== BLANK && input.amMessage.length > 100) throw line('ANSWERING MACHINE MESSAGE MUST LESS THAN 101 DIGITS', input.amMessage);
  if (input.resetTime !== '' && input.resetTime !== BLANK && input.resetTime.length < 4) throw line('RESET TIME IS NOT VALID', input.resetTime);
  if (input.tzMethod !== '' && !TIME_ZONE_METHODS.has(input.tzMethod)) throw line('TIME ZONE METHOD IS NOT VALID', input.tzMethod);
  if (input.localCallTime !== '' && !(await listCallTimeExists(ctx, input.localCallTime))) throw line('LOCAL CALL TIME DOES NOT EXIST', input.localCallTime);
  const longOverride = longTransferOverride(input.transferOverrides);
  if (longOverride) throw line(`TRANSFER CONF OVERRIDE ${longOverride.label} IS NOT VALID`, longOverride.value);
  // An expiration date counts only from 10 characters on, as VICIdial reads it.
  const given = [input.script, input.dropInboundGroup, cid, input.amMessage, input.resetTime, ...input.webForms, input.listDescription, input.tzMethod, input.localCallTime];
  const any =
    Object.keys(changes).length > 0 ||
    given.some((value) => value !== '') ||
    input.expirationDate.length > 9 ||
    input.transferOverrides.some((override) => override.value !== '');
  const settings = listSettingsOf(input);
  if (Object.keys(settings).length > 0) changes.settings = settings;
  return { changes, any };
}

/** insert_if_not_found=Y of a list that does not exist: its NOTICE, then add_list's answer to the same request. */
async function sentToAddList(ctx: NonAgentContext, listId: string, raw: NonAgentParams): Promise<string> {
  const notice = `NOTICE: update_list LIST DOES NOT EXIST, SENDING TO add_list FUNCTION: |${ctx.user}|${listId}`;
  if (!mayUseFunction(ctx.apiUser, 'add_list')) return `${notice}\nERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |${ctx.user}|add_list|`;
  const addCtx: NonAgentContext = { ...ctx, fn: 'add_list' };
  const outcome = await addList.perform(addCtx, raw);
  if (outcome.ok) return `${notice}\n${outcome.answer}`;
  if (outcome.unexpected) throw outcome.cause;
  return `${notice}\n${outcome.wire.text(addCtx, isDomainError(outcome.cause) ? outcome.cause.details : {})}`;
}

/** Deletes the list's leads one by one; a lead on an agent's screen stays (its disposition still needs it). */
async function deleteLeadsOf(ctx: NonAgentContext, listId: number): Promise<number> {
  let deleted = 0;
  for (const lead of await ctx.core.findLeads({ listIds: [listId] }, ALL_LEADS)) {
    try {
      if (await ctx.core.deleteLead(lead.id)) deleted += 1;
    } catch (error) {
      if (!isDomainError(error, 'LEAD_REJECTED')) throw error;
    }
  }
  return deleted;
}

/**
 * reset_list=Y: the list's leads become not called since the last reset and
 * the list counts one more reset today. VICIdial prints a count it never set
 * here: empty. A list that is not there, or not of the caller's group's
 * campaigns (custom_fields_copy goes on with one), has no daily reset limit
 * VICIdial could read: it prints both empty and resets nothing.
 */
async function resetLine(ctx: NonAgentContext, givenListId: string, listId: number, exists: boolean): Promise<string> {
  const done = exists ? await ctx.core.resetLeadList({ listId, day: serverDay(ctx.now, ctx.settings.timeZone) }) : null;
  if (!done) return `NOTICE: update_list LIST RESET FAILED, daily reset limit reached:  /  - ${ctx.user}|${givenListId}`;
  return `NOTICE: update_list LEADS IN LIST HAVE BEEN RESET - ${ctx.user}|${givenListId}|`;
}

/** The lines that follow the update: reset, deletions, custom fields; a refused deletion ends them. */
async function followingLines(ctx: NonAgentContext, input: UpdateListInput, listId: number, exists: boolean): Promise<string[]> {
  const lines: string[] = [];
  const user = ctx.apiUser;
  if (input.resetList === 'Y') lines.push(await resetLine(ctx, input.listId, listId, exists));
  if (input.deleteList === 'Y') {
    if (!user.deleteLists) return [...lines, `NOTICE: update_list USER DOES NOT HAVE PERMISSION TO DELETE LISTS: |${ctx.user}|0`];
    const removed = await ctx.core.removeLeadList(listId);
    lines.push(`NOTICE: update_list LIST HAS BEEN DELETED - ${ctx.user}|${input.listId}|${removed ? 1 : 0}`);
  }
  if (input.deleteLeads === 'Y') {
    if (!user.deleteLists || user.modifyLeads < 1 || user.modifyLeads > 4) return [...lines, `NOTICE: update_list USER DOES NOT HAVE PERMISSION TO DELETE LEADS: |${ctx.user}|0`];
    lines.push(`NOTICE: update_list LEADS IN LIST HAVE BEEN DELETED - ${ctx.user}|${input.listId}|${await deleteLeadsOf(ctx, listId)}`);
  }
  const copy = input.customFieldsCopy;
  if (copy.length > 1 && copy.length < 15) {
    const refusal = await customFieldsCopyRefusal(ctx, copy);
    if (refusal) lines.push(`NOTICE: update_list ${refusal}, THIS IS AN OPTIONAL FIELD: |${ctx.user}|${input.listId}|${copy}|0`);
    else {
      const method = copyMethodOf(input.customCopyMethod);
      await ctx.core.copyListCustomFields({ fromListId: Number(copy), toListId: listId, method });
      // VICIdial prints what its copy page answered: copied.
      lines.push(`NOTICE: update_list COPY CUSTOM FIELDS COMMAND SENT - ${ctx.user}|${input.listId}|${copy}|${method}|SUCCESS: Fields copied|`);
    }
  }
  return lines;
}

/** Whether the request works on lists' own fields: VICIdial then goes on with a list that is not there. */
const worksOnFields = (input: UpdateListInput): boolean =>
  input.fieldChanges.add || input.fieldChanges.update || input.fieldChanges.delete || (input.customFieldsCopy.length > 0 && input.customFieldsCopy.length < 15);

/**
 * The list's checks and update after the field changes' lines: a field
 * VICIdial refuses ends the answer, after the lines already printed.
 */
async function checkedAfter(ctx: NonAgentContext, input: UpdateListInput, printed: readonly string[]): Promise<ListUpdate | string> {
  try {
    return await checkedUpdate(ctx, input);
  } catch (error) {
    if (printed.length === 0 || !(error instanceof WireRefusal)) throw error;
    return [...printed, (error as WireRefusal<NonAgentRefusal>).wire.text(ctx, {})].join('\n');
  }
}

/**
 * update_list: changes a list of the caller's group's campaigns (name,
 * campaign, active), defines, redefines or removes one of its own fields,
 * resets, deletes it or its leads; a list that does not exist goes to
 * add_list with `insert_if_not_found=Y`.
 */
export const updateList = defineNonAgentFunction({
  name: 'update_list',
  function: 'update_list',
  auth: {
    allows: (user) => user.level >= 8 && user.modifyLists,
    denied: (user) => `ERROR: update_list USER DOES NOT HAVE PERMISSION TO UPDATE LISTS: |${user}|0`,
  },
  input: (params: NonAgentParams) => ({ ok: true as const, value: { ...readInput(params).value, raw: params } }),
  async run(ctx, input) {
    if (input.listId.length < 2 || input.listId.length > 14) {
      throw refuse(`ERROR: update_list YOU MUST USE ALL REQUIRED FIELDS: |${ctx.user}|${input.listId}|${input.listName}|${input.campaignId}`);
    }
    const listId = Number(input.listId);
    if (!(await listAllowed(ctx, listId))) throw refuse(`ERROR: update_list NOT AN ALLOWED LIST ID - ${input.listId}`);
    const [list, group] = await Promise.all([ctx.core.getLeadList(listId), ctx.core.getUserGroup(ctx.apiUser.group)]);
    const exists = list !== null && (group === null || mayWorkWithCampaign(group, list.campaignId));
    if (!exists && !worksOnFields(input)) {
      if (input.insertIfNotFound === 'Y') return sentToAddList(ctx, input.listId, input.raw);
      throw refuse(`ERROR: update_list LIST DOES NOT EXIST: |${ctx.user}|${input.listId}`);
    }
    const lines = await listFieldChangeLines(ctx, { listId: input.listId, listExists: exists, copyFrom: input.customFieldsCopy, asked: input.fieldChanges, field: input.field });
    const update = await checkedAfter(ctx, input, lines);
    if (typeof update === 'string') return update;
    if (!update.any) lines.push(`NOTICE: update_list NO UPDATES DEFINED: |${ctx.user}|`);
    else {
      // Whatever is given, the list is changed now (VICIdial's list_changedate), even by settings the gateway does not keep.
      if (exists) await ctx.core.updateLeadList({ listId, changes: update.changes });
      lines.push(`SUCCESS: update_list LIST HAS BEEN UPDATED - ${ctx.user}|${input.listId}`);
    }
    return [...lines, ...(await followingLines(ctx, input, listId, exists))].join('\n');
  },
  render: (answer) => answer,
});
