import { pathParam, queryParam, type RouteContext, type RouteSpec } from '../ari/route-spec';
import type { World } from '../engine/world';
import type { Channel } from '../engine/channel';
import { channelSources } from '../engine/event-bus';
import { controlQueue } from './channels-control';
import { withChosenId } from './chosen-id';
import { CONTROL_STATE_ERRORS, findControl, findControlInValidState } from './lookups';
import { queuePlayback, queueRecording, RECORDING_OPTION_PARAMS } from './media-requests';

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

/** A channel's media runs on its own control queue; its events follow the channel. */
/**
 * Whether audio frames reach a recording channel: a SIP call has RTP; a
 * Local half gets what the application on its other half writes — Playback
 * or music plays, Echo returns the silence the recorder transmits when
 * transmit_silence is on — and nothing while that one answers or waits.
 */
function carriesAudio(world: World, channel: Channel): boolean {
  if (channel.technology === 'PJSIP') return true;
  const app = channel.partner?.dialplan.appName ?? '';
  return PLAYING_APPS.has(app) || (app === 'Echo' && world.transmitSilence);
}

const PLAYING_APPS = new Set(['Playback', 'Background', 'MusicOnHold', 'Milliwatt', 'Playtones']);

function mediaTarget(channel: Channel) {
  return { uri: channel.uri, sources: channelSources(channel) };
}

function play({ world, args, path }: RouteContext, playbackId: string | undefined) {
  const found = findControlInValidState(world, path.channelId ?? '');
  if (!found.ok) return found.result;
  const channel = found.value;
  return queuePlayback(world, () => controlQueue(world, channel), mediaTarget(channel), args, playbackId, channel.language);
}

export const channelMediaRoutes: RouteSpec[] = [
  ...withChosenId({
    resource: 'channels',
    path: '/channels/{channelId}/play',
    nickname: 'play',
    summary: 'Plays media to the channel.',
    summaryWithId: 'Plays media to the channel with a chosen playback id.',
    responseClass: 'Playback',
    target: channelIdParam,
    chosenId: { name: 'playbackId', description: 'Id to give the playback.' },
    params: playParams,
    errorResponses: CONTROL_STATE_ERRORS,
    handler: play,
  }),
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
      ...RECORDING_OPTION_PARAMS,
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
        ...mediaTarget(channel),
        blockedReason: () => (channel.bridge ? 'Cannot record channel while in bridge' : undefined),
        carriesAudio: () => carriesAudio(world, channel),
      }, args);
    },
  },
];
