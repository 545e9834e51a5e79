import { WireRefusal, type ErrorTable } from '@pbx-gateway/dialect-kit';

/**
 * The wire errors this dialect emits: errno → reason, byte for byte as the
 * VoIPSUN document writes them (typos included: clients string-match them).
 * 251, 401, 900, 901 and 999 are the gateway's own extensions for situations the
 * document has no code for; docs/voipsun.md lists them. `{subject}` stands
 * where the document writes a placeholder (`Queue FrontaABC not found!`):
 * the refusal names what it is about; 210 and 211 have three (`{channel}`,
 * `{registered}`, `{requested}`: the document's `SIP/XYZ` and two IPs).
 */
export const WIRE_REASONS = {
  '100': 'Unauthorized user or bad permissions',
  '110': 'Unknown action',
  '120': 'Missing required parameters',
  '200': 'Use only one of next variables: srcExtenPublicNum, srcExtenInternalNum, srcExtenId, srcSipUsername',
  '201': 'Parameter dialPlanName missing',
  '202': 'Extension not found',
  '203': 'Dialplan not found',
  '210': 'SIP host IP address mismatch. Channel {channel} is registered from IP {registered} but requested IP address is {requested}',
  '211': 'SIP host contact IP address mismatch. Contact IP address of the channel {channel} is {registered}, but requested IP address is {requested}',
  '220': 'SIP channel is unreacheable',
  '221': 'SIP channel status - Channel is down, but reservered',
  '222': 'SIP channel status - Channel is off hook',
  '223': 'SIP channel status - Digits (or equivalent) have been dialed',
  '224': 'SIP channel status - Line is ringing',
  '225': 'SIP channel status - Remote end is ringing',
  '226': 'SIP channel status - Line is up',
  '227': 'SIP channel status - Line is busy',
  '228': 'SIP channel stauts - Channel is down and available',
  '250': 'Outroute not found!',
  '251': 'Context not found!',
  '300': 'Use only one of next variables: srcExtenPublicNum, srcExtenInternalNum, srcExtenId, srcSipUsername',
  '301': 'Use only one of next variables: dstExtenPublicNum, dstExtenInternalNum, dstExtenId, dstSipUsername, dstChannelName',
  '302': 'Source parameter srcDialplanName missing',
  '303': 'Source extension not found',
  '304': 'Source dialplan not found',
  '310': 'Destination parameter dstDialplanName missing',
  '311': 'Destination extension not found',
  '312': 'Destination dialplan not found',
  '400': 'Parameter channelName is empty',
  '500': 'Agent not found, or bad authorization credentials!',
  '501': 'Use only one of next variables: srcExtenPublicNum, srcExtenInternalNum, srcExtenId, srcSipUsername.',
  '502': 'Parameter dialPlanName missing',
  '503': 'Extension not found',
  '504': 'Dialplan not found',
  '550': 'Agent not found, or bad authorization credentials!',
  '580': 'Agent not found, or bad authorization credentials!',
  '590': 'Agent not found, or bad authorization credentials!',
  '600': 'Queue {subject} not found!',
  '601': 'Agent not found, or bad authorization credentials!',
  '610': 'Queue {subject} not found!',
  '611': 'Agent not found, or bad authorization credentials!',
  '620': 'Agent not found, or bad authorization credentials!',
  '630': 'SIP channel is unreacheable',
  '631': "Line is unavailable'",
  '632': 'Line is In use',
  '633': 'Line is ringing',
  '634': 'Line in On hold',
  '635': 'Line is not free',
  '636': 'Line is busy',
  '800': 'CDR record not found!',
  '801': 'CDR not contain any information about audio record!',
  '810': "Destination folder does not exist and mkdir command failed. Please check parent folder permissions!'",
  '811': 'Source file ({subject}) not exist or insufficient permissions to read them!',
  '812': 'Cannot move file to ({subject}). Check destination folder permissions!',
  '401': 'Channel not found',
  '900': 'PBX unavailable',
  '901': 'PBX rejected the request',
  '999': 'Internal error',
} as const;

export type Errno = keyof typeof WIRE_REASONS;

/**
 * A refusal on the wire: `{"success":"false","errno":…,"reason":…}`. Thrown
 * by the steps before an operation (credentials, action, permission) and by
 * operations for the checks they word themselves.
 */
export class VoipsunWireError extends WireRefusal<Errno> {
  constructor(
    errno: Errno,
    /** What the reason's placeholder names (the queue not found). */
    readonly subject: Subject = '',
  ) {
    super(errno, `errno ${errno}: ${reasonOf(errno, subject)}`);
    this.name = 'VoipsunWireError';
  }

  get errno(): Errno {
    return this.wire;
  }
}

/** The reason of an errno, its placeholder filled in. */
export function reasonOf(errno: Errno, subject: Subject = ''): string {
  const values: Readonly<Record<string, string>> = typeof subject === 'string' ? { subject } : subject;
  return WIRE_REASONS[errno].replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/** What a reason's placeholders name: `{subject}` alone, or each placeholder by name. */
export type Subject = string | Readonly<Record<string, string>>;

/**
 * The one table from the core's refusals to errnos; an operation overrides
 * only where its errno differs (originate: PBX_REJECTED is 220). Codes no
 * VoIPSUN action can meet are the gateway's internal error, 999.
 */
export const ERRNO_TABLE: ErrorTable<Errno> = {
  AUTH_FAILED: '100',
  AUTH_LOCKED: '100',
  PERMISSION_DENIED: '100',
  TOKEN_INVALID: '999',
  AGENT_NOT_FOUND: '999',
  AGENT_NOT_LOGGED_IN: '999',
  AGENT_ALREADY_LOGGED_IN: '999',
  AGENT_EXISTS: '999',
  AGENT_NOT_PAUSED: '999',
  AGENT_BUSY: '999',
  AGENT_HAS_NO_DEVICE: '999',
  SESSION_HAS_NO_CONFERENCE: '999',
  NO_ACTIVE_CALL: '999',
  CALL_NOT_FOUND: '999',
  LEG_NOT_FOUND: '999',
  // `dstNum` the gateway cannot dial: the one usable required parameter is missing.
  INVALID_NUMBER: '120',
  PLAYBACK_ALREADY_ACTIVE: '999',
  NO_ACTIVE_PLAYBACK: '999',
  PLAYBACK_NOT_PLAYING: '999',
  PLAYBACK_NOT_PAUSED: '999',
  RECORDING_ALREADY_ACTIVE: '999',
  NO_ACTIVE_RECORDING: '999',
  RECORDING_NOT_PAUSED: '999',
  MEDIA_NOT_ALLOWED: '999',
  EXTENSION_NOT_FOUND: '202',
  EXTENSION_AMBIGUOUS: '201',
  DIALPLAN_NOT_FOUND: '203',
  EXTENSION_GROUP_NOT_FOUND: '999',
  // No trunk to dial `dstNum` through: the PBX's "no outbound route".
  TRUNK_NOT_FOUND: '250',
  QUEUE_NOT_FOUND: '120',
  // No VoIPSUN action works on campaigns or leads.
  CAMPAIGN_NOT_FOUND: '999',
  NO_MANUAL_DIAL_LIST: '999',
  NUMBER_IN_DNC: '999',
  LEAD_REJECTED: '999',
  DUPLICATE_LEAD: '999',
  NO_ACTIVE_LEAD: '999',
  INVALID_ARGUMENT: '120',
  PBX_UNAVAILABLE: '900',
  PBX_REJECTED: '901',
};
