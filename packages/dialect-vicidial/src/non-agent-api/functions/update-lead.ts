import { isDomainError, type Lead, type LeadChanges, type LeadSearch, type ListCustomField } from '@pbx-gateway/core';
import { leadFieldsOf } from '../../agent-api/lead-params';
import { changesLead, givenLeadChanges, readLeadFieldParams } from '../lead-changes';
import { keptByColumns, keptCallbackTexts, keptListId } from '../../wire/kept-lead-values';
import { bytesToText } from '../../wire/php-params';
import { newLeadGmtOffset, timeZoneMethodOf } from '../../wire/gmt-offset';
import { searchableLists } from '../list-restriction';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { IDENTIFIER, readWith } from '../params';
import { addToHopperLine, readHopperParams, removeFromHopperLine } from '../lead-hopper';
import { callbackChangesOf, callbackTime, readUpdateLeadCallbackParams } from '../update-lead-callback';
import { customValuesFrom, namedInRequest, newLeadCustomFieldsLine, valueFieldsOf } from '../custom-fields';

const readInput = readWith((params) => ({
  lead: readLeadFieldParams(params),
  leadId: params.read('lead_id', { keep: '0-9' }),
  listId: params.read('list_id', { keep: '0-9' }),
  status: params.read('status', IDENTIFIER),
  searchMethod: params.read('search_method', IDENTIFIER) || 'LEAD_ID',
  searchLocation: params.read('search_location', { keep: 'A-Z' }) || 'SYSTEM',
  records: params.read('records', { keep: '0-9' }),
  noUpdate: params.read('no_update', { keep: 'A-Z' }),
  insertIfNotFound: params.read('insert_if_not_found', { keep: 'A-Z' }),
  deleteLead: params.read('delete_lead', { keep: 'A-Z' }),
  updatePhoneNumber: params.read('update_phone_number', { keep: 'A-Z' }),
  customFields: params.read('custom_fields', { keep: 'A-Z' }),
  forceEntryListId: params.read('force_entry_list_id', { keep: '0-9' }),
  callback: readUpdateLeadCallbackParams(params),
  hopper: readHopperParams(params),
}));

type UpdateLeadInput = ReturnType<typeof readInput>['value'];
type SearchKey = 'leadId' | 'vendorLeadCode' | 'phoneNumber';

/** LEAD_ID, then VENDOR_LEAD_CODE, then PHONE_NUMBER: the first the method names whose value is given. */
function searchKeyOf(input: UpdateLeadInput): { key: SearchKey; search: LeadSearch } | null {
  const method = input.searchMethod;
  if (method.includes('LEAD_ID') && Number(input.leadId) > 0) return { key: 'leadId', search: { leadId: Number(input.leadId) } };
  if (method.includes('VENDOR_LEAD_CODE') && input.lead.vendor_lead_code !== '') return { key: 'vendorLeadCode', search: { vendorLeadCode: bytesToText(input.lead.vendor_lead_code) } };
  if (method.includes('PHONE_NUMBER') && input.lead.phone_number !== '') return { key: 'phoneNumber', search: { phoneNumber: bytesToText(input.lead.phone_number) } };
  return null;
}

/** LIST: the list given; CAMPAIGN: the lists of its campaign; SYSTEM: any; a restricted caller's lists in any case. */
async function listsToSearch(ctx: NonAgentContext, input: UpdateLeadInput): Promise<number[] | null> {
  const allowed = await searchableLists(ctx);
  let lists: number[] | null = null;
  if (input.searchLocation === 'LIST') lists = [Number(input.listId)];
  if (input.searchLocation === 'CAMPAIGN') {
    const list = input.listId === '' ? null : await ctx.core.getLeadList(Number(input.listId));
    lists = list ? (await ctx.core.leadListsOfCampaign(list.campaignId)).map((each) => each.id) : [];
  }
  if (allowed === null) return lists;
  return lists === null ? allowed : lists.filter((id) => allowed.includes(id));
}

/** The fields the request gives (`--BLANK--` empties one), but the one it searched by. */
function changesOf(input: UpdateLeadInput, searchedBy: SearchKey): LeadChanges {
  // The number a lead is called at changes only when asked for by name.
  const changes = givenLeadChanges(input.lead, (param, field) => field !== searchedBy && (param !== 'phone_number' || input.updatePhoneNumber === 'Y'));
  if (input.status !== '') changes.status = bytesToText(input.status);
  // Kept as VICIdial's non-strict MySQL keeps them: cut, clamped, a date naming no day none.
  return keptByColumns(changes);
}

