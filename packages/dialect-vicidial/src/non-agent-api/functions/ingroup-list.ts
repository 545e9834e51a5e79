import { LEAD_PARAM_FILTERS } from '../../agent-api/lead-params';
import { utf8ToBytes } from '../../wire/php-params';
import { defineNonAgentFunction } from '../operation';
import { readWith } from '../params';
import { chooserRowStart, selectFramePage } from '../select-frame';

const readInput = readWith((params) => ({ field: params.read('comments', LEAD_PARAM_FILTERS.comments) }));

/**
 * ingroup_list: the active in-groups (queues), by id, as VICIdial's chooser
 * page for a frame of the admin screen; choosing one fills the parent
 * page's field named by `comments`. A queue keeps no display name or colour:
 * its name is both, the colour is left empty.
 */
export const ingroupList = defineNonAgentFunction({
  name: 'ingroup_list',
  function: 'ingroup_list',
  auth: {
    allows: (user) => user.level > 6,
    denied: (user) => `ERROR: ingroup_list USER DOES NOT HAVE PERMISSION TO VIEW INBOUND GROUPS LIST: |${user}|0|`,
  },
  input: readInput,
  async run(ctx) {
    const queues = await ctx.core.listQueues();
    return queues
      .filter((queue) => queue.active)
      .map((queue) => utf8ToBytes(queue.name))
      .sort();
  },
  render(groups, _ctx, input) {
    const rows = groups.flatMap((group, index) => [
      ...chooserRowStart(index + 1, group, input.field),
      `<td><font size=2 face="Arial,Helvetica">${group}</td>`,
      '<td bgcolor=""><font size=2 face="Arial,Helvetica"> &nbsp; &nbsp; &nbsp; &nbsp; </td></tr>',
    ]);
    return selectFramePage(['<td colspan=2>Inbound Groups</td>', '<td>Name</td>', '<td>Color</td>'], rows);
  },
});
