import type { Args } from '../ari/args';
import { created, fail, queryParam, type AriResult, type ParamSpec } from '../ari/route-spec';
import type { EventSources } from '../engine/applications';
import type { ControlQueue } from '../engine/control-queue';
import { LiveRecording, type IfExists, type RecordingTarget, type TerminateOn } from '../engine/live-recording';
import { Playback } from '../engine/playback';
import type { World } from '../engine/world';
import { KNOWN_FORMATS } from './channel-params';

const DEFAULT_SKIP_MS = 3000;

/**
 * Queues a playback of `media` (play and playWithId, on channels and bridges).
 * `queue` is only asked for once the request is valid: a bridge gets its
 * announcer channel then.
 */
export function queuePlayback(
  world: World,
  queue: () => ControlQueue,
  target: { uri: string; sources: EventSources },
  args: Args,
  playbackId: string | undefined,
  defaultLanguage: string,
): AriResult {
  const medias = args.list('media').filter((media) => media !== '');
  const skipms = args.int('skipms') ?? 0;
  const offsetms = args.int('offsetms') ?? 0;
  if (skipms < 0) return fail(400, 'skipms cannot be negative');
  if (offsetms < 0) return fail(400, 'offsetms cannot be negative');
  if (medias.length === 0) return fail(500, 'Failed to queue media for playback');
  const language = args.nonEmpty('lang') ?? defaultLanguage;
  const id = playbackId ?? world.ids.uuid();
  const playback = new Playback(world, id, medias, target, language, skipms === 0 ? DEFAULT_SKIP_MS : skipms, offsetms);
  world.addPlayback(playback);
  queue().push(playback);
  return created(`/playbacks/${id}`, playback.json());
}

/** The options queueRecording reads, as both record operations declare them after name and format. */
export const RECORDING_OPTION_PARAMS: readonly ParamSpec[] = [
  queryParam('maxDurationSeconds', 'int', 'Longest recording, in seconds; 0 for no limit.', { defaultValue: 0 }),
  queryParam('maxSilenceSeconds', 'int', 'Silence that ends the recording, in seconds; 0 for none.', { defaultValue: 0 }),
  queryParam('ifExists', 'string', 'What to do when a recording with that name exists.', {
    defaultValue: 'fail',
    allowableValues: ['fail', 'overwrite', 'append'],
  }),
  queryParam('beep', 'boolean', 'Play a beep first.', { defaultValue: false }),
  queryParam('terminateOn', 'string', 'DTMF key that ends the recording.', { defaultValue: 'none', allowableValues: ['none', 'any', '*', '#'] }),
];

/**
 * Queues a recording, with the checks of ast_ari_channels_record (and the
 * bridge variant) in their order: negative limits, terminateOn, ifExists,
 * the format, then the name and whether it already exists.
 */
export function queueRecording(
  world: World,
  queue: () => ControlQueue,
  target: RecordingTarget,
  args: Args,
): AriResult {
  const maxDurationSeconds = args.int('maxDurationSeconds') ?? 0;
  const maxSilenceSeconds = args.int('maxSilenceSeconds') ?? 0;
  if (maxDurationSeconds < 0) return fail(400, 'max_duration_seconds cannot be negative');
  if (maxSilenceSeconds < 0) return fail(400, 'max_silence_seconds cannot be negative');
  const terminateOn = parseTerminateOn(args.string('terminateOn'));
  if (!terminateOn) return fail(400, 'terminateOn invalid');
  const ifExists = parseIfExists(args.string('ifExists'));
  if (!ifExists) return fail(400, 'ifExists invalid');
  const format = args.nonEmpty('format');
  if (!format || !KNOWN_FORMATS.has(format)) return fail(422, 'specified format is unknown on this system');
  const name = args.nonEmpty('name');
  // A name that climbs out of the recordings folder is refused like a missing one.
  if (!name || name.split('/').includes('..')) return fail(500, 'Error parsing request');
  if (name.startsWith('/')) return fail(400, 'Recording name invalid');
  if (world.liveRecordings.has(name) || (ifExists === 'fail' && world.stored.has(name))) {
    return fail(409, `Recording '${name}' already exists and can not be overwritten`);
  }
  const recording = new LiveRecording(
    world,
    { name, format, maxDurationSeconds, maxSilenceSeconds, ifExists, beep: args.bool('beep'), terminateOn },
    target,
  );
  world.liveRecordings.set(name, recording);
  queue().push(recording);
  return created(`/recordings/live/${encodeURIComponent(name)}`, recording.json());
}

function parseTerminateOn(value: string | undefined): TerminateOn | undefined {
  if (value === undefined || value === '' || value === 'none') return 'none';
  if (value === 'any' || value === '*' || value === '#') return value;
  return undefined;
}

function parseIfExists(value: string | undefined): IfExists | undefined {
  if (value === undefined || value === '' || value === 'fail') return 'fail';
  if (value === 'overwrite' || value === 'append') return value;
  return undefined;
}
