import { pathParam, queryParam, type RouteContext, type RouteSpec } from '../ari/route-spec';
import { channelSources } from '../engine/event-bus';
import { controlQueue } from './channels-control';
import { findControl, stateInvalid } from './lookups';
import { queuePlayback, queueRecording } from './media-requests';

const channelIdParam = pathParam('channelId', 'string', "Channel's id.");
const playParams = [
  queryParam('media', 'string', 'Media URIs to play in order: sound:, recording:, number:, digits:, characters:, tone:.', {
    required: true,
    allowMultiple: true,
  }),
  queryParam('lang', 'string', "Language for sound files; the channel's language when omitted."),
  queryParam('offsetms', 'int', 'Milliseconds to skip at the start of the first media.'),
  queryParam('skipms', 'int', 'Milliseconds forward and reverse move by.', { defaultValue: 3000 }),
];
const PLAY_ERRORS = [
  { code: 404, reason: 'No such channel' },
  { code: 409, reason: 'The channel is in no Stasis application' },
  { code: 412, reason: 'The channel\'s state does not allow this' },
];

function play({ world, args, path }: RouteContext, playbackId: string | undefined) {
  const found = findControl(world, path.channelId ?? '');
  if (!found.ok) return found.result;
  const channel = found.value;
  const invalid = stateInvalid(channel);
  if (invalid) return invalid;
  return queuePlayback(world, () => controlQueue(world, channel), { uri: channel.uri, sources: channelSources(channel) }, args, playbackId, channel.language);
}

export const channelMediaRoutes: RouteSpec[] = [
  {
    resource: 'channels',
    path: '/channels/{channelId}/play',
    method: 'POST',
    nickname: 'play',
    summary: 'Plays media to the channel.',
    responseClass: 'Playback',
    params: [channelIdParam, ...playParams, queryParam('playbackId', 'string', 'Id to give the playback.')],
    errorResponses: PLAY_ERRORS,
    handler: (context) => play(context, context.args.nonEmpty('playbackId')),
  },
  {
    resource: 'channels',
    path: '/channels/{channelId}/play/{playbackId}',
    method: 'POST',
    nickname: 'playWithId',
    summary: 'Plays media to the channel with a chosen playback id.',
    responseClass: 'Playback',
    params: [channelIdParam, pathParam('playbackId', 'string', 'Id to give the playback.'), ...playParams],
    errorResponses: PLAY_ERRORS,
    handler: (context) => play(context, context.path.playbackId),
  },
  {
    resource: 'channels',
    path: '/channels/{channelId}/record',
    method: 'POST',
    nickname: 'record',
    summary: 'Records the channel.',
    responseClass: 'LiveRecording',
    params: [
      channelIdParam,
      queryParam('name', 'string', 'Recording name (the file name, without extension).', { required: true }),
      queryParam('format', 'string', 'File format, such as wav or gsm.', { required: true }),
      queryParam('maxDurationSeconds', 'int', 'Longest recording, in seconds; 0 for no limit.', { defaultValue: 0 }),
      queryParam('maxSilenceSeconds', 'int', 'Silence that ends the recording, in seconds; 0 for none.', { defaultValue: 0 }),
      queryParam('ifExists', 'string', 'What to do when a recording with that name exists.', {
        defaultValue: 'fail',
        allowableValues: ['fail', 'overwrite', 'append'],
      }),
      queryParam('beep', 'boolean', 'Play a beep first.', { defaultValue: false }),
      queryParam('terminateOn', 'string', 'DTMF key that ends the recording.', { defaultValue: 'none', allowableValues: ['none', 'any', '*', '#'] }),
    ],
    errorResponses: [
      { code: 400, reason: 'Bad parameters' },
      { code: 404, reason: 'No such channel' },
      { code: 409, reason: 'Not in Stasis, or the name is taken' },
      { code: 422, reason: 'Unknown format' },
    ],
    handler: ({ world, args, path }) => {
      const found = findControl(world, path.channelId ?? '');
      if (!found.ok) return found.result;
      const channel = found.value;
      return queueRecording(world, () => controlQueue(world, channel), {
        uri: channel.uri,
        sources: channelSources(channel),
        blockedReason: () => (channel.bridge ? 'Cannot record channel while in bridge' : undefined),
      }, args);
    },
  },
];
