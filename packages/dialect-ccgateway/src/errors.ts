import { isDomainError, type DomainErrorCode } from '@pbx-gateway/core';
import type { OperationName } from './operation-names';

/** The `retcode`s this dialect answers (Huawei's codes, §10 of the spec). */
export type Retcode =
  | '000-002'
  | '000-003'
  | '100-001'
  | '100-002'
  | '100-003'
  | '100-004'
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
  | '500-001'
  | '500-002'
  | '500-003'
  | '500-005'
  | '500-007'
  | '500-009';

export interface WireError {
  retcode: Retcode;
  message: string;
}

/** Our own English texts; Huawei's wording is not published. */
export const RETCODE_MESSAGES: Readonly<Record<Retcode, string>> = {
  '000-002': 'invalid parameter',
  '000-003': 'no permission',
  '100-001': 'sign-in parameter empty or invalid',
  '100-002': 'agent already signed in',
  '100-003': 'cti resource unavailable',
  '100-004': 'wrong agent id or password',
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
  '500-001': 'playback state does not allow rewind',
  '500-002': 'playback state does not allow fast-forward',
  '500-003': 'playback state does not allow pause',
  '500-005': 'playback state does not allow resume',
  '500-007': 'state does not allow starting playback',
  '500-009': 'no playback to stop',
};

export const wireError = (retcode: Retcode): WireError => ({ retcode, message: RETCODE_MESSAGES[retcode] });

/** Each playback interface has its own "state error" code. */
const PLAYBACK_STATE_ERROR: Partial<Record<OperationName, Retcode>> = {
  beginPlay: '500-007',
  stopPlay: '500-009',
  pausePlay: '500-003',
  resumePlay: '500-005',
  foreFastPlay: '500-002',
  backFastPlay: '500-001',
};

const isSignIn = (operation: OperationName): boolean => operation === 'login' || operation === 'forceLogin';

const playbackState = (operation: OperationName): Retcode => PLAYBACK_STATE_ERROR[operation] ?? '100-009';
const parameter = (operation: OperationName): Retcode => (isSignIn(operation) ? '100-011' : '000-002');
const internal = (): Retcode => '100-007';

/**
 * DomainError code → retcode, by interface where Huawei's code depends on
 * it. Every code of the taxonomy is listed, so a new one cannot slip through
 * unmapped.
 */
const TABLE: Readonly<Record<DomainErrorCode, (operation: OperationName) => Retcode>> = {
  AUTH_FAILED: (operation) => (isSignIn(operation) ? '100-004' : '100-006'),
  AUTH_LOCKED: () => '110-016',
  PERMISSION_DENIED: () => '000-003',
  TOKEN_INVALID: () => '100-006',
  AGENT_NOT_FOUND: (operation) => (isSignIn(operation) ? '100-004' : '100-006'),
  AGENT_NOT_LOGGED_IN: () => '100-006',
  AGENT_ALREADY_LOGGED_IN: (operation) => (operation === 'forceLogin' ? '100-015' : '100-002'),
  AGENT_NOT_PAUSED: () => '100-009',
  AGENT_BUSY: (operation) => {
    if (operation === 'logout') return '100-010';
    if (PLAYBACK_STATE_ERROR[operation]) return playbackState(operation);
    return '100-009';
  },
  AGENT_HAS_NO_DEVICE: (operation) => (PLAYBACK_STATE_ERROR[operation] ? playbackState(operation) : '100-009'),
  SESSION_HAS_NO_CONFERENCE: (operation) => (PLAYBACK_STATE_ERROR[operation] ? playbackState(operation) : '100-009'),
  NO_ACTIVE_CALL: (operation) => (PLAYBACK_STATE_ERROR[operation] ? playbackState(operation) : '100-009'),
  CALL_NOT_FOUND: (operation) => (PLAYBACK_STATE_ERROR[operation] ? playbackState(operation) : '100-009'),
  LEG_NOT_FOUND: (operation) => (PLAYBACK_STATE_ERROR[operation] ? playbackState(operation) : '100-009'),
  INVALID_NUMBER: (operation) => (isSignIn(operation) ? '100-013' : '000-002'),
  PLAYBACK_ALREADY_ACTIVE: playbackState,
  NO_ACTIVE_PLAYBACK: playbackState,
  PLAYBACK_NOT_PLAYING: playbackState,
  PLAYBACK_NOT_PAUSED: playbackState,
  MEDIA_NOT_ALLOWED: () => '000-002',
  EXTENSION_NOT_FOUND: parameter,
  EXTENSION_AMBIGUOUS: parameter,
  DIALPLAN_NOT_FOUND: parameter,
  EXTENSION_GROUP_NOT_FOUND: parameter,
  TRUNK_NOT_FOUND: internal,
  INVALID_ARGUMENT: parameter,
  // The engine being away: sign-in has its own code ("CTI resource unavailable");
  // every other interface reports an internal exception of the agent operation.
  PBX_UNAVAILABLE: (operation) => (isSignIn(operation) ? '100-003' : '100-007'),
  PBX_REJECTED: internal,
};

/** The wire error for anything an interface's core call threw. */
export function wireErrorFor(error: unknown, operation: OperationName): WireError {
  if (isDomainError(error)) return wireError(TABLE[error.code](operation));
  return wireError('100-007');
}

/** The mapping as a list, for the documentation and its test. */
export function mappingFor(code: DomainErrorCode, operation: OperationName): Retcode {
  return TABLE[code](operation);
}
