import type { Bridge, BridgeMediaChannel } from './bridge';
import { joinBridge, leaveBridge } from './bridge-membership';
import type { Channel, Technology } from './channel';
import { ControlQueue } from './control-queue';
import type { World } from './world';

/**
 * Bridge playbacks and recordings run on a media channel pair
 * (`Announcer/ARI-<seq>;1/;2`, `Recorder/...`) whose `;2` half joins the
 * bridge. Asterisk keeps these channels internal: applications see no
 * events about them, only the BRIDGEPEER changes of the real participants.
 * Playbacks queue on the bridge's one Announcer; each recording gets a
 * Recorder of its own. A pair leaves and hangs up once its last command is over.
 */
export function bridgeMediaQueue(world: World, bridge: Bridge): ControlQueue {
  const existing = bridge.media.Announcer;
  if (existing) return existing.control;
  const media = mediaPair(world, bridge, 'Announcer');
  bridge.media.Announcer = media;
  media.control.onIdle = () => {
    delete bridge.media.Announcer;
    releaseMediaChannel(world, bridge, media);
  };
  return media.control;
}

/** A Recorder of its own for one bridge recording. */
export function bridgeRecorderQueue(world: World, bridge: Bridge): ControlQueue {
  const media = mediaPair(world, bridge, 'Recorder');
  bridge.recorders.add(media);
  media.control.onIdle = () => {
    bridge.recorders.delete(media);
    releaseMediaChannel(world, bridge, media);
  };
  return media.control;
}

/** A Recorder that joined for a recording Asterisk then refused: it leaves at once. */
export function releaseRefusedRecorder(world: World, bridge: Bridge): void {
  releaseMediaChannel(world, bridge, mediaPair(world, bridge, 'Recorder'));
}

function mediaPair(world: World, bridge: Bridge, role: 'Announcer' | 'Recorder'): BridgeMediaChannel {
  const [one, two] = internalPair(world, role, `${role}/ARI-${world.ids.nameSequence(role)}`);
  const control = new ControlQueue((task) => world.soon(task));
  one.control = control;
  joinBridge(world, two, bridge);
  return { channel: two, control };
}

function releaseMediaChannel(world: World, bridge: Bridge, media: BridgeMediaChannel): void {
  const channel = media.channel;
  if (channel.bridge) leaveBridge(world, channel, { updatePeers: !bridge.destroyed });
  for (const half of [channel, channel.partner]) {
    if (!half || half.destroyed) continue;
    half.destroyed = true;
    world.channels.delete(half.id);
  }
}

/** Every media channel of the bridge, the Announcer first. */
export function bridgeMediaChannels(bridge: Bridge): BridgeMediaChannel[] {
  return [...(bridge.media.Announcer ? [bridge.media.Announcer] : []), ...bridge.recorders];
}

/** The bridge goes away: its media channels stop, failing what they were playing or recording. */
export function stopBridgeMedia(world: World, bridge: Bridge): void {
  stopBridgeMoh(world, bridge);
  for (const media of bridgeMediaChannels(bridge)) {
    media.control.onIdle = undefined;
    media.control.flushOnHangup();
    releaseMediaChannel(world, bridge, media);
  }
  delete bridge.media.Announcer;
  bridge.recorders.clear();
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
