import { LEAD_PARAM_FILTERS } from '../../agent-api/lead-params';
import { utf8ToBytes } from '../../wire/php-params';
import { SOUNDS_LIST_AUTH } from './sounds-list';
import { defineNonAgentFunction } from '../operation';
import { readWith } from '../params';
import { chooserRowStart, rowColour, selectFramePage } from '../select-frame';

const readInput = readWith((params) => ({ field: params.read('comments', LEAD_PARAM_FILTERS.comments) }));

/** Asterisk's own class, there whatever is provisioned: what a queue without a class of its own plays. */
const DEFAULT_CLASS = 'default';

/**
 * moh_list: the music-on-hold classes the gateway plays, as VICIdial's
 * chooser page for a frame of the admin screen (choosing one fills the
 * parent page's field named by `comments`): Asterisk's `default` and the
 * classes provisioned for queues, by name. The gateway keeps no display
 * name, order or file list of a class (Asterisk's musiconhold.conf has
 * them): the name is the class's, Random is N and Files is empty.
 */
export const mohList = defineNonAgentFunction({
  name: 'moh_list',
  function: 'moh_list',
  partial: 'the classes are `default` and the queues\' classes; a class\'s display name, random order and files are not kept (its name, N and none are printed)',
  // VICIdial 2.14's moh_list answers with sounds_list's line.
  auth: SOUNDS_LIST_AUTH,
  input: readInput,
  async run(ctx) {
    const queues = await ctx.core.listQueues();
    return [...new Set([DEFAULT_CLASS, ...queues.map((queue) => queue.mohClass).filter((name) => name !== '')])].map(utf8ToBytes).sort();
  },
  render(classes, _ctx, input) {
    const rows = classes.flatMap((name, index) => [
      ...chooserRowStart(index + 1, name, input.field),
      `<td><font size=2 face="Arial,Helvetica">${name}</td>`,
      '<td><font size=2 face="Arial,Helvetica">N</td></tr>',
      `<tr ${rowColour(index + 1)}><td colspan=2 width=100><font size=1 face="Arial,Helvetica">&nbsp;</td>`,
      '<td colspan=3 width=590><font size=2 face="Arial,Helvetica">Files: </font><font size=1 face="Arial,Helvetica"></td></tr>',
    ]);
    return selectFramePage(['<td colspan=2>Music On Hold Class</td>', '<td>Name</td>', '<td>Random</td>'], rows);
  },
});
