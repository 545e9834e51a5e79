import type { ErrorTable } from '@pbx-gateway/dialect-kit';

/** The `retcode`s this dialect answers (Huawei's codes, §10 of the spec). */
export type Retcode =
  | '000-002'
  | '000-003'
  | '000-005'
  | '100-001'
  | '100-002'
  | '100-003'
  | '100-004'
  | '100-005'
  | '100-006'
  | '100-007'
  | '100-009'
  | '100-010'
  | '100-011'
  | '100-012'
  | '100-013'
  | '100-014'
  | '100-015'
  | '100-016'
  | '110-016'
  | '200-001'
  | '200-002'
  | '200-003'
  | '200-004'
  | '200-007'
  | '200-008'
  | '200-010'
  | '200-011'
  | '200-012'
  | '200-013'
  | '200-014'
  | '200-015'
  | '200-016'
  | '200-017'
  | '200-023'
  | '200-024'
  | '400-001'
  | '500-001'
  | '500-002'
  | '500-003'
  | '500-004'
  | '500-005'
  | '500-006'
  | '500-007'
  | '500-008'
  | '500-009';

export interface WireError {
  retcode: Retcode;
  message: string;
}

/** Our own English texts; Huawei's wording is not published. */
export const RETCODE_MESSAGES: Readonly<Record<Retcode, string>> = {
  '000-002': 'invalid parameter',
  '000-003': 'no permission',
  '000-005': 'inspector cannot inspect itself',
  '100-001': 'sign-in parameter empty or invalid',
  '100-002': 'agent already signed in',
  '100-003': 'cti resource unavailable',
  '100-004': 'wrong agent id or password',
  '100-005': 'invalid sign-out parameter',
  '100-006': 'agent not signed in',
  '100-007': 'internal error while executing the agent operation',
  '100-009': 'agent state cannot be changed',
  '100-010': 'agent state does not allow sign-out',
  '100-011': 'invalid sign-in parameter',
  '100-012': 'invalid agent type',
  '100-013': 'invalid phone number',
  '100-014': 'phone number out of range',
  '100-015': 'agent already signed in and forced sign-in not allowed',
  '100-016': 'invalid ip address',
  '110-016': 'account locked',
  '200-001': 'invalid called number',
  '200-002': 'no call to answer',
  '200-003': 'no call to mute',
  '200-004': 'call state does not allow mute',
  '200-007': 'no call to unmute',
  '200-008': 'call state does not allow unmute',
  '200-010': 'no call for a three-party call',
  '200-011': 'no held call for a three-party call',
  '200-012': 'no call to transfer',
  '200-013': 'no call to hold',
  '200-014': 'call state does not allow hold',
  '200-015': 'no held call',
  '200-016': 'call state does not allow retrieving the held call',
  '200-017': 'no call to release',
  '200-023': 'no call to release a connection of',
  '200-024': 'no such number to release in the call',
  '400-001': 'no call to set the call data of',
  '500-001': 'playback state does not allow rewind',
  '500-002': 'playback state does not allow fast-forward',
  '500-003': 'playback state does not allow pause',
  '500-004': 'recording state does not allow pause',
  '500-005': 'playback state does not allow resume',
  '500-006': 'recording state does not allow resume',
  '500-007': 'state does not allow starting playback',
  '500-008': 'state does not allow starting recording',
  '500-009': 'no playback to stop',
};

export const wireError = (retcode: Retcode): WireError => ({ retcode, message: RETCODE_MESSAGES[retcode] });

/**
 * The one table from the core's refusals to retcodes, as an interface that
 * works on a signed-in agent answers them. Interfaces override only where
 * Huawei gives them codes of their own: sign-in (wrong credentials, bad
 * fields, the CTI down), sign-out during a call, and each playback
 * interface's own "state" code.
 */
export const RETCODE_TABLE: ErrorTable<Retcode> = {
  AUTH_FAILED: '100-006',
  AUTH_LOCKED: '110-016',
  PERMISSION_DENIED: '000-003',
  TOKEN_INVALID: '100-006',
  AGENT_NOT_FOUND: '100-006',
  AGENT_NOT_LOGGED_IN: '100-006',
  AGENT_ALREADY_LOGGED_IN: '100-002',
  AGENT_EXISTS: '100-009',
  AGENT_NOT_PAUSED: '100-009',
  AGENT_BUSY: '100-009',
  AGENT_HAS_NO_DEVICE: '100-009',
  SESSION_HAS_NO_CONFERENCE: '100-009',
  NO_ACTIVE_CALL: '100-009',
  CALL_NOT_FOUND: '100-009',
  LEG_NOT_FOUND: '100-009',
  INVALID_NUMBER: '000-002',
  PLAYBACK_ALREADY_ACTIVE: '100-009',
  NO_ACTIVE_PLAYBACK: '100-009',
  PLAYBACK_NOT_PLAYING: '100-009',
  PLAYBACK_NOT_PAUSED: '100-009',
  RECORDING_ALREADY_ACTIVE: '100-009',
  NO_ACTIVE_RECORDING: '100-009',
  RECORDING_NOT_PAUSED: '100-009',
  MEDIA_NOT_ALLOWED: '000-002',
  EXTENSION_NOT_FOUND: '000-002',
  EXTENSION_AMBIGUOUS: '000-002',
  DIALPLAN_NOT_FOUND: '000-002',
  EXTENSION_GROUP_NOT_FOUND: '000-002',
  TRUNK_NOT_FOUND: '100-007',
  QUEUE_NOT_FOUND: '000-002',
  // No CC-Gateway interface works on campaigns or leads: the agent's state does not allow it.
  CAMPAIGN_NOT_FOUND: '100-009',
  NO_MANUAL_DIAL_LIST: '100-009',
  NUMBER_IN_DNC: '100-009',
  LEAD_REJECTED: '100-009',
  DUPLICATE_LEAD: '100-009',
  NO_ACTIVE_LEAD: '100-009',
  INVALID_ARGUMENT: '000-002',
  // The engine being away or refusing: an internal exception of the agent operation.
  PBX_UNAVAILABLE: '100-007',
  PBX_REJECTED: '100-007',
};
