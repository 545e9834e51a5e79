import { mayWorkWithCampaign, type LeadList } from '@pbx-gateway/core';
import { exportRows } from '../../wire/export-rows';
import { utf8ToBytes } from '../../wire/php-params';
import { listAllowed } from '../list-restriction';
import { LIST_NAME } from '../list-settings';
import { dialableRuleOf } from '../campaign-dialling';
import { serverDay, serverTime } from '../../wire/server-time';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { IDENTIFIER, readWith } from '../params';

const COLUMNS = ['list_id', 'list_name', 'campaign_id', 'active', 'list_changedate', 'list_lastcalldate', 'expiration_date', 'resets_today'] as const;
const COUNT_COLUMNS = ['all_leads_count', 'new_leads_count'] as const;
const DIALABLE_COLUMN = 'dialable_count';

/** What a list says of an expiration date never set: never. */
export const UNKEPT = { expirationDate: '2099-12-31' } as const;

const readInput = readWith((params) => ({
  listId: params.read('list_id', { keep: '-_0-9a-zA-Z' }),
  // Echoed by the required-fields line, as VICIdial's shared template does.
  listName: params.read('list_name', LIST_NAME),
  campaignId: params.read('campaign_id', IDENTIFIER),
  leadsCounts: params.read('leads_counts', { keep: 'A-Z' }),
  dialableCount: params.read('dialable_count', { keep: 'A-Z' }),
  stage: params.read('stage', { keep: '0-9{L}' }),
  header: params.read('header', { keep: '0-9{L}' }),
}));

/** The list, if it exists and belongs to a campaign the caller's group works with (a group not defined: any). */
async function visibleList(ctx: NonAgentContext, listId: number): Promise<LeadList | null> {
  if (!Number.isSafeInteger(listId)) return null;
  const [list, group] = await Promise.all([ctx.core.getLeadList(listId), ctx.core.getUserGroup(ctx.apiUser.group)]);
  return list !== null && (group === null || mayWorkWithCampaign(group, list.campaignId)) ? list : null;
}

/** How often the list was reset today (the server's day); 0 when its last reset was another day, or none. */
/** `list_changedate` as VICIdial prints it: the server's local time of the last update_list, empty when never changed. */
export function listChangeDate(ctx: NonAgentContext, list: LeadList): string {
  return list.changedAt ? serverTime(list.changedAt, ctx.settings.timeZone).local : '';
}

/** When a lead of the list was last dialled, in the server's time; empty when none was. */
export function listLastCallDate(ctx: NonAgentContext, list: LeadList): string {
  return list.lastCalledAt ? serverTime(list.lastCalledAt, ctx.settings.timeZone).local : '';
}

function resetsToday(ctx: NonAgentContext, list: LeadList): number {
  return list.lastReset?.day === serverDay(ctx.now, ctx.settings.timeZone) ? list.lastReset.count : 0;
}

/** How many of the list's leads its campaign would dial (campaign-dialling); none when the campaign is gone. */
async function dialableCount(ctx: NonAgentContext, list: LeadList): Promise<number> {
  const campaign = await ctx.core.getCampaign(list.campaignId);
  return campaign ? ctx.core.countDialableLeads(list.id, dialableRuleOf(campaign)) : 0;
}

/**
 * list_info: one list's summary, with `leads_counts=Y` how many leads it
 * holds and how many of them are NEW, with `dialable_count=Y` then how many
 * its campaign would dial.
 */
export const listInfo = defineNonAgentFunction({
  name: 'list_info',
  function: 'list_info',
  auth: {
    allows: (user) => user.level >= 8 && user.modifyLists,
    denied: (user) => `ERROR: list_info USER DOES NOT HAVE PERMISSION TO MODIFY LISTS: |${user}|0`,
  },
  input: readInput,
  async run(ctx, input) {
    if (input.listId.length < 2 || input.listId.length > 14) {
      throw refuse(`ERROR: list_info YOU MUST USE ALL REQUIRED FIELDS: |${ctx.user}|${input.listId}|${input.listName}|${input.campaignId}`);
    }
    // VICIdial's list_id filter keeps letters too: such an id names no list.
    const listId = /^[0-9]+$/.test(input.listId) ? Number(input.listId) : Number.NaN;
    if (!(await listAllowed(ctx, listId))) throw refuse(`ERROR: list_info NOT AN ALLOWED LIST ID - ${input.listId}`);
    const list = await visibleList(ctx, listId);
    if (!list) throw refuse(`ERROR: list_info LIST DOES NOT EXIST: |${ctx.user}|${input.listId}`);
    const row = [
      input.listId,
      utf8ToBytes(list.name),
      utf8ToBytes(list.campaignId),
      list.active ? 'Y' : 'N',
      listChangeDate(ctx, list),
      listLastCallDate(ctx, list),
      utf8ToBytes(list.settings?.expiration_date || UNKEPT.expirationDate),
      String(resetsToday(ctx, list)),
    ];
    if (input.leadsCounts === 'Y') {
      const [all, fresh] = await Promise.all([ctx.core.countLeadsInList(listId), ctx.core.countLeadsInList(listId, 'NEW')]);
      row.push(String(all), String(fresh));
    }
    if (input.dialableCount === 'Y') row.push(String(await dialableCount(ctx, list)));
    return row;
  },
  render: (row, _ctx, input) =>
    exportRows(
      input.stage,
      input.header,
      [...COLUMNS, ...(input.leadsCounts === 'Y' ? COUNT_COLUMNS : []), ...(input.dialableCount === 'Y' ? [DIALABLE_COLUMN] : [])],
      [row],
    ),
});
