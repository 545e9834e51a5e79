import { fail, type AriResult, type ErrorResponse } from '../ari/route-spec';
import type { Bridge } from '../engine/bridge';
import type { Channel } from '../engine/channel';
import type { World } from '../engine/world';

export type Found<T> = { ok: true; value: T } | { ok: false; result: AriResult };

/**
 * find_control: the channel must exist (404 "Channel not found") and be in
 * a Stasis application (409 "Channel not in Stasis application").
 */
export function findControl(world: World, channelId: string): Found<Channel> {
  const channel = world.channels.get(channelId);
  if (!channel || channel.destroyed) return { ok: false, result: fail(404, 'Channel not found') };
  if (!channel.stasis) return { ok: false, result: fail(409, 'Channel not in Stasis application') };
  return { ok: true, value: channel };
}

/**
 * channel_state_invalid: operations that need a call in progress refuse
 * channels that are Down, reserved or still ringing out (412).
 */
function stateInvalid(channel: Channel): AriResult | undefined {
  return channel.state === 'Down' || channel.state === 'Ringing' ? fail(412, 'Channel in invalid state') : undefined;
}

/** find_control, then channel_state_invalid: a channel in Stasis with a call in progress. */
export function findControlInValidState(world: World, channelId: string): Found<Channel> {
  const found = findControl(world, channelId);
  if (!found.ok) return found;
  const invalid = stateInvalid(found.value);
  return invalid ? { ok: false, result: invalid } : found;
}

/** The error responses the description lists for operations that use findControlInValidState. */
export const CONTROL_STATE_ERRORS: readonly ErrorResponse[] = [
  { code: 404, reason: 'No such channel' },
  { code: 409, reason: 'The channel is in no Stasis application' },
  { code: 412, reason: 'The channel\'s state does not allow this' },
];

export function findChannel(world: World, channelId: string): Channel | undefined {
  const channel = world.channels.get(channelId);
  return channel && !channel.destroyed ? channel : undefined;
}

export function findBridge(world: World, bridgeId: string): Found<Bridge> {
  const bridge = world.bridges.get(bridgeId);
  return bridge ? { ok: true, value: bridge } : { ok: false, result: fail(404, 'Bridge not found') };
}
