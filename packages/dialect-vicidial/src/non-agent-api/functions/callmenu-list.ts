import { LEAD_PARAM_FILTERS } from '../../agent-api/lead-params';
import { utf8ToBytes } from '../../wire/php-params';
import { defineNonAgentFunction } from '../operation';
import { readWith } from '../params';
import { chooserRowStart, selectFramePage } from '../select-frame';
import { ownedObjectsFilter } from '../visible-group';

const readInput = readWith((params) => ({ field: params.read('comments', LEAD_PARAM_FILTERS.comments) }));

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
    const [menus, visible] = await Promise.all([ctx.core.listCallMenus(), ownedObjectsFilter(ctx)]);
    return menus
      .filter((menu) => visible(menu.userGroup))
      .map((menu) => ({ id: utf8ToBytes(menu.id), name: utf8ToBytes(menu.name) }));
  },
  render(menus, _ctx, input) {
    const rows = menus.flatMap((menu, index) => [
      ...chooserRowStart(index + 1, menu.id, input.field),
      `<td><font size=2 face="Arial,Helvetica">${menu.name}</td></tr>`,
    ]);
    return selectFramePage(['<td colspan=2>Call Menus</td>', '<td>Name</td>'], rows);
  },
});
