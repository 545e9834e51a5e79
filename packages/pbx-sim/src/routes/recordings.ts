import { fail, noContent, ok, pathParam, queryParam, type AriResult, type RouteSpec } from '../ari/route-spec';
import type { LiveRecording } from '../engine/live-recording';
import { StoredRecordings } from '../engine/stored-recordings';
import type { World } from '../engine/world';
import { recordingFile } from '../media/recording-file';

const nameParam = pathParam('recordingName', 'string', "Recording's name.");
const NOT_FOUND = { code: 404, reason: 'No such recording' };
const NOT_IN_SESSION = { code: 409, reason: 'The recording is still queued' };

/**
 * control_recording: a recording that is not recording or paused (still
 * queued) refuses every operation with 409.
 */
function liveOperation(world: World, name: string, act: (recording: LiveRecording) => void): AriResult {
  const recording = world.liveRecordings.get(name);
  if (!recording) return fail(404, 'Recording not found');
  if (!recording.inSession) return fail(409, 'Recording not in session');
  act(recording);
  return noContent();
}

function liveRoute(path: string, method: RouteSpec['method'], nickname: string, summary: string, act: (recording: LiveRecording) => void, errors = [NOT_FOUND, NOT_IN_SESSION]): RouteSpec {
  return {
    resource: 'recordings',
    path,
    method,
    nickname,
    summary,
    responseClass: 'void',
    params: [nameParam],
    errorResponses: errors,
    handler: ({ world, path: vars }) => liveOperation(world, vars.recordingName ?? '', act),
  };
}

function invalidName(name: string): boolean {
  return name.startsWith('/') || name.split('/').includes('..');
}

export const recordingRoutes: RouteSpec[] = [
  {
    resource: 'recordings',
    path: '/recordings/stored',
    method: 'GET',
    nickname: 'listStored',
    summary: 'Lists the stored recordings.',
    responseClass: 'List[StoredRecording]',
    params: [],
    handler: ({ world }) => ok(world.stored.list().map(StoredRecordings.json)),
  },
  {
    resource: 'recordings',
    path: '/recordings/stored/{recordingName}',
    method: 'GET',
    nickname: 'getStored',
    summary: 'Details of one stored recording.',
    responseClass: 'StoredRecording',
    params: [nameParam],
    errorResponses: [NOT_FOUND],
    handler: ({ world, path }) => {
      const stored = world.stored.get(path.recordingName ?? '');
      return stored ? ok(StoredRecordings.json(stored)) : fail(404, 'Recording not found');
    },
  },
  {
    resource: 'recordings',
    path: '/recordings/stored/{recordingName}',
    method: 'DELETE',
    nickname: 'deleteStored',
    summary: 'Deletes a stored recording.',
    responseClass: 'void',
    params: [nameParam],
    errorResponses: [NOT_FOUND],
    handler: ({ world, path }) => (world.stored.delete(path.recordingName ?? '') ? noContent() : fail(404, 'Recording not found')),
  },
  {
    resource: 'recordings',
    path: '/recordings/stored/{recordingName}/file',
    method: 'GET',
    nickname: 'getStoredFile',
    summary: 'The file of a stored recording.',
    responseClass: 'binary',
    params: [nameParam],
    errorResponses: [
      { code: 403, reason: 'The file cannot be read' },
      NOT_FOUND,
    ],
    handler: ({ world, path }) => {
      const stored = world.stored.get(path.recordingName ?? '');
      if (!stored) return fail(404, 'Recording not found');
      const file = recordingFile(stored.format, stored.durationMs);
      return { status: 200, binary: file.data, contentType: file.contentType };
    },
  },
  {
    resource: 'recordings',
    path: '/recordings/stored/{recordingName}/copy',
    method: 'POST',
    nickname: 'copyStored',
    summary: 'Copies a stored recording.',
    responseClass: 'StoredRecording',
    params: [nameParam, queryParam('destinationRecordingName', 'string', 'Name of the copy.', { required: true })],
    errorResponses: [
      NOT_FOUND,
      { code: 409, reason: 'The destination name is taken' },
    ],
    handler: ({ world, args, path }) => {
      const source = world.stored.get(path.recordingName ?? '');
      if (!source) return fail(404, 'Recording not found');
      const destination = args.nonEmpty('destinationRecordingName');
      if (destination !== undefined && world.stored.has(destination)) return fail(409, 'A recording with the same name already exists on the system');
      if (destination === undefined) return fail(400, 'Invalid destination recording name');
      if (invalidName(destination)) return fail(403, 'Destination file path is forbidden');
      const copy = { ...source, name: destination };
      world.stored.save(copy);
      return ok(StoredRecordings.json(copy));
    },
  },
  {
    resource: 'recordings',
    path: '/recordings/live/{recordingName}',
    method: 'GET',
    nickname: 'getLive',
    summary: 'Details of a recording in progress.',
    responseClass: 'LiveRecording',
    params: [nameParam],
    errorResponses: [NOT_FOUND],
    handler: ({ world, path }) => {
      const recording = world.liveRecordings.get(path.recordingName ?? '');
      return recording ? ok(recording.json()) : fail(404, 'Recording not found');
    },
  },
  liveRoute('/recordings/live/{recordingName}', 'DELETE', 'cancel', 'Stops a recording and discards it.', (r) => r.cancel(), [NOT_FOUND]),
  liveRoute('/recordings/live/{recordingName}/stop', 'POST', 'stop', 'Stops a recording and keeps it.', (r) => r.stop(), [NOT_FOUND]),
  liveRoute('/recordings/live/{recordingName}/pause', 'POST', 'pause', 'Pauses a recording (paused time is not recorded).', (r) => r.pause()),
  liveRoute('/recordings/live/{recordingName}/pause', 'DELETE', 'unpause', 'Resumes a paused recording.', (r) => r.unpause()),
  liveRoute('/recordings/live/{recordingName}/mute', 'POST', 'mute', 'Records silence instead of the audio.', (r) => {
    r.muted = true;
  }),
  liveRoute('/recordings/live/{recordingName}/mute', 'DELETE', 'unmute', 'Records the audio again.', (r) => {
    r.muted = false;
  }),
];