async function insertInstead(ctx: NonAgentContext, input: UpdateLeadInput, echo: string): Promise<{ text: string; lead: Lead | null }> {
  const notice = `NOTICE: update_lead NO MATCHES FOUND IN THE SYSTEM: ${echo}`;
  const { phone_number: phone, phone_code: code } = input.lead;
  const listId = keptListId(Number(input.listId));
  if (phone.length < 6 || phone.length > 16 || code === '' || input.listId === '') {
    return { text: `${notice}\nERROR: update_lead INVALID DATA FOR LEAD INSERTION - ${ctx.user}|${phone}|${code}|${input.listId}|${input.insertIfNotFound}`, lead: null };
  }
  const added = await ctx.core.addLeadToList({
    listId,
    listMustExist: false,
    fields: keptByColumns(leadFieldsOf(input.lead, phone)),
    addedBy: bytesToText(ctx.user),
    dncChecks: { system: false, campaign: false },
    duplicateChecks: [],
    timeZoneMethod: timeZoneMethodOf(ctx.params.read('tz_method', IDENTIFIER)),
  });
  return { text: `${notice}\nSUCCESS: update_lead LEAD HAS BEEN ADDED - ${phone}|${input.listId}|${added.lead.id}|${newLeadGmtOffset(added.gmtOffset)}|${ctx.user}`, lead: added.lead };
}

/** The lead's own line: updated with the fields given, or deleted with its callbacks; none when neither is asked. */
async function changeLead(ctx: NonAgentContext, input: UpdateLeadInput, lead: Lead, changes: LeadChanges, archived: { count: string }): Promise<string[]> {
  if (input.deleteLead === 'Y') {
    const callbacks = (await ctx.core.callbacksOfLead(lead.id)).length;
    try {
      const deleted = await ctx.core.deleteLead(lead.id);
      archived.count = String(callbacks);
      const removed = deleted?.callbacksRemoved ?? 0;
      return [`SUCCESS: update_lead LEAD HAS BEEN DELETED ${removed}|${callbacks} - ${ctx.user}|${lead.id}|${deleted ? 1 : 0}|${callbacks}|${callbacks}|`];
    } catch (error) {
      // A lead on an agent's screen stays (gateway line).
      if (isDomainError(error) && error.code === 'LEAD_REJECTED') return [`ERROR: update_lead LEAD HAS NOT BEEN DELETED - ${ctx.user}|${lead.id}|0|||`];
      throw error;
    }
  }
  if (Object.keys(changes).length === 0) return [];
  const updated = await ctx.core.updateLead({ leadId: lead.id, changes });
  // MySQL counts the row when a value changed.
  const rows = updated && changesLead(lead, changes) ? 1 : 0;
  return [`SUCCESS: update_lead LEAD HAS BEEN UPDATED - ${ctx.user}|${lead.id}|${rows}|${archived.count}|${archived.count}|`];
}

/** `callback=Y`: the lead's callback changed, or a new one in `campaign_id`; `callback=REMOVE`: its callbacks deleted. */
async function callbackLines(ctx: NonAgentContext, input: UpdateLeadInput, lead: Lead, archived: { count: string }): Promise<string[]> {
  const asked = input.callback;
  if (asked.action === 'REMOVE') {
    const removed = await ctx.core.removeLeadCallbacks(lead.id);
    archived.count = String(removed);
    return [`NOTICE: update_lead SCHEDULED CALLBACK DELETED - ${ctx.user}|${lead.id}|${removed}|${removed}`];
  }
  if (asked.action !== 'Y' || input.deleteLead === 'Y') return [];
  if ((await ctx.core.callbacksOfLead(lead.id)).length > 0) {
    const { changes, shownTime } = callbackChangesOf(ctx, asked);
    if (Object.keys(changes).length === 0) return [`NOTICE: update_lead SCHEDULED CALLBACK NOT UPDATED, NO FIELDS SPECIFIED - ${lead.id}|`];
    await ctx.core.changeLeadCallback({ leadId: lead.id, changes });
    return [`NOTICE: update_lead SCHEDULED CALLBACK UPDATED - ${lead.id}|${asked.campaignId}|${shownTime}|${asked.type}|${asked.user}|${asked.status}`];
  }
  if (asked.campaignId === '' || !(await ctx.core.getCampaign(bytesToText(asked.campaignId)))) {
    return [`NOTICE: update_lead SCHEDULED CALLBACK NOT ADDED, CAMPAIGN NOT VALID - ${lead.id}|${asked.campaignId}`];
  }
  const userOnly = asked.type === 'USERONLY';
  if (userOnly && !(await ctx.core.getAgent(bytesToText(asked.user)))) {
    return [`NOTICE: update_lead SCHEDULED CALLBACK NOT ADDED, USER NOT VALID - ${lead.id}|${asked.campaignId}|${asked.user}|${asked.type}`];
  }
  const user = userOnly ? asked.user : '';
  const type = userOnly ? 'USERONLY' : 'ANYONE';
  const status = asked.status || 'CALLBK';
  const time = callbackTime(ctx, asked.datetime);
  await ctx.core.scheduleLeadCallback({
    leadId: lead.id,
    campaignId: bytesToText(asked.campaignId),
    // Kept as VICIdial's non-strict MySQL keeps them; the NOTICE line echoes them as sent.
    callback: keptCallbackTexts({ at: time.at, recipient: type, agentId: bytesToText(user), status: bytesToText(status), comments: bytesToText(asked.comments) }),
  });
  return [`NOTICE: update_lead SCHEDULED CALLBACK ADDED - ${lead.id}|${asked.campaignId}|${time.shown}|${type}|${user}|${status}`];
}

