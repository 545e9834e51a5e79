import type { Args } from '../ari/args';
import { allocationFailed, fail, ok, type AriResult } from '../ari/route-spec';
import { allocateChannel, type Allocation } from '../engine/channel-factory';
import type { Channel } from '../engine/channel';
import { extensionSteps } from '../engine/dialplan-contexts';
import { DialplanRun } from '../engine/dialplan-run';
import { requestHangup } from '../engine/hangup';
import { OutboundCall } from '../engine/outbound-call';
import { enterStasis } from '../engine/stasis';
import { parseCallerId, writeChannelVariable } from '../engine/variables';
import type { World } from '../engine/world';
import { isJsonObject } from '../util/json';
import { KNOWN_CODECS } from './channel-params';

/** AST_MAX_PUBLIC_UNIQUEID: the longest id a client may choose. */
const MAX_CHOSEN_ID = 149;
const DEFAULT_ORIGINATE_TIMEOUT_MS = 30000;

type Parsed<T> = { ok: true; value: T } | { ok: false; result: AriResult };

/** json_to_ast_variables: the `variables` object of the body, string values only. */
export function bodyVariables(args: Args): Parsed<[string, string][]> {
  const body = args.body();
  if (!isJsonObject(body)) return { ok: true, value: [] };
  const variables = body.variables;
  if (!isJsonObject(variables)) return { ok: true, value: [] };
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value !== 'string') {
      return { ok: false, result: fail(400, "Each value in 'variables' must be a string or an object with 'value' and optional 'report_events'") };
    }
    pairs.push([name, value]);
  }
  return { ok: true, value: pairs };
}

function checkIds(id: string | undefined, otherId: string | undefined): AriResult | undefined {
  if ((id !== undefined && id.length > MAX_CHOSEN_ID) || (otherId !== undefined && otherId.length > MAX_CHOSEN_ID)) {
    return fail(400, `Uniqueid length exceeds maximum of ${MAX_CHOSEN_ID}`);
  }
  if (id !== undefined && id === otherId) return fail(409, 'Channel with given unique ID already exists');
  return undefined;
}

function checkFormats(formats: string | undefined): AriResult | undefined {
  if (formats === undefined) return undefined;
  for (const name of formats.split(',').map((f) => f.trim())) {
    if (!KNOWN_CODECS.has(name)) return fail(400, `Provided format (${name}) was not found`);
  }
  return undefined;
}

function allocationError(reason: 'failed' | 'id-exists'): AriResult {
  return reason === 'id-exists' ? fail(409, 'Channel with given unique ID already exists') : allocationFailed();
}

/**
 * An originate's caller id is the dialled channel's caller and, as
 * Asterisk's outgoing attempt sets it, its connected line too (a Local
 * `;2` half then gets it as its caller).
 */
function applyCallerAndVariables(world: World, channel: Channel, callerId: string | undefined, variables: [string, string][]): void {
  if (callerId !== undefined) {
    channel.caller = parseCallerId(callerId);
    channel.connected = { ...channel.caller };
  }
  for (const [name, value] of variables) writeChannelVariable(world, channel, name, value);
}

/**
 * POST /channels and POST /channels/{channelId}, checked in the order
 * Asterisk's ari_channels_handle_originate_with_id checks.
 */
export function originate(world: World, args: Args, chosenId: string | undefined): AriResult {
  const variables = bodyVariables(args);
  if (!variables.ok) return variables.result;
  const id = chosenId ?? args.nonEmpty('channelId');
  const otherId = args.nonEmpty('otherChannelId');
  const idProblem = checkIds(id, otherId);
  if (idProblem) return idProblem;
  const endpoint = args.nonEmpty('endpoint');
  if (!endpoint) return fail(400, 'Endpoint must be specified');
  const originator = args.nonEmpty('originator');
  const formats = args.nonEmpty('formats');
  if (originator && formats) return fail(400, "Originator and formats can't both be specified");
  const slash = endpoint.indexOf('/');
  const tech = slash < 0 ? endpoint : endpoint.slice(0, slash);
  const resource = slash < 0 ? '' : endpoint.slice(slash + 1);
  if (tech === '' || resource === '') return fail(400, 'Invalid endpoint specified');
  const timeoutSeconds = args.int('timeout') ?? 0;
  const timeoutMs = timeoutSeconds > 0 ? timeoutSeconds * 1000 : timeoutSeconds === -1 ? -1 : DEFAULT_ORIGINATE_TIMEOUT_MS;
  const app = args.nonEmpty('app');
  const appArgs = args.nonEmpty('appArgs');
  let dialplanTarget: { context: string; exten: string; priority: number } | undefined;
  if (!app) {
    const exten = args.nonEmpty('extension');
    if (!exten) return fail(400, 'Application or extension must be specified');
    const context = args.nonEmpty('context') ?? 'default';
    let priority = args.int('priority') || 1;
    const label = args.nonEmpty('label');
    if (label !== undefined) {
      // The simulated dialplan has no labels: only numeric labels resolve.
      if (!/^\s*-?\d+/.test(label)) return fail(404, 'Requested label can not be found');
      priority = Number.parseInt(label, 10);
      if (priority === 0) return fail(400, 'Requested priority is illegal');
    }
    dialplanTarget = { context, exten, priority };
  }
  if (originator && !world.channels.has(originator)) return fail(400, 'Provided originator channel was not found');
  const formatProblem = checkFormats(formats);
  if (formatProblem) return formatProblem;

  const allocated = allocateChannel(world, tech, resource, { id, otherId });
  if (!allocated.ok) return allocationError(allocated.reason);
  const { allocation } = allocated;
  const channel = allocation.channel;
  channel.dialplan = { ...channel.dialplan, appName: 'AppDial2', appData: '(Outgoing Line)' };
  // Published before the application follows the channel: only applications subscribed to everything see it.
  world.events.channelEvent('ChannelDialplan', channel, {}, { dialplan_app: 'AppDial2', dialplan_app_data: '(Outgoing Line)' });
  applyCallerAndVariables(world, channel, args.nonEmpty('callerId'), variables.value);
  if (app) {
    // The application follows both halves of a Local channel from the start.
    world.apps.subscribe(app, 'channels', channel.id);
    if (allocation.other) world.apps.subscribe(app, 'channels', allocation.other.id);
  }
  const response = ok(channel.snapshot());
  world.soon(() => placeCall(world, allocation, timeoutMs, () => afterOriginateAnswer(world, channel, app, appArgs, dialplanTarget)));
  return response;
}

