import type { Bridge, MediaRole } from './bridge';
import { joinBridge, leaveBridge } from './bridge-membership';
import type { Channel, Technology } from './channel';
import { ControlQueue } from './control-queue';
import type { World } from './world';

/**
 * Bridge playbacks and recordings run on a media channel pair
 * (`Announcer/ARI-<seq>;1/;2`, `Recorder/...`) whose `;2` half joins the
 * bridge. Asterisk keeps these channels internal: applications see no
 * events about them, only the BRIDGEPEER changes of the real participants.
 * The pair leaves and hangs up once its last command is over.
 */
export function bridgeMediaQueue(world: World, bridge: Bridge, role: MediaRole): ControlQueue {
  const existing = bridge.media[role];
  if (existing) return existing.control;
  const [one, two] = internalPair(world, role, `${role}/ARI-${world.ids.nameSequence(role)}`);
  const queue = new ControlQueue((task) => world.soon(task));
  one.control = queue;
  bridge.media[role] = { channel: two, control: queue };
  joinBridge(world, two, bridge);
  queue.onIdle = () => releaseMediaChannel(world, bridge, role);
  return queue;
}

function releaseMediaChannel(world: World, bridge: Bridge, role: MediaRole): void {
  const channel = bridge.media[role]?.channel;
  delete bridge.media[role];
  if (!channel) return;
  if (channel.bridge) leaveBridge(world, channel, { updatePeers: !bridge.destroyed });
  for (const half of [channel, channel.partner]) {
    if (!half || half.destroyed) continue;
    half.destroyed = true;
    world.channels.delete(half.id);
  }
}

/** The bridge goes away: its media channels stop, failing what they were playing or recording. */
export function stopBridgeMedia(world: World, bridge: Bridge): void {
  stopBridgeMoh(world, bridge);
  for (const role of ['Announcer', 'Recorder'] as const) {
    const queue = bridge.media[role]?.control;
    if (!queue) continue;
    queue.onIdle = undefined;
    queue.flushOnHangup();
    releaseMediaChannel(world, bridge, role);
  }
}

/**
 * Music on hold in a mixing bridge is played by an `Announcer/ARI_MOH-<seq>`
 * pair whose `;2` half joins the bridge (the participants' BRIDGEPEER names
 * it); a holding bridge plays its music itself and gets no such channel.
 */
export function startBridgeMoh(world: World, bridge: Bridge): void {
  if (bridge.type === 'holding' || bridge.mohChannel) return;
  const [, two] = internalPair(world, 'Announcer', `Announcer/ARI_MOH-${world.ids.nameSequence('ARI_MOH')}`);
  bridge.mohChannel = two;
  joinBridge(world, two, bridge);
}

/** The music channel leaves without the participants' peers being updated. */
export function stopBridgeMoh(world: World, bridge: Bridge): void {
  const channel = bridge.mohChannel;
  bridge.mohChannel = undefined;
  if (!channel) return;
  if (channel.bridge) leaveBridge(world, channel, { updatePeers: false });
  for (const half of [channel, channel.partner]) {
    if (!half || half.destroyed) continue;
    half.destroyed = true;
    world.channels.delete(half.id);
  }
}

/** The two halves (`;1`, `;2`) of an internal channel Asterisk creates to play into a bridge, partnered. */
function internalPair(world: World, technology: Technology, name: string): [Channel, Channel] {
  const make = (half: 1 | 2): Channel =>
    world.createChannel({
      name: `${name};${half}`,
      technology,
      state: 'Up',
      dialplan: { context: 'default', exten: 's', priority: 1, appName: '', appData: '' },
      internal: true,
    });
  const one = make(1);
  const two = make(2);
  one.partner = two;
  two.partner = one;
  return [one, two];
}
