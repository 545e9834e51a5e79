import type { ErrorTable } from '@pbx-gateway/dialect-kit';
import { text, type MessageKey } from './messages';
import type { SipcallLanguage } from './settings';
import { businessFailure, type Envelope } from './wire/envelope';

/**
 * How a refusal reaches the wire:
 * - `transport`: `ret` other than 200, `data` `[]`, the text in `msg`
 *   (PhalApi exceptions and the 600-604 credential codes);
 * - `business`: `ret` 200, `data.status` 1, `data.errors` `{code, codemsg}`
 *   with a string code from the vendor's table (1001 telephony server
 *   unreachable, 1002 abnormal operation, 1003 operation failed, 1012
 *   extension does not exist);
 * - `said`: a transport error whose text is already worded (a parameter
 *   that fails its rule, quoted back).
 */
export type WireError =
  | { kind: 'transport'; ret: number; message: MessageKey }
  | { kind: 'business'; code: string; message: MessageKey }
  | { kind: 'said'; ret: number; msg: string };

export const transport = (ret: number, message: MessageKey): WireError => ({ kind: 'transport', ret, message });
export const business = (code: string, message: MessageKey): WireError => ({ kind: 'business', code, message });
export const said = (ret: number, msg: string): WireError => ({ kind: 'said', ret, msg });

const OPERATION_FAILED = business('1003', 'operationFailed');

/** The one table from the core's error codes to Sip_Call's; Login words AUTH_FAILED itself (auth.ts). */
export const WIRE_ERRORS: ErrorTable<WireError> = {
  AUTH_FAILED: business('1003', 'authFailed'),
  // A locked account is answered like a wrong key, so a guesser learns nothing.
  AUTH_LOCKED: business('1003', 'authFailed'),
  PERMISSION_DENIED: transport(603, 'moduleNotLicensed'),
  TOKEN_INVALID: transport(600, 'tokenInvalid'),
  AGENT_NOT_FOUND: OPERATION_FAILED,
  AGENT_NOT_LOGGED_IN: OPERATION_FAILED,
  AGENT_ALREADY_LOGGED_IN: OPERATION_FAILED,
  AGENT_EXISTS: OPERATION_FAILED,
  AGENT_NOT_PAUSED: OPERATION_FAILED,
  AGENT_BUSY: OPERATION_FAILED,
  AGENT_HAS_NO_DEVICE: OPERATION_FAILED,
  SESSION_HAS_NO_CONFERENCE: OPERATION_FAILED,
  NO_ACTIVE_CALL: OPERATION_FAILED,
  CALL_NOT_FOUND: OPERATION_FAILED,
  LEG_NOT_FOUND: OPERATION_FAILED,
  INVALID_NUMBER: business('1002', 'invalidNumber'),
  PLAYBACK_ALREADY_ACTIVE: OPERATION_FAILED,
  NO_ACTIVE_PLAYBACK: OPERATION_FAILED,
  PLAYBACK_NOT_PLAYING: OPERATION_FAILED,
  PLAYBACK_NOT_PAUSED: OPERATION_FAILED,
  RECORDING_ALREADY_ACTIVE: OPERATION_FAILED,
  NO_ACTIVE_RECORDING: OPERATION_FAILED,
  RECORDING_NOT_PAUSED: OPERATION_FAILED,
  MEDIA_NOT_ALLOWED: business('1002', 'voiceNotAllowed'),
  EXTENSION_NOT_FOUND: business('1012', 'extensionNotFound'),
  EXTENSION_AMBIGUOUS: business('1002', 'abnormalOperation'),
  DIALPLAN_NOT_FOUND: business('1002', 'abnormalOperation'),
  EXTENSION_GROUP_NOT_FOUND: business('1002', 'groupNotFound'),
  TRUNK_NOT_FOUND: business('1003', 'noLine'),
  QUEUE_NOT_FOUND: business('1002', 'queueNotFound'),
  CAMPAIGN_NOT_FOUND: OPERATION_FAILED,
  NO_MANUAL_DIAL_LIST: OPERATION_FAILED,
  NUMBER_IN_DNC: OPERATION_FAILED,
  LEAD_REJECTED: OPERATION_FAILED,
  DUPLICATE_LEAD: OPERATION_FAILED,
  NO_ACTIVE_LEAD: OPERATION_FAILED,
  INVALID_ARGUMENT: business('1002', 'abnormalOperation'),
  PBX_UNAVAILABLE: business('1001', 'telephonyUnreachable'),
  PBX_REJECTED: business('1003', 'commandFailed'),
};

/** The envelope of a refusal; `data.reqtime`/`rsptime` for a business failure. */
export function errorEnvelope(wire: WireError, language: SipcallLanguage, reqtime: Date, rsptime: Date): Envelope {
  if (wire.kind === 'said') return { ret: wire.ret, data: [], msg: wire.msg };
  if (wire.kind === 'transport') return { ret: wire.ret, data: [], msg: text(language, wire.message) };
  return businessFailure(wire.code, text(language, wire.message), reqtime, rsptime);
}