function placeCall(world: World, allocation: Allocation, timeoutMs: number, afterAnswer: () => void): void {
  const channel = allocation.channel;
  if (channel.destroyed || channel.hangingUp) return;
  const call = new OutboundCall(world, channel, { mode: 'originate', dialstring: allocation.dialstring, timeoutMs, afterAnswer });
  if (allocation.call(call)) call.placed();
  else call.failedToCall();
}

function afterOriginateAnswer(
  world: World,
  channel: Channel,
  app: string | undefined,
  appArgs: string | undefined,
  target: { context: string; exten: string; priority: number } | undefined,
): void {
  if (app) {
    // An application that is not registered makes Stasis fail; the originate then hangs the channel up.
    if (!enterStasis(world, channel, app, appArgs, 'originate')) requestHangup(world, channel, { kind: 'silent', cause: 16 });
    return;
  }
  if (target) runDialplan(world, channel, target);
}

/** Starts a PBX on a channel at context/exten/priority. */
export function runDialplan(world: World, channel: Channel, target: { context: string; exten: string; priority: number }): void {
  const run = new DialplanRun(world, channel, target.context, target.exten);
  channel.pbx = run;
  channel.dialplan = { ...channel.dialplan, context: target.context, exten: target.exten, priority: target.priority };
  if (!extensionSteps(target.context, target.exten)) world.log(`channel ${channel.name} sent to invalid extension ${target.exten}@${target.context}`);
  run.start(target.priority);
}

/** POST /channels/create: the channel is made and enters Stasis at once, without being called. */
export function createChannel(world: World, args: Args): AriResult {
  const variables = bodyVariables(args);
  if (!variables.ok) return variables.result;
  const id = args.nonEmpty('channelId');
  const otherId = args.nonEmpty('otherChannelId');
  const originator = args.nonEmpty('originator');
  const formats = args.nonEmpty('formats');
  if (originator && formats) return fail(400, "Originator and formats can't both be specified");
  const endpoint = args.nonEmpty('endpoint');
  if (!endpoint) return fail(400, 'Endpoint must be specified');
  const formatProblem = checkFormats(formats);
  if (formatProblem) return formatProblem;
  const slash = endpoint.indexOf('/');
  const tech = slash < 0 ? endpoint : endpoint.slice(0, slash);
  const resource = slash < 0 ? '' : endpoint.slice(slash + 1);
  const allocated = allocateChannel(world, tech, resource, { id, otherId });
  if (!allocated.ok) return allocationError(allocated.reason);
  const { allocation } = allocated;
  const channel = allocation.channel;
  const app = args.nonEmpty('app');
  const appArgs = args.nonEmpty('appArgs');
  if (app) world.apps.subscribe(app, 'channels', channel.id);
  for (const [name, value] of variables.value) writeChannelVariable(world, channel, name, value);
  channel.dialer = { dialstring: allocation.dialstring, call: (outbound) => allocation.call(outbound) };
  const response = ok(channel.snapshot());
  world.soon(() => {
    if (channel.destroyed) return;
    // Without an application Stasis() fails at once and the new channel is hung up.
    if (!app || !enterStasis(world, channel, app, appArgs, 'dialplan')) {
      requestHangup(world, channel, { kind: 'silent', cause: 0 });
    }
  });
  return response;
}

/** POST /channels/{channelId}/dial: calls a channel made by /channels/create. */
export function dialCreated(world: World, channel: Channel, args: Args): AriResult | undefined {
  if (channel.state !== 'Down') return fail(409, "Channel is not in the 'Down' state");
  const dialer = channel.dialer;
  if (!dialer) return fail(409, 'Dialing a channel not created by ARI');
  const callerId = args.nonEmpty('caller');
  const caller = callerId !== undefined ? world.channels.get(callerId) : undefined;
  const timeoutSeconds = args.int('timeout') ?? 0;
  // app_control_dial: no timeout unless one is given.
  const timeoutMs = timeoutSeconds > 0 ? timeoutSeconds * 1000 : -1;
  channel.dialer = undefined;
  world.soon(() => {
    if (channel.destroyed || channel.hangingUp) return;
    const call = new OutboundCall(world, channel, { mode: 'dial', dialstring: dialer.dialstring, timeoutMs, caller, afterAnswer: () => undefined });
    if (dialer.call(call)) call.placed();
    else call.failedToCall();
  });
  return undefined;
}
