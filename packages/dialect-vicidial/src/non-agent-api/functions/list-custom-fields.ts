import { mayWorkWithCampaign, type LeadList } from '@pbx-gateway/core';
import { exportRows } from '../../wire/export-rows';
import { utf8ToBytes } from '../../wire/php-params';
import { byteOrder, valueFieldsOf } from '../custom-fields';
import { listAllowed } from '../list-restriction';
import { LIST_NAME } from '../list-settings';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { IDENTIFIER, readWith } from '../params';
import { listChangeDate, listLastCallDate } from './list-info';

const COLUMNS = ['list_id', 'list_name', 'campaign_id', 'active', 'list_changedate', 'list_lastcalldate', 'custom_fields_list_space_delimited'] as const;

/** Every list at once. */
const ALL_LISTS = '---ALL---';

const readInput = readWith((params) => ({
  listId: params.read('list_id', { keep: '-_0-9a-zA-Z' }),
  // Echoed by the required-fields line, as VICIdial's shared template does.
  listName: params.read('list_name', LIST_NAME),
  campaignId: params.read('campaign_id', IDENTIFIER),
  customOrder: params.read('custom_order', IDENTIFIER),
  stage: params.read('stage', { keep: '0-9{L}' }),
  header: params.read('header', { keep: '0-9{L}' }),
}));

/** The lists asked for, of the campaigns the caller's group works with (a group not defined: any), by list number. */
async function listsAsked(ctx: NonAgentContext, listId: string): Promise<LeadList[]> {
  const group = await ctx.core.getUserGroup(ctx.apiUser.group);
  const visible = (list: LeadList): boolean => group === null || mayWorkWithCampaign(group, list.campaignId);
  if (listId !== ALL_LISTS) {
    const id = /^[0-9]+$/.test(listId) ? Number(listId) : Number.NaN;
    const list = Number.isSafeInteger(id) ? await ctx.core.getLeadList(id) : null;
    return list && visible(list) ? [list] : [];
  }
  const campaigns = await ctx.core.listCampaigns();
  const lists = (await Promise.all(campaigns.map((campaign) => ctx.core.leadListsOfCampaign(campaign.id)))).flat();
  return lists.filter(visible).sort((a, b) => a.id - b.id);
}

/**
 * list_custom_fields: each list's own fields that keep values, by label,
 * space-separated: in the order defined, or (`custom_order`) `alpha_up` /
 * `alpha_down`. `list_id=---ALL---` reads every list the caller may see.
 */
export const listCustomFields = defineNonAgentFunction({
  name: 'list_custom_fields',
  partial: 'custom fields are always enabled',
  function: 'list_custom_fields',
  auth: {
    allows: (user) => user.level >= 8 && user.modifyLists,
    denied: (user) => `ERROR: list_custom_fields USER DOES NOT HAVE PERMISSION TO MODIFY LISTS: |${user}|0`,
  },
  input: readInput,
  async run(ctx, input) {
    const { listId } = input;
    if (listId.length < 2 || listId.length > 14) {
      throw refuse(`ERROR: list_custom_fields YOU MUST USE ALL REQUIRED FIELDS: |${ctx.user}|${listId}|${input.listName}|${input.campaignId}`);
    }
    if (listId !== ALL_LISTS && !(await listAllowed(ctx, /^[0-9]+$/.test(listId) ? Number(listId) : Number.NaN))) {
      throw refuse(`ERROR: list_custom_fields NOT AN ALLOWED LIST ID - ${listId}`);
    }
    const lists = await listsAsked(ctx, listId);
    if (listId !== ALL_LISTS && lists.length === 0) throw refuse(`ERROR: list_custom_fields LIST DOES NOT EXIST: |${ctx.user}|${listId}`);
    // VICIdial sorts one array kept from list to list: a list with fewer fields shows the previous ones' beyond its own.
    const sorted: string[] = [];
    const rows: string[][] = [];
    for (const list of lists) {
      const labels = valueFieldsOf(await ctx.core.customFieldsOfList(list.id)).map((field) => utf8ToBytes(field.label));
      labels.forEach((label, index) => (sorted[index] = label));
      let shown = labels;
      if (input.customOrder === 'alpha_up' || input.customOrder === 'alpha_down') {
        sorted.sort(byteOrder);
        if (input.customOrder === 'alpha_down') sorted.reverse();
        shown = [...sorted];
      }
      rows.push([String(list.id), utf8ToBytes(list.name), utf8ToBytes(list.campaignId), list.active ? 'Y' : 'N', listChangeDate(ctx, list), listLastCallDate(ctx, list), shown.join(' ')]);
    }
    return rows;
  },
  render: (rows, _ctx, input) => exportRows(input.stage, input.header, COLUMNS, rows),
});
