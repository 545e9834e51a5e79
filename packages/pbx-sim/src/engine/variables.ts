import type { Channel } from './channel';
import { setVar } from './stasis';
import type { World } from './world';

/** Result of reading a variable: a value, not set, or a function Asterisk does not have. */
export type ReadResult = { kind: 'value'; value: string } | { kind: 'unset' } | { kind: 'bad-function' };

function parseFunction(name: string): { fn: string; arg: string } | undefined {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)\((.*)\)$/.exec(name);
  return match ? { fn: (match[1] ?? '').toUpperCase(), arg: (match[2] ?? '').trim().toLowerCase() } : undefined;
}

/** Channel variables Asterisk computes rather than stores (pbx_builtin_getvar fallbacks). */
function builtin(world: World, channel: Channel, name: string): string | undefined {
  switch (name) {
    case 'CHANNEL':
      return channel.name;
    case 'UNIQUEID':
      return channel.id;
    case 'CONTEXT':
      return channel.dialplan.context;
    case 'EXTEN':
      return channel.dialplan.exten;
    case 'PRIORITY':
      return String(channel.dialplan.priority);
    case 'HANGUPCAUSE':
      return String(channel.hangupCause);
    case 'LANGUAGE':
      return channel.language;
    case 'EPOCH':
      return String(Math.floor(Date.now() / 1000));
    case 'ENTITYID':
      return world.ids.entityId;
    default:
      return undefined;
  }
}

/** GET /channels/{id}/variable: functions (a name ending in `)`), then channel variables, builtins, globals. */
export function readChannelVariable(world: World, channel: Channel, name: string): ReadResult {
  if (name.endsWith(')')) {
    const call = parseFunction(name);
    if (!call) return { kind: 'bad-function' };
    const value = readFunction(channel, call.fn, call.arg);
    return value === undefined ? { kind: 'bad-function' } : { kind: 'value', value };
  }
  const stored = channel.vars.get(name);
  if (stored !== undefined) return { kind: 'value', value: stored };
  const computed = builtin(world, channel, name);
  if (computed !== undefined) return { kind: 'value', value: computed };
  const global = world.globals.get(name);
  return global !== undefined ? { kind: 'value', value: global } : { kind: 'unset' };
}

function readFunction(channel: Channel, fn: string, arg: string): string | undefined {
  switch (fn) {
    case 'CALLERID':
      return partyField(channel.caller, arg);
    case 'CONNECTEDLINE':
      return partyField(channel.connected, arg);
    case 'CHANNEL':
      switch (arg) {
        case 'name':
          return channel.name;
        case 'state':
          return channel.state;
        case 'language':
          return channel.language;
        case 'accountcode':
          return channel.accountcode;
        case 'uniqueid':
          return channel.id;
        case 'channeltype':
          return channel.technology;
        default:
          return '';
      }
    case 'LEN':
      return String(arg.length);
    default:
      return undefined;
  }
}

function partyField(party: { name: string; number: string }, arg: string): string | undefined {
  switch (arg) {
    case 'name':
      return party.name;
    case 'num':
    case 'number':
      return party.number;
    case 'all':
      return party.name !== '' ? `"${party.name}" <${party.number}>` : party.number;
    default:
      return '';
  }
}

/**
 * pbx_builtin_setvar_helper on a channel. A missing value unsets the
 * variable silently; a function writes through (CALLERID publishes
 * ChannelCallerId, CONNECTEDLINE ChannelConnectedLine). Returns false for a
 * function Asterisk does not know.
 */
export function writeChannelVariable(world: World, channel: Channel, name: string, value: string | undefined, report = false): boolean {
  if (name.endsWith(')')) {
    const call = parseFunction(name);
    if (!call) return false;
    return writeFunction(world, channel, call.fn, call.arg, value ?? '');
  }
  if (value === undefined) {
    channel.vars.delete(name);
    return true;
  }
  if (report && !channel.reportedVars.includes(name)) channel.reportedVars.push(name);
  setVar(world, channel, name, value);
  return true;
}

function writeFunction(world: World, channel: Channel, fn: string, arg: string, value: string): boolean {
  switch (fn) {
    case 'CALLERID':
      if (!setParty(channel.caller, arg, value)) return false;
      world.events.channelEvent('ChannelCallerId', channel, {}, {
        caller_presentation: 0,
        caller_presentation_txt: 'Presentation Allowed, Not Screened',
      });
      return true;
    case 'CONNECTEDLINE':
      if (!setParty(channel.connected, arg, value)) return false;
      world.events.channelEvent('ChannelConnectedLine', channel);
      return true;
    case 'CHANNEL':
      if (arg === 'language') channel.language = value;
      else if (arg === 'accountcode') channel.accountcode = value;
      else return false;
      return true;
    default:
      return false;
  }
}

function setParty(party: { name: string; number: string }, arg: string, value: string): boolean {
  switch (arg) {
    case 'name':
      party.name = value;
      return true;
    case 'num':
    case 'number':
      party.number = value;
      return true;
    case 'all': {
      const parsed = parseCallerId(value);
      party.name = parsed.name;
      party.number = parsed.number;
      return true;
    }
    default:
      return false;
  }
}

/** ast_callerid_parse: `"Name" <number>`, `Name <number>` or a bare number. */
export function parseCallerId(text: string): { name: string; number: string } {
  const angle = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(text);
  if (angle) return { name: (angle[1] ?? '').trim(), number: (angle[2] ?? '').trim() };
  const trimmed = text.trim();
  return /^[0-9+*#\-() .]+$/.test(trimmed) ? { name: '', number: trimmed.replace(/[\-() .]/g, '') } : { name: trimmed, number: '' };
}
