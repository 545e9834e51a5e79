import { maySeeGroup } from '@pbx-gateway/core';
import { LEAD_PARAM_FILTERS } from '../../agent-api/lead-params';
import { utf8ToBytes } from '../../wire/php-params';
import { defineNonAgentFunction } from '../operation';
import { readWith } from '../params';
import { rowColour, selectFramePage } from '../select-frame';

const readInput = readWith((params) => ({ field: params.read('comments', LEAD_PARAM_FILTERS.comments) }));

/** A menu every group may use. */
const ALL_GROUPS = '---ALL---';

/**
 * callmenu_list: the call menus, by id, as VICIdial's chooser page for a
 * frame of the admin screen (choosing one fills the parent page's field
 * named by `comments`): those of the groups the caller's group may see, and
 * those of every group.
 */
export const callmenuList = defineNonAgentFunction({
  name: 'callmenu_list',
  function: 'callmenu_list',
  auth: {
    allows: (user) => user.level > 6,
    denied: (user) => `ERROR: callmenu_list USER DOES NOT HAVE PERMISSION TO VIEW CALL MENUS LIST: |${user}|0|`,
  },
  input: readInput,
  async run(ctx) {
    const [menus, group] = await Promise.all([ctx.core.listCallMenus(), ctx.core.getUserGroup(ctx.apiUser.group)]);
    return menus
      .filter((menu) => group === null || menu.userGroup === ALL_GROUPS || maySeeGroup(group, menu.userGroup))
      .map((menu) => ({ id: utf8ToBytes(menu.id), name: utf8ToBytes(menu.name) }));
  },
  render(menus, _ctx, input) {
    const rows = menus.flatMap((menu, index) => [
      `<tr ${rowColour(index + 1)}><td width=30><font size=1 face="Arial,Helvetica">${index + 1}</td>`,
      `<td colspan=2><a href="javascript:choose_file('${menu.id}','${input.field}');"><font size=2 face="Arial,Helvetica">${menu.id}</a></td>`,
      `<td><font size=2 face="Arial,Helvetica">${menu.name}</td></tr>`,
    ]);
    return selectFramePage(['<td colspan=2>Call Menus</td>', '<td>Name</td>'], rows);
  },
});