/**
 * The list whose fields hold the lead's values: its entry list when that is
 * a list (100 and above), else `force_entry_list_id` when given, else its
 * own list — VICIdial lets an entry list win over the forced one.
 */
function customListOf(input: UpdateLeadInput, lead: Lead): number {
  if (lead.entryListId >= 100) return lead.entryListId;
  return input.forceEntryListId.length > 1 ? Number(input.forceEntryListId) : lead.listId;
}

/** What the custom section knows of a lead before its own line: the list, its fields, whether the lead held values there. */
interface CustomSection {
  list: number;
  fields: ListCustomField[];
  held: boolean;
}

/** Read before the lead's own line, as deleting the lead removes its values. */
async function customSectionOf(ctx: NonAgentContext, input: UpdateLeadInput, lead: Lead): Promise<CustomSection | null> {
  if (input.customFields !== 'Y') return null;
  const list = customListOf(input, lead);
  const fields = await ctx.core.customFieldsOfList(list);
  const held = input.deleteLead === 'Y' && fields.length > 0 && (await ctx.core.leadCustomValues(list, lead.id)) !== null;
  return { list, fields, held };
}

/**
 * `custom_fields=Y` on a lead found: with `delete_lead=Y`, the line saying
 * its values went with it (when it held some there and was deleted);
 * else the fields the request names (by label) take the values given; the
 * line counts the lead's row changed (0 when every value was already so).
 * Nothing is printed when no field is named.
 */
async function customFieldsLines(ctx: NonAgentContext, input: UpdateLeadInput, lead: Lead, section: CustomSection | null, deleted: boolean): Promise<string[]> {
  if (!section) return [];
  const phone = input.lead.phone_number;
  const { list: customList, fields } = section;
  if (fields.length === 0) return [`NOTICE: update_lead CUSTOM FIELDS NOT ADDED, NO CUSTOM FIELDS DEFINED FOR THIS LIST - ${phone}|${lead.id}|${lead.listId}`];
  if (input.deleteLead === 'Y') {
    // VICIdial's line ends with the update count its delete branch never sets: empty.
    return section.held && deleted ? [`NOTICE: update_lead CUSTOM FIELDS ENTRY DELETED - ${phone}|${lead.id}|${lead.listId}|${lead.entryListId}|${customList}|`] : [];
  }
  const named = valueFieldsOf(fields).filter((field) => namedInRequest(ctx.params, field.label));
  if (named.length === 0) return [];
  const values = customValuesFrom(ctx.params, named);
  const before = await ctx.core.leadCustomValues(customList, lead.id);
  // MySQL counts a row written (a new one, or one with a value changed).
  const changed = before === null || named.some((field) => (before[field.label] ?? '') !== values[field.label]);
  if (changed) await ctx.core.setLeadCustomValues({ leadId: lead.id, listId: customList, values });
  return [`NOTICE: update_lead CUSTOM FIELDS VALUES UPDATED - ${phone}|${lead.id}|${lead.listId}|${lead.entryListId}|${customList}|${changed ? 1 : 0}`];
}

