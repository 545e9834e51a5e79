import { fail, noContent, pathParam, queryParam, type AriResult, type ParamSpec, type RouteContext, type RouteSpec } from '../ari/route-spec';
import { ControlQueue } from '../engine/control-queue';
import type { Channel } from '../engine/channel';
import { DtmfCommand } from '../engine/dtmf';
import { answerChannel, indicateRinging } from '../engine/indications';
import type { World } from '../engine/world';
import { DIRECTIONS } from './channel-params';
import { CONTROL_STATE_ERRORS, findControlInValidState } from './lookups';

const channelIdParam = pathParam('channelId', 'string', "Channel's id.");

export function controlQueue(world: World, channel: Channel): ControlQueue {
  if (!channel.control) channel.control = new ControlQueue((task) => world.soon(task));
  return channel.control;
}

/**
 * An operation on a channel in Stasis that needs a call in progress: the
 * channel is looked up (404/409), its state checked (412), then `act` runs.
 */
function stateful(
  resource: string,
  path: string,
  method: RouteSpec['method'],
  nickname: string,
  summary: string,
  params: ParamSpec[],
  act: (channel: Channel, context: RouteContext) => AriResult | undefined,
): RouteSpec {
  return {
    resource,
    path,
    method,
    nickname,
    summary,
    responseClass: 'void',
    params: [channelIdParam, ...params],
    errorResponses: CONTROL_STATE_ERRORS,
    handler: (context) => {
      const found = findControlInValidState(context.world, context.path.channelId ?? '');
      if (!found.ok) return found.result;
      return act(found.value, context) ?? noContent();
    },
  };
}

function direction(channel: Channel, value: string | undefined, mute: boolean): AriResult | undefined {
  if (value === undefined) return fail(400, 'Direction is required');
  if (!(DIRECTIONS as readonly string[]).includes(value)) return fail(400, 'Invalid direction specified');
  const directions: ('in' | 'out')[] = value === 'both' ? ['in', 'out'] : [value as 'in' | 'out'];
  for (const d of directions) {
    if (mute) channel.mutedDirections.add(d);
    else channel.mutedDirections.delete(d);
  }
  return undefined;
}

const directionParam = queryParam('direction', 'string', 'Audio direction.', { defaultValue: 'both', allowableValues: DIRECTIONS });

/**
 * Indications and media controls. They change what the far end hears, which
 * Asterisk does not report as events (trace A13), so they return 204 and
 * publish nothing.
 */
export const channelControlRoutes: RouteSpec[] = [
  stateful('channels', '/channels/{channelId}/answer', 'POST', 'answer', 'Answers the channel.', [], (channel, { world }) => {
    if (channel.state !== 'Up') answerChannel(world, channel);
    return undefined;
  }),
  // Ringing sent to the ;2 half of a Local pair reaches the ;1 half, whose dialler sees it ring.
  stateful('channels', '/channels/{channelId}/ring', 'POST', 'ring', 'Sends ringing to the channel.', [], (channel) => {
    indicateRinging(channel);
    return undefined;
  }),
  stateful('channels', '/channels/{channelId}/ring', 'DELETE', 'ringStop', 'Stops ringing the channel.', [], () => undefined),
  stateful('channels', '/channels/{channelId}/progress', 'POST', 'progress', 'Sends call progress (early media) to the channel.', [], () => undefined),
  stateful(
    'channels',
    '/channels/{channelId}/dtmf',
    'POST',
    'sendDTMF',
    'Sends DTMF keys to the far end.',
    [
      queryParam('dtmf', 'string', 'Keys to send: 0-9, A-D, *, #; w pauses 500 ms, W a second.'),
      queryParam('before', 'int', 'Milliseconds to wait first.', { defaultValue: 0 }),
      queryParam('between', 'int', 'Milliseconds between keys.', { defaultValue: 100 }),
      queryParam('duration', 'int', 'Milliseconds each key is held.', { defaultValue: 100 }),
      queryParam('after', 'int', 'Milliseconds to wait after the last key.', { defaultValue: 0 }),
    ],
    (channel, { world, args }) => {
      const dtmf = args.nonEmpty('dtmf');
      if (!dtmf) return fail(400, 'DTMF is required');
      const positive = (name: string, fallback: number): number => {
        const v = args.int(name);
        return v !== undefined && v > 0 ? v : fallback;
      };
      const timing = { before: positive('before', 0), between: positive('between', 100), duration: positive('duration', 100), after: positive('after', 0) };
      controlQueue(world, channel).push(new DtmfCommand(world, channel, dtmf, timing));
      return undefined;
    },
  ),
  stateful('channels', '/channels/{channelId}/mute', 'POST', 'mute', 'Mutes the channel.', [directionParam], (channel, { args }) =>
    direction(channel, args.nonEmpty('direction'), true),
  ),
  stateful('channels', '/channels/{channelId}/mute', 'DELETE', 'unmute', 'Unmutes the channel.', [directionParam], (channel, { args }) =>
    direction(channel, args.nonEmpty('direction'), false),
  ),
  stateful('channels', '/channels/{channelId}/hold', 'POST', 'hold', 'Puts the channel on hold.', [], (channel) => {
    channel.held = true;
    return undefined;
  }),
  stateful('channels', '/channels/{channelId}/hold', 'DELETE', 'unhold', 'Takes the channel off hold.', [], (channel) => {
    channel.held = false;
    return undefined;
  }),
  stateful(
    'channels',
    '/channels/{channelId}/moh',
    'POST',
    'startMoh',
    'Plays music on hold to the channel.',
    [queryParam('mohClass', 'string', 'Music class; the default class when omitted.')],
    () => undefined,
  ),
  stateful('channels', '/channels/{channelId}/moh', 'DELETE', 'stopMoh', 'Stops music on hold.', [], () => undefined),
  stateful('channels', '/channels/{channelId}/silence', 'POST', 'startSilence', 'Plays silence to the channel.', [], () => undefined),
  stateful('channels', '/channels/{channelId}/silence', 'DELETE', 'stopSilence', 'Stops playing silence.', [], () => undefined),
];
