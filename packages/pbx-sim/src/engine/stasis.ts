import type { Channel } from './channel';
import type { World } from './world';

/**
 * How a channel reaches the Stasis application:
 * - `originate`: the originate runs Stasis directly once answered (no ChannelDialplan event);
 * - `dialplan`: Stasis() runs as a dialplan or exec'd application (ChannelDialplan first).
 */
export type StasisEntry = 'originate' | 'dialplan';

/** Arguments of Stasis(app,arg1,arg2): the app data split at commas. */
export function stasisAppData(app: string, appArgs: string | undefined): string {
  return appArgs !== undefined && appArgs !== '' ? `${app},${appArgs}` : app;
}

function splitArgs(appArgs: string | undefined): string[] {
  if (appArgs === undefined || appArgs === '') return [];
  return appArgs.split(',');
}

/**
 * Puts a channel into a Stasis application. STASISSTATUS is cleared first,
 * then the application subscribes to the channel and gets StasisStart: an
 * application only sees that ChannelVarset when something subscribed it to
 * the channel earlier (an originate or create does; a dialplan or snoop does not).
 * Returns false when the application is not registered, as Stasis() fails then.
 */
export function enterStasis(world: World, channel: Channel, app: string, appArgs: string | undefined, entry: StasisEntry): boolean {
  const saved = { appName: channel.dialplan.appName, appData: channel.dialplan.appData };
  const appData = stasisAppData(app, appArgs);
  channel.dialplan = { ...channel.dialplan, appName: 'Stasis', appData };
  if (entry === 'dialplan') {
    world.events.channelEvent('ChannelDialplan', channel, {}, { dialplan_app: 'Stasis', dialplan_app_data: appData });
  }
  setVar(world, channel, 'STASISSTATUS', '');
  const registered = world.apps.get(app);
  if (!registered || !registered.active) {
    setVar(world, channel, 'STASISSTATUS', 'FAILED');
    channel.dialplan = { ...channel.dialplan, ...saved };
    return false;
  }
  channel.stasis = { app, saved };
  world.apps.subscribe(app, 'channels', channel.id);
  world.events.stasisEvent(app, 'StasisStart', channel, { args: splitArgs(appArgs) });
  return true;
}

/**
 * Takes a channel out of its application: StasisEnd, the application drops
 * the subscription StasisStart took, STASISSTATUS becomes SUCCESS, and the
 * snapshot shows the application that ran before Stasis again.
 */
export function leaveStasis(world: World, channel: Channel): void {
  const membership = channel.stasis;
  if (!membership) return;
  channel.stasis = undefined;
  world.events.stasisEvent(membership.app, 'StasisEnd', channel);
  world.apps.unsubscribe(membership.app, 'channels', channel.id);
  setVar(world, channel, 'STASISSTATUS', 'SUCCESS');
  channel.dialplan = { ...channel.dialplan, appName: membership.saved.appName, appData: membership.saved.appData };
}

/** Sets a channel variable and publishes ChannelVarset, as pbx_builtin_setvar_helper does. */
export function setVar(world: World, channel: Channel, name: string, value: string): void {
  channel.vars.set(name, value);
  world.events.channelEvent('ChannelVarset', channel, { variable: name, value });
}

/**
 * Moves a channel from its application to another that is registered:
 * StasisEnd to the one it leaves, StasisStart to the one it enters, and
 * nothing else; the channel stays in Stasis(), so neither STASISSTATUS nor
 * its dialplan snapshot changes.
 */
export function switchStasis(world: World, channel: Channel, app: string, appArgs: string | undefined): void {
  const membership = channel.stasis;
  if (!membership) return;
  world.events.stasisEvent(membership.app, 'StasisEnd', channel);
  world.apps.unsubscribe(membership.app, 'channels', channel.id);
  channel.stasis = { app, saved: membership.saved };
  world.apps.subscribe(app, 'channels', channel.id);
  world.events.stasisEvent(app, 'StasisStart', channel, { args: splitArgs(appArgs) });
}
