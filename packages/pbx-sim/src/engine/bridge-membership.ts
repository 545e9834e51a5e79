import type { Bridge } from './bridge';
import type { Channel } from './channel';
import { setVar } from './stasis';
import type { World } from './world';

/**
 * A channel joins a bridge. Its application subscribes to the bridge first
 * (so it sees ChannelEnteredBridge and, later, bridge playbacks), as
 * res_stasis does when it swaps a channel into a bridge.
 */
export function joinBridge(world: World, channel: Channel, bridge: Bridge, options: { updatePeers?: boolean } = {}): void {
  if (channel.bridge === bridge) return;
  if (channel.bridge) leaveBridge(world, channel);
  bridge.channels.push(channel);
  channel.bridge = bridge;
  if (channel.stasis) world.apps.subscribe(channel.stasis.app, 'bridges', bridge.id);
  if (!channel.internal) {
    world.events.publish(
      'ChannelEnteredBridge',
      {},
      { bridge: bridge.snapshot(), channel: channel.snapshot() },
      { channels: [channel.id], bridges: [bridge.id] },
    );
  }
  if (options.updatePeers !== false) updatePeerVars(world, bridge);
}

/**
 * A channel leaves its bridge: its BRIDGEPEER is cleared when it had one,
 * ChannelLeftBridge goes out, then the remaining channels' peers are updated.
 */
export function leaveBridge(world: World, channel: Channel, options: { updatePeers?: boolean } = {}): void {
  const bridge = channel.bridge;
  if (!bridge) return;
  const index = bridge.channels.indexOf(channel);
  if (index >= 0) bridge.channels.splice(index, 1);
  channel.bridge = undefined;
  channel.bridgeRole = undefined;
  const peer = channel.vars.get('BRIDGEPEER');
  if (peer !== undefined && peer !== '') setVar(world, channel, 'BRIDGEPEER', '');
  if (!channel.internal) {
    world.events.publish(
      'ChannelLeftBridge',
      {},
      { bridge: bridge.snapshot(), channel: channel.snapshot() },
      { channels: [channel.id], bridges: [bridge.id] },
    );
  }
  if (channel.stasis) world.apps.unsubscribe(channel.stasis.app, 'bridges', bridge.id);
  // A bridge being dissolved does not reconfigure the channels still in it.
  if (options.updatePeers !== false) updatePeerVars(world, bridge);
}

/**
 * BRIDGEPEER (and, for SIP peers in a two-party bridge, BRIDGEPVTCALLID) on
 * every channel of a mixing bridge with two or more channels: the other
 * channels' names, most recent first. Holding bridges keep no peers.
 */
export function updatePeerVars(world: World, bridge: Bridge): void {
  if (bridge.type === 'holding' || bridge.channels.length < 2) return;
  const listOrder = [...bridge.channels].reverse();
  if (bridge.channels.length === 2) {
    const [first, second] = bridge.channels as [Channel, Channel];
    setTwoPartyPeer(world, first, second);
    setTwoPartyPeer(world, second, first);
    return;
  }
  for (const channel of bridge.channels) {
    const names = listOrder.filter((c) => c !== channel).map((c) => c.name);
    setVar(world, channel, 'BRIDGEPEER', names.join(','));
  }
}

function setTwoPartyPeer(world: World, channel: Channel, peer: Channel): void {
  setVar(world, channel, 'BRIDGEPEER', peer.name);
  if (peer.technology === 'PJSIP') setVar(world, channel, 'BRIDGEPVTCALLID', peer.protocolId);
  else channel.vars.delete('BRIDGEPVTCALLID');
}
