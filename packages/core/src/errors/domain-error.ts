/**
 * The one error taxonomy of the gateway. Every refusal of the core carries one
 * of these stable codes; each dialect maps codes to its own wire errors in its
 * `errors.ts` table, so no dialect invents a failure the core does not know.
 */
export const DomainErrorCodes = [
  // credentials and permissions
  'AUTH_FAILED',
  'AUTH_LOCKED',
  'PERMISSION_DENIED',
  'TOKEN_INVALID',
  // agents and their sessions
  'AGENT_NOT_FOUND',
  'AGENT_NOT_LOGGED_IN',
  'AGENT_ALREADY_LOGGED_IN',
  'AGENT_EXISTS',
  'AGENT_NOT_PAUSED',
  'AGENT_BUSY',
  'AGENT_HAS_NO_DEVICE',
  'SESSION_HAS_NO_CONFERENCE',
  // calls and legs
  'NO_ACTIVE_CALL',
  'CALL_NOT_FOUND',
  'LEG_NOT_FOUND',
  'INVALID_NUMBER',
  // playback
  'PLAYBACK_ALREADY_ACTIVE',
  'NO_ACTIVE_PLAYBACK',
  'PLAYBACK_NOT_PLAYING',
  'PLAYBACK_NOT_PAUSED',
  'MEDIA_NOT_ALLOWED',
  // recording
  'RECORDING_ALREADY_ACTIVE',
  'NO_ACTIVE_RECORDING',
  'RECORDING_NOT_PAUSED',
  // directory
  'EXTENSION_NOT_FOUND',
  'EXTENSION_AMBIGUOUS',
  'DIALPLAN_NOT_FOUND',
  'EXTENSION_GROUP_NOT_FOUND',
  'TRUNK_NOT_FOUND',
  // queues
  'QUEUE_NOT_FOUND',
  // campaigns and leads
  'CAMPAIGN_NOT_FOUND',
  'NO_MANUAL_DIAL_LIST',
  'NUMBER_IN_DNC',
  'DUPLICATE_LEAD',
  'LEAD_REJECTED',
  'NO_ACTIVE_LEAD',
  // generic
  'INVALID_ARGUMENT',
  // the telephony engine
  'PBX_UNAVAILABLE',
  'PBX_REJECTED',
] as const;

export type DomainErrorCode = (typeof DomainErrorCodes)[number];

/** Facts a dialect may echo in its error text (a conference number, a file name ...). */
export type DomainErrorDetails = Readonly<Record<string, string | number | boolean | null>>;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details: DomainErrorDetails;

  constructor(code: DomainErrorCode, message?: string, details: DomainErrorDetails = {}) {
    super(message ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
