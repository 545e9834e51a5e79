import type { SoundFile } from '@pbx-gateway/core';
import { localDateTime, unixSeconds } from '@pbx-gateway/dialect-kit';
import { LEAD_PARAM_FILTERS } from '../../agent-api/lead-params';
import { utf8ToBytes } from '../../wire/php-params';
import { NON_AGENT_API_PATH } from '../../paths';
import { defineNonAgentFunction, refuse } from '../operation';
import { readWith } from '../params';
import { selectFrameHead } from '../select-frame';

const readInput = readWith((params) => ({
  format: params.read('format', { keep: '0-9{L}' }),
  stage: params.read('stage', { keep: '0-9{L}' }),
  field: params.read('comments', LEAD_PARAM_FILTERS.comments),
}));

/** Who may list sounds, and the line for the others: moh_list answers with the same (VICIdial 2.14 prints this line there too). */
export const SOUNDS_LIST_AUTH = {
  allows: (user: { level: number }) => user.level > 6,
  denied: (user: string) => `ERROR: sounds_list USER DOES NOT HAVE PERMISSION TO VIEW SOUNDS LIST: |${user}|0|`,
};

/** The audio store's files VICIdial lists: the two formats it takes. */
const AUDIO_FILE = /\.wav$|\.gsm$/;

/**
 * sounds_list: the sound prompts the gateway can play by name, the files
 * of its sounds directory, as VICIdial lists its audio store: a line per
 * file (`format=tab`), a link per file (`link`), or the chooser page for a
 * frame of the admin screen (`selectframe`, choosing one fills the parent
 * page's field named by `comments` with the name without its extension),
 * sorted as `stage` says (newest, by name, largest). Without a stage or a
 * format it knows VICIdial prints nothing.
 */
export const soundsList = defineNonAgentFunction({
  name: 'sounds_list',
  function: 'sounds_list',
  partial: 'no bad-WAV check (the gateway keeps no audio store details); the links name the directory, the gateway does not serve the files',
  auth: SOUNDS_LIST_AUTH,
  input: readInput,
  async run(ctx) {
    const listing = await ctx.core.listSounds();
    // No sounds directory: VICIdial without central sound control.
    if (listing.state === 'unconfigured') throw refuse(`ERROR: sounds_list CENTRAL SOUND CONTROL IS NOT ACTIVE: |${ctx.user}|0|`);
    if (listing.state === 'missing') throw refuse(`ERROR: audio store web directory does not exist: |${ctx.user}|sounds_list|${utf8ToBytes(listing.location)}|`);
    return { directory: utf8ToBytes(lastSegment(listing.location)), files: listing.files.filter((file) => AUDIO_FILE.test(file.fileName)) };
  },
  render({ directory, files }, ctx, input) {
    const sorted = sortedAsStaged(files, input.stage);
    const server = /^https?:/i.test(ctx.settings.soundsWebServer) ? ctx.settings.soundsWebServer : `http://${ctx.settings.soundsWebServer}`;
    const lines: string[] = [];
    let rows = 0;
    sorted.forEach((file, index) => {
      const name = utf8ToBytes(file.fileName);
      const date = `${localDateTime(file.modifiedAt, ctx.settings.timeZone)}.`;
      if (/tab/i.test(input.format)) lines.push(`${index}\t${name}\t${date}\t${file.sizeBytes}\t${unixSeconds(file.modifiedAt)}`);
      if (/link/i.test(input.format)) lines.push(`<a href="${server}/${directory}/${name}">${name}</a><br>`);
      if (/selectframe/i.test(input.format)) {
        if (rows === 0) lines.push(...pageHead(`${NON_AGENT_API_PATH}?source=admin&function=sounds_list&user=${ctx.user}&pass=&format=selectframe&comments=${input.field}`));
        rows += 1;
        lines.push(
          `<tr><td><font size=1 face="Arial,Helvetica">${rows}</td>`,
          `<td><a href="javascript:choose_file('${name.replace(AUDIO_FILE, '')}','${input.field}');"><font size=1 face="Arial,Helvetica">${name}</a></td>`,
          `<td><font size=1 face="Arial,Helvetica">${date}</td>`,
          `<td><font size=1 face="Arial,Helvetica">${file.sizeBytes}</td>`,
          `<td><a href="/${directory}/${name}" target="_blank"><font size=1 face="Arial,Helvetica">PLAY</a></td></tr>`,
        );
      }
    });
    if (rows > 0) lines.push('</table></div></body></HTML>');
    // Nothing printed (no file, or no stage or format it knows): an empty body.
    return lines.length === 0 ? { bare: '' } : lines.join('\n');
  },
});

/**
 * VICIdial's order: each file keyed by its date (epoch), name or
 * zero-padded size, then its place in the directory's listing, the keys
 * compared as strings, dates and sizes newest and largest first. A stage
 * naming none of the three keys nothing, and VICIdial then finds no file
 * to print (`[]`).
 */
function sortedAsStaged(files: readonly SoundFile[], stage: string): SoundFile[] {
  const byDate = /date/i.test(stage);
  const byName = /name/i.test(stage);
  const bySize = /size/i.test(stage);
  if (!byDate && !byName && !bySize) return [];
  // The last sort VICIdial runs wins; the key is the last one it assigns.
  const key = (file: SoundFile, place: number): string => {
    const value = bySize ? `[${String(file.sizeBytes).padStart(20, '0')}]\n` : byName ? utf8ToBytes(file.fileName) : String(unixSeconds(file.modifiedAt));
    return `${value}----------${place}`;
  };
  const descending = bySize || !byName;
  const keyed = files.map((file, place) => ({ file, key: key(file, place) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) * (descending ? -1 : 1));
  return keyed.map((entry) => entry.file);
}

/** The chooser page down to its header row, whose titles re-sort the page. */
const pageHead = (link: string): string[] => [
  ...selectFrameHead(),
  '<td>#</td>',
  `<td><a href="${link}&stage=name"><font color=black>FILENAME</td>`,
  `<td><a href="${link}&stage=date"><font color=black>DATE</td>`,
  `<td><a href="${link}&stage=size"><font color=black>SIZE</td>`,
  '<td>PLAY</td>',
  '</tr>',
];

const lastSegment = (location: string): string => location.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
