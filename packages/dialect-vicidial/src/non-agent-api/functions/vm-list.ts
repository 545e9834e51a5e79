import { LEAD_PARAM_FILTERS } from '../../agent-api/lead-params';
import { utf8ToBytes } from '../../wire/php-params';
import { defineNonAgentFunction } from '../operation';
import { readWith } from '../params';
import { chooserRowStart, selectFramePage } from '../select-frame';
import { ownedObjectsFilter } from '../visible-group';

const readInput = readWith((params) => ({ field: params.read('comments', LEAD_PARAM_FILTERS.comments) }));

interface ListedBox {
  id: string;
  name: string;
  email: string;
}

const byId = (a: ListedBox, b: ListedBox): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * vm_list: the active voicemail boxes, by id, as VICIdial's chooser page for
 * a frame of the admin screen (choosing one fills the parent page's field
 * named by `comments`), then the active phones' boxes by voicemail id, named
 * `<extension> - <name>` and numbered from 1 again: of both, those of the
 * groups the caller's group may see and those of every group.
 */
export const vmList = defineNonAgentFunction({
  name: 'vm_list',
  function: 'vm_list',
  auth: {
    allows: (user) => user.level > 6,
    denied: (user) => `ERROR: vm_list USER DOES NOT HAVE PERMISSION TO VIEW VOICEMAIL BOXES LIST: |${user}|0|`,
  },
  input: readInput,
  async run(ctx) {
    const [boxes, phones, visible] = await Promise.all([ctx.core.listVoicemailBoxes(), ctx.core.listPhones(), ownedObjectsFilter(ctx)]);
    return {
      boxes: boxes
        .filter((box) => box.active && visible(box.userGroup))
        .map((box): ListedBox => ({ id: utf8ToBytes(box.id), name: utf8ToBytes(box.fullName), email: utf8ToBytes(box.email) })),
      phones: phones
        .filter((phone) => phone.active && visible(phone.userGroup))
        .map((phone): ListedBox => ({ id: utf8ToBytes(phone.voicemailId), name: utf8ToBytes(`${phone.extension} - ${phone.fullName}`), email: utf8ToBytes(phone.email) }))
        .sort(byId),
    };
  },
  render(listed, _ctx, input) {
    const rowsOf = (boxes: readonly ListedBox[]): string[] =>
      boxes.flatMap((box, index) => [
        ...chooserRowStart(index + 1, box.id, input.field),
        `<td><font size=2 face="Arial,Helvetica">${box.name}</td>`,
        `<td><font size=2 face="Arial,Helvetica">${box.email}</td></tr>`,
      ]);
    const rows = [...rowsOf(listed.boxes), ...rowsOf(listed.phones)];
    return selectFramePage(['<td colspan=2>Voicemail Boxes</td>', '<td>Name</td>', '<td>Email</td>'], rows);
  },
});
