import type { Channel } from './channel';
import { extensionSteps } from './dialplan-contexts';
import { DialplanRun } from './dialplan-run';
import type { World } from './world';

export interface LocalDestination {
  exten: string;
  context: string;
}

/** `Local/<exten>@<context>[/options]`: the part after `Local/`. */
export function parseLocalResource(resource: string): LocalDestination {
  const withoutOptions = resource.split('/')[0] ?? '';
  const at = withoutOptions.indexOf('@');
  if (at < 0) return { exten: withoutOptions, context: 'default' };
  return { exten: withoutOptions.slice(0, at), context: withoutOptions.slice(at + 1) };
}

/**
 * Allocates a Local pair. `;1` is the half the caller gets (Down, sitting in
 * the dial); `;2` is the half that will run the dialplan (Ring). A chosen id
 * without a chosen other id names the second half `<id>;2`.
 */
export function createLocalPair(world: World, destination: LocalDestination, ids: { id?: string; otherId?: string }): [Channel, Channel] {
  const sequence = world.ids.nameSequence('Local');
  const base = `Local/${destination.exten}@${destination.context}-${sequence}`;
  const location = { context: destination.context, exten: destination.exten, priority: 1, appName: '', appData: '' };
  const one = world.createChannel({ id: ids.id, name: `${base};1`, technology: 'Local', state: 'Down', dialplan: { ...location } });
  const otherId = ids.otherId ?? (ids.id !== undefined ? `${ids.id};2` : undefined);
  const two = world.createChannel({ id: otherId, name: `${base};2`, technology: 'Local', state: 'Ring', dialplan: { ...location } });
  one.half = 1;
  two.half = 2;
  one.partner = two;
  two.partner = one;
  return [one, two];
}

/**
 * ast_call on a Local `;1`: the variables of `;1` are copied to `;2`, `;2`
 * takes `;1`'s connected line as its caller and `;1`'s caller as its
 * connected line, and `;2` starts its dialplan.
 * Returns false when the extension does not exist (the call fails).
 */
export function startLocalCall(world: World, one: Channel): boolean {
  const two = one.partner;
  if (!two || two.destroyed) return false;
  const steps = extensionSteps(two.dialplan.context, two.dialplan.exten);
  if (!steps) return false;
  // Asterisk's variable list puts the newest first: ;2 gets them (and reports them) newest first.
  for (const [name, value] of [...one.vars].reverse()) {
    two.vars.set(name, value);
    world.events.channelEvent('ChannelVarset', two, { variable: name, value });
  }
  // local_call: ;2's caller is ;1's connected line, ;2's connected line is ;1's caller; both are
  // set before either change is published, so both events show both.
  const callerChanges = one.connected.name !== '' || one.connected.number !== '';
  const connectedChanges = one.caller.name !== '' || one.caller.number !== '';
  if (callerChanges) two.caller = { ...one.connected };
  if (connectedChanges) two.connected = { ...one.caller };
  if (callerChanges) world.events.channelEvent('ChannelCallerId', two, {}, { caller_presentation: 0, caller_presentation_txt: 'Presentation Allowed, Not Screened' });
  if (connectedChanges) world.events.channelEvent('ChannelConnectedLine', two);
  const run = new DialplanRun(world, two, two.dialplan.context, two.dialplan.exten);
  two.pbx = run;
  world.soon(() => {
    if (two.pbx === run) run.start(1);
  });
  return true;
}
