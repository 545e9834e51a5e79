import { causeText, SOFTHANGUP_APPUNLOAD, SOFTHANGUP_EXPLICIT } from './causes';
import type { Channel } from './channel';
import { leaveBridge } from './bridge-membership';
import { leaveStasis } from './stasis';
import type { World } from './world';

/**
 * Who asked for the hang-up decides the ChannelHangupRequest Asterisk sends:
 * - `explicit`: ARI (DELETE, a dial timeout): a soft request, cause 32 (AST_SOFTHANGUP_EXPLICIT);
 * - `remote`: the far end or the other half of a Local pair: a hard request carrying the cause;
 * - `silent`: a dialler giving up on a channel that never ran anything: no request at all.
 */
export type HangupRequest =
  | { kind: 'explicit'; cause: number }
  | { kind: 'remote'; cause: number }
  | { kind: 'silent'; cause: number; afterDestroyed?: () => void };

/**
 * Asks a channel to hang up. The request is published at once; the channel
 * tears down when its thread reads the hang-up, behind frames queued earlier.
 */
export function requestHangup(world: World, channel: Channel, request: HangupRequest): void {
  if (channel.destroyed || channel.hangingUp) return;
  switch (request.kind) {
    case 'explicit':
      channel.hangupCause = request.cause;
      world.events.channelEvent('ChannelHangupRequest', channel, { cause: SOFTHANGUP_EXPLICIT, soft: true });
      if (channel.snoopTarget && !channel.snoopTarget.destroyed) {
        channel.enqueueFrame({ at: Date.now(), run: () => detachSnoop(world, channel) }, world.frameScheduler);
        return;
      }
      break;
    case 'remote':
      if (request.cause !== 0) channel.hangupCause = request.cause;
      world.events.channelEvent('ChannelHangupRequest', channel, { cause: request.cause });
      break;
    case 'silent':
      channel.hangupCause = request.cause;
      teardown(world, channel, { afterDestroyed: request.afterDestroyed });
      return;
  }
  channel.hangingUp = true;
  channel.enqueueFrame({ at: Date.now(), run: () => teardown(world, channel) }, world.frameScheduler);
}

/**
 * Asterisk 22 ends an ARI hang-up of a snoop by taking it out of Stasis and
 * no further: it leaves its bridge and its application (StasisEnd, nothing
 * after it reaches the application) and stays up, its audiohook on its
 * target, until the target goes and takes it along.
 */
function detachSnoop(world: World, channel: Channel): void {
  if (channel.destroyed || channel.detachedSnoop) return;
  channel.detachedSnoop = true;
  channel.control?.flushOnHangup();
  if (channel.bridge) leaveBridge(world, channel);
  if (channel.stasis) leaveStasis(world, channel);
}

/**
 * The end of a dialplan: the PBX loop soft-hangs the channel up with
 * AST_SOFTHANGUP_APPUNLOAD (the "cause 16, soft" Asterisk reports) and the
 * channel goes, with cause 16 unless something set another.
 */
export function endDialplan(world: World, channel: Channel): void {
  if (channel.destroyed) return;
  channel.pbx?.stop();
  channel.pbx = undefined;
  world.events.channelEvent('ChannelHangupRequest', channel, { cause: SOFTHANGUP_APPUNLOAD, soft: true });
  if (channel.hangupCause === 0) channel.hangupCause = 16;
  channel.hangingUp = true;
  channel.enqueueFrame({ at: Date.now(), run: () => teardown(world, channel, { dialplanEnded: true }) }, world.frameScheduler);
}

/**
 * Tears a channel down in Asterisk's order: its queued media commands fail,
 * it leaves its bridge and its application, the other half of a Local pair
 * is told, then ChannelDestroyed.
 */
function teardown(world: World, channel: Channel, options: { dialplanEnded?: boolean; afterDestroyed?: () => void } = {}): void {
  if (channel.destroyed) return;
  channel.hangingUp = true;
  channel.outbound?.abandon();
  channel.outbound = undefined;
  for (const timer of channel.farTimers.splice(0)) timer.cancel();
  channel.control?.flushOnHangup();
  if (channel.bridge) leaveBridge(world, channel);
  if (channel.stasis) leaveStasis(world, channel);
  let dialplanEnded = options.dialplanEnded === true;
  // A channel still running dialplan ends it now: the PBX loop notices the hang-up.
  if (channel.pbx) {
    channel.pbx.stop();
    channel.pbx = undefined;
    world.events.channelEvent('ChannelHangupRequest', channel, { cause: SOFTHANGUP_APPUNLOAD, soft: true });
    dialplanEnded = true;
  }
  // A snoop whose target goes just leaves its application: StasisEnd, and no hang-up request it would report.
  for (const snoop of [...channel.snoops]) requestHangup(world, snoop, { kind: 'silent', cause: 16 });
  const partner = channel.partner;
  if (partner && !partner.destroyed) requestHangup(world, partner, { kind: 'remote', cause: channel.hangupCause });
  destroy(world, channel, dialplanEnded, options.afterDestroyed);
}

/** `afterDestroyed` publishes what Asterisk sends between ChannelDestroyed and the end of the subscriptions. */
function destroy(world: World, channel: Channel, clearApplication: boolean, afterDestroyed?: () => void): void {
  channel.destroyed = true;
  if (clearApplication) channel.dialplan = { ...channel.dialplan, appName: '', appData: '' };
  channel.snoopTarget?.snoops.delete(channel);
  world.events.channelEvent('ChannelDestroyed', channel, {}, { cause: channel.hangupCause, cause_txt: causeText(channel.hangupCause) });
  afterDestroyed?.();
  world.channels.delete(channel.id);
  world.apps.forget('channels', channel.id);
}

/**
 * Removes a channel without a single event, as if Asterisk had restarted and
 * forgotten it (control API). Its timers stop; nothing is published.
 */
export function forgetChannel(world: World, channel: Channel): void {
  channel.destroyed = true;
  channel.hangingUp = true;
  channel.pbx?.stop();
  channel.outbound?.forget();
  for (const timer of channel.farTimers.splice(0)) timer.cancel();
  channel.control?.forget();
  world.channels.delete(channel.id);
  world.apps.forget('channels', channel.id);
}