/** `add_to_hopper=Y`, then `remove_from_hopper=Y`, for the lead found (or added): their NOTICE lines. */
async function hopperLines(ctx: NonAgentContext, input: UpdateLeadInput, leadId: number): Promise<string[]> {
  const lines: string[] = [];
  const phone = input.lead.phone_number;
  if (input.hopper.add) lines.push(await addToHopperLine(ctx, input.hopper, phone, leadId, await ctx.core.getLead(leadId)));
  if (input.hopper.remove) lines.push(await removeFromHopperLine(ctx, phone, leadId));
  return lines;
}

/**
 * update_lead (spec §4.2): finds leads by lead number, vendor code or phone
 * number (in a list, its campaign's lists or anywhere), then reports them
 * (`no_update=Y`) or changes the fields given on each; nothing found adds a
 * lead instead with `insert_if_not_found=Y`.
 */
export const updateLeadFunction = defineNonAgentFunction({
  name: 'update_lead',
    function: 'update_lead',
  auth: {
    allows: (user) => user.level > 7 && user.modifyLeads >= 1 && user.modifyLeads <= 4,
    denied: (user) => `ERROR: update_lead USER DOES NOT HAVE PERMISSION TO UPDATE LEADS IN THE SYSTEM: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const { lead } = input;
    const echo = `|${ctx.user}|${input.leadId}|${lead.vendor_lead_code}|${lead.phone_number}`;
    const chosen = searchKeyOf(input);
    if (!chosen) throw refuse(`ERROR: update_lead NO VALID SEARCH METHOD - ${ctx.user}|${input.searchMethod}|${input.leadId}|${lead.vendor_lead_code}|${lead.phone_number}`);
    const lists = await listsToSearch(ctx, input);
    const limit = Math.max(1, Math.min(Number(input.records) || 1, 1000));
    const found = await ctx.core.findLeads({ ...chosen.search, ...(lists === null ? {} : { listIds: lists }), newestFirst: true }, limit);
    if (found.length === 0) {
      if (input.insertIfNotFound === 'Y') {
        const inserted = await insertInstead(ctx, input, echo);
        if (!inserted.lead) return inserted.text;
        const custom = input.customFields === 'Y' ? [await newLeadCustomFieldsLine(ctx, { id: inserted.lead.id, phoneNumber: input.lead.phone_number, listId: input.listId })] : [];
        return [inserted.text, ...custom, ...(await hopperLines(ctx, input, inserted.lead.id))].join('\n');
      }
      throw refuse(`ERROR: update_lead NO MATCHES FOUND IN THE SYSTEM: ${echo}`);
    }
    const [first] = found as [Lead, ...Lead[]];
    if (input.noUpdate === 'Y') {
      // One line, for the lead number asked (else the first found) and the first lead's lists.
      const notice = `NOTICE: update_lead LEADS FOUND IN THE SYSTEM: |${ctx.user}|${input.leadId || first.id}|${lead.vendor_lead_code}|${lead.phone_number}|${first.listId}|${first.entryListId}`;
      return [notice, ...(await hopperLines(ctx, input, first.id))].join('\n');
    }
    const changes = changesOf(input, chosen.key);
    const lines: string[] = [];
    // VICIdial prints the callbacks archived last (by a deletion or callback=REMOVE) in every later line.
    const archived = { count: '' };
    for (const each of found) {
      const custom = await customSectionOf(ctx, input, each);
      const own = await changeLead(ctx, input, each, changes, archived);
      lines.push(...own);
      lines.push(...(await callbackLines(ctx, input, each, archived)));
      const deleted = own.some((line) => line.startsWith('SUCCESS: update_lead LEAD HAS BEEN DELETED'));
      lines.push(...(await customFieldsLines(ctx, input, each, custom, deleted)));
    }
    // As VICIdial, the hopper options act once, on the last lead worked on.
    lines.push(...(await hopperLines(ctx, input, found[found.length - 1]!.id)));
    return lines.join('\n');
  },
  render: (lines) => lines,
  errors: {
    // The store refusing a change (not expected: values are first kept as VICIdial's MySQL keeps them).
    LEAD_REJECTED: { text: (ctx) => `ERROR: update_lead LEAD HAS NOT BEEN UPDATED - ${ctx.user}|${ctx.params.read('lead_id', { keep: '0-9' })}|0|||` },
    // The core refusing a callback (not expected: status and comments are first kept as VICIdial's MySQL keeps them).
    INVALID_ARGUMENT: { text: (ctx) => `ERROR: update_lead LEAD HAS NOT BEEN UPDATED - ${ctx.user}|${ctx.params.read('lead_id', { keep: '0-9' })}|0|||` },
  },
});
