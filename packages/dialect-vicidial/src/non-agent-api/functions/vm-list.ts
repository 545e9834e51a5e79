import { LEAD_PARAM_FILTERS } from '../../agent-api/lead-params';
import { utf8ToBytes } from '../../wire/php-params';
import { defineNonAgentFunction } from '../operation';
import { readWith } from '../params';
import { chooserRowStart, selectFramePage } from '../select-frame';
import { ownedObjectsFilter } from '../visible-group';

const readInput = readWith((params) => ({ field: params.read('comments', LEAD_PARAM_FILTERS.comments) }));

/**
 * vm_list: the active voicemail boxes, by id, as VICIdial's chooser page for
 * a frame of the admin screen (choosing one fills the parent page's field
 * named by `comments`): those of the groups the caller's group may see, and
 * those of every group. VICIdial then lists its phones' boxes; the gateway's
 * phones have none.
 */
export const vmList = defineNonAgentFunction({
  name: 'vm_list',
  function: 'vm_list',
  partial: 'the provisioned boxes only: the gateway\'s phones have no voicemail box, so VICIdial\'s second part (the phones\' boxes) is always empty',
  auth: {
    allows: (user) => user.level > 6,
    denied: (user) => `ERROR: vm_list USER DOES NOT HAVE PERMISSION TO VIEW VOICEMAIL BOXES LIST: |${user}|0|`,
  },
  input: readInput,
  async run(ctx) {
    const [boxes, visible] = await Promise.all([ctx.core.listVoicemailBoxes(), ownedObjectsFilter(ctx)]);
    return boxes
      .filter((box) => box.active && visible(box.userGroup))
      .map((box) => ({ id: utf8ToBytes(box.id), name: utf8ToBytes(box.fullName), email: utf8ToBytes(box.email) }));
  },
  render(boxes, _ctx, input) {
    const rows = boxes.flatMap((box, index) => [
      ...chooserRowStart(index + 1, box.id, input.field),
      `<td><font size=2 face="Arial,Helvetica">${box.name}</td>`,
      `<td><font size=2 face="Arial,Helvetica">${box.email}</td></tr>`,
    ]);
    return selectFramePage(['<td colspan=2>Voicemail Boxes</td>', '<td>Name</td>', '<td>Email</td>'], rows);
  },
});
