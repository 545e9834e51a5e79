import { LEAD_PARAM_FILTERS } from '../../agent-api/lead-params';
import { bytesToText, utf8ToBytes } from '../../wire/php-params';
import { defineNonAgentFunction, refuse } from '../operation';
import { IDENTIFIER, readWith } from '../params';
import { chooserRowStart, selectFramePage } from '../select-frame';
import { ownedObjectsFilter } from '../visible-group';

const readInput = readWith((params) => ({
  type: params.read('type', IDENTIFIER),
  field: params.read('comments', LEAD_PARAM_FILTERS.comments),
}));

/**
 * container_list: the settings containers of one `type`, by id, as
 * VICIdial's chooser page for a frame of the admin screen (choosing one
 * fills the parent page's field named by `comments`): those of the groups
 * the caller's group may see, and those of every group.
 */
export const containerList = defineNonAgentFunction({
  name: 'container_list',
  function: 'container_list',
  auth: {
    allows: (user) => user.level > 6,
    // VICIdial 2.14 words it as callmenu_list's, call menus and all.
    denied: (user) => `ERROR: container_list USER DOES NOT HAVE PERMISSION TO VIEW CALL MENUS LIST: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    if (input.type.length < 1) throw refuse(`ERROR: container_list NO CONTAINER TYPE DEFINED: |${ctx.user}||`);
    const [containers, visible] = await Promise.all([ctx.core.listSettingsContainers(bytesToText(input.type)), ownedObjectsFilter(ctx)]);
    return containers
      .filter((container) => visible(container.userGroup))
      .map((container) => ({ id: utf8ToBytes(container.id), notes: utf8ToBytes(container.notes) }));
  },
  render(containers, _ctx, input) {
    const rows = containers.flatMap((container, index) => [
      ...chooserRowStart(index + 1, container.id, input.field),
      `<td><font size=2 face="Arial,Helvetica">${container.notes}</td></tr>`,
    ]);
    return selectFramePage([`<td colspan=2>Settings Containers: <br>${input.type} type</td>`, '<td>Container Notes</td>'], rows);
  },
});
