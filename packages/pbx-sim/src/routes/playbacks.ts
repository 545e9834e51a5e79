import { fail, noContent, ok, pathParam, queryParam, type RouteSpec } from '../ari/route-spec';
import type { PlaybackOperation } from '../engine/playback';

const OPERATIONS: readonly PlaybackOperation[] = ['restart', 'pause', 'unpause', 'reverse', 'forward'];
const playbackIdParam = pathParam('playbackId', 'string', "Playback's id.");

export const playbackRoutes: RouteSpec[] = [
  {
    resource: 'playbacks',
    path: '/playbacks/{playbackId}',
    method: 'GET',
    nickname: 'get',
    summary: 'Details of one playback.',
    responseClass: 'Playback',
    params: [playbackIdParam],
    errorResponses: [{ code: 404, reason: 'No such playback' }],
    handler: ({ world, path }) => {
      const playback = world.findPlayback(path.playbackId ?? '');
      return playback ? ok(playback.json()) : fail(404, 'Playback not found');
    },
  },
  {
    resource: 'playbacks',
    path: '/playbacks/{playbackId}',
    method: 'DELETE',
    nickname: 'stop',
    summary: 'Stops a playback (a queued one is dropped when its turn comes).',
    responseClass: 'void',
    params: [playbackIdParam],
    errorResponses: [{ code: 404, reason: 'No such playback' }],
    handler: ({ world, path }) => {
      const playback = world.findPlayback(path.playbackId ?? '');
      if (!playback) return fail(404, 'Playback not found');
      playback.stop();
      return noContent();
    },
  },
  {
    resource: 'playbacks',
    path: '/playbacks/{playbackId}/control',
    method: 'POST',
    nickname: 'control',
    summary: 'Pauses, resumes, restarts, or moves a playback.',
    responseClass: 'void',
    params: [playbackIdParam, queryParam('operation', 'string', 'What to do.', { required: true, allowableValues: OPERATIONS })],
    errorResponses: [
      { code: 400, reason: 'Unknown or missing operation' },
      { code: 404, reason: 'No such playback' },
      { code: 409, reason: 'Not possible in the playback\'s current state' },
    ],
    handler: ({ world, args, path }) => {
      const operation = args.string('operation');
      if (operation === undefined) return fail(400, 'Missing operation');
      if (!(OPERATIONS as readonly string[]).includes(operation)) return fail(400, `Invalid operation ${operation}`);
      const playback = world.findPlayback(path.playbackId ?? '');
      if (!playback) return fail(404, 'Playback not found');
      switch (playback.control(operation as PlaybackOperation)) {
        case 'ok':
          return noContent();
        case 'not-playing':
          return fail(409, `Can only ${operation} while media is playing`);
        case 'failed':
          return fail(500, `Could not ${operation} playback`);
      }
    },
  },
];
