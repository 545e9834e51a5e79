import type { Channel, ChannelState } from './channel';
import type { World } from './world';

export function setState(world: World, channel: Channel, state: ChannelState): void {
  if (channel.state === state) return;
  channel.state = state;
  world.events.channelEvent('ChannelStateChange', channel);
}

/**
 * A channel answers. When it is the `;2` half of a Local pair, the `;1` half
 * that is being dialled is answered too (Local channels pass the answer through).
 */
export function answerChannel(world: World, channel: Channel): void {
  setState(world, channel, 'Up');
  const partner = channel.partner;
  if (channel.half === 2 && partner && !partner.destroyed) {
    if (partner.outbound) partner.outbound.answered();
    else setState(world, partner, 'Up');
  }
}

/** Ringing() on the `;2` half: the `;1` half being dialled starts ringing. */
export function indicateRinging(channel: Channel): void {
  const partner = channel.partner;
  if (channel.half === 2 && partner?.outbound) partner.outbound.ringing();
}

/** Busy() sets the channel's state to Busy and reports busy to whoever dials it. */
export function indicateBusy(world: World, channel: Channel): void {
  setState(world, channel, 'Busy');
  const partner = channel.partner;
  if (channel.half === 2 && partner?.outbound) partner.outbound.failedByIndication('BUSY', 17);
}

/** Congestion() sets the state to Busy too, and reports congestion to whoever dials it. */
export function indicateCongestion(world: World, channel: Channel): void {
  setState(world, channel, 'Busy');
  const partner = channel.partner;
  if (channel.half === 2 && partner?.outbound) partner.outbound.failedByIndication('CONGESTION', 34);
}
