import { isDomainError, type DomainErrorCode } from '@pbx-gateway/core';

/**
 * What a core refusal becomes on the VICIdial wire. Each operation renders a
 * kind in its own data layout (see the operation files); credential codes are
 * answered by auth.ts.
 */
export type WireErrorKind =
  /** `ERROR: agent_user is not logged in - …` */
  | 'agent_not_logged_in'
  /** `ERROR: audio_playback error - no session data - …` */
  | 'no_session_data'
  /** `ERROR: audio_playback error - audio already playing in agent session - …` [x] */
  | 'audio_already_playing'
  /** `ERROR: audio_playback error - no audio playing in agent session - …` [x] */
  | 'no_audio_playing'
  /** VICIdial only checks that audio is there: PAUSE of paused or RESUME of playing audio is a SUCCESS. */
  | 'accepted_as_is'
  /** The function's own `… not valid - …` line. */
  | 'not_valid'
  /** `ERROR: external_pause agent is not paused - …` [x] */
  | 'agent_not_paused'
  /** Gateway-only: `ERROR: <function> error - telephony command failed - <agent_user>` [x] */
  | 'telephony_failed'
  /** Gateway-only: `ERROR: <function> error - service unavailable - <agent_user>` [x] */
  | 'service_unavailable';

export type OperationName = 'audio_playback' | 'external_pause' | 'external_hangup' | 'logout';

/** The table: one wire kind per core code; the few codes whose meaning depends on the function are overridden below. */
export const DOMAIN_ERROR_TABLE: Readonly<Record<DomainErrorCode, WireErrorKind>> = {
  AUTH_FAILED: 'service_unavailable',
  AUTH_LOCKED: 'service_unavailable',
  PERMISSION_DENIED: 'service_unavailable',
  TOKEN_INVALID: 'service_unavailable',
  AGENT_NOT_FOUND: 'agent_not_logged_in',
  AGENT_NOT_LOGGED_IN: 'agent_not_logged_in',
  AGENT_ALREADY_LOGGED_IN: 'service_unavailable',
  AGENT_NOT_PAUSED: 'agent_not_paused',
  AGENT_BUSY: 'telephony_failed',
  AGENT_HAS_NO_DEVICE: 'telephony_failed',
  SESSION_HAS_NO_CONFERENCE: 'no_session_data',
  NO_ACTIVE_CALL: 'service_unavailable',
  CALL_NOT_FOUND: 'service_unavailable',
  LEG_NOT_FOUND: 'service_unavailable',
  INVALID_NUMBER: 'not_valid',
  PLAYBACK_ALREADY_ACTIVE: 'audio_already_playing',
  NO_ACTIVE_PLAYBACK: 'no_audio_playing',
  PLAYBACK_NOT_PLAYING: 'accepted_as_is',
  PLAYBACK_NOT_PAUSED: 'accepted_as_is',
  MEDIA_NOT_ALLOWED: 'not_valid',
  EXTENSION_NOT_FOUND: 'service_unavailable',
  EXTENSION_AMBIGUOUS: 'service_unavailable',
  DIALPLAN_NOT_FOUND: 'service_unavailable',
  EXTENSION_GROUP_NOT_FOUND: 'service_unavailable',
  TRUNK_NOT_FOUND: 'service_unavailable',
  INVALID_ARGUMENT: 'not_valid',
  PBX_UNAVAILABLE: 'telephony_failed',
  PBX_REJECTED: 'telephony_failed',
};

const OPERATION_OVERRIDES: Partial<Record<OperationName, Partial<Record<DomainErrorCode, WireErrorKind>>>> = {
  // A hang-up or a pause never waits on audio; these cannot arise there, and
  // must not turn into a SUCCESS if they ever did.
  external_hangup: { PLAYBACK_NOT_PLAYING: 'service_unavailable', PLAYBACK_NOT_PAUSED: 'service_unavailable' },
  external_pause: { PLAYBACK_NOT_PLAYING: 'service_unavailable', PLAYBACK_NOT_PAUSED: 'service_unavailable' },
  logout: { PLAYBACK_NOT_PLAYING: 'service_unavailable', PLAYBACK_NOT_PAUSED: 'service_unavailable' },
};

/** The wire kind of anything a core call threw; anything that is not a DomainError is a service failure. */
export function wireErrorOf(error: unknown, operation: OperationName): WireErrorKind {
  if (!isDomainError(error)) return 'service_unavailable';
  return OPERATION_OVERRIDES[operation]?.[error.code] ?? DOMAIN_ERROR_TABLE[error.code];
}

export const telephonyFailedLine = (fn: string, agentUser: string): string => `ERROR: ${fn} error - telephony command failed - ${agentUser}`;
export const serviceUnavailableLine = (fn: string, agentUser: string): string => `ERROR: ${fn} error - service unavailable - ${agentUser}`;
