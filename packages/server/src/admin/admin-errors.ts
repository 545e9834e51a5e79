import type { DomainErrorCode } from '@pbx-gateway/core';

/** The admin API's own refusals; with the core's codes, the stable `error.code` values of docs/admin-api.md. */
export type AdminErrorCode = 'ADMIN_API_DISABLED' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'INVALID_REQUEST' | 'NOT_FOUND' | 'METHOD_NOT_ALLOWED' | 'SIGNING_KEY_MISSING' | 'INTERNAL_ERROR';

/** The HTTP status of each of the admin API's own refusals. */
export const ADMIN_ERROR_STATUS: Record<AdminErrorCode, number> = {
  INVALID_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  ADMIN_API_DISABLED: 404,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  SIGNING_KEY_MISSING: 409,
  INTERNAL_ERROR: 500,
};

/** Every code the admin API answers, with its status: the one error table. */
export const statusOfCode = (code: AdminErrorCode | DomainErrorCode): number =>
  code in ADMIN_ERROR_STATUS ? ADMIN_ERROR_STATUS[code as AdminErrorCode] : DOMAIN_ERROR_STATUS[code as DomainErrorCode];

export interface AdminError {
  status: number;
  code: AdminErrorCode | DomainErrorCode;
  message: string;
  details?: unknown;
}

export const adminError = (code: AdminErrorCode, message: string, details?: unknown): AdminError => ({ status: ADMIN_ERROR_STATUS[code], code, message, details });

/** The HTTP status of each core refusal; the code itself is passed on as it is. */
export const DOMAIN_ERROR_STATUS: Record<DomainErrorCode, number> = {
  AUTH_FAILED: 403,
  AUTH_LOCKED: 403,
  PERMISSION_DENIED: 403,
  TOKEN_INVALID: 403,
  AGENT_NOT_FOUND: 404,
  AGENT_NOT_LOGGED_IN: 404,
  AGENT_ALREADY_LOGGED_IN: 409,
  AGENT_EXISTS: 409,
  AGENT_NOT_PAUSED: 409,
  AGENT_BUSY: 409,
  AGENT_HAS_NO_DEVICE: 422,
  SESSION_HAS_NO_CONFERENCE: 422,
  NO_ACTIVE_CALL: 409,
  CALL_NOT_FOUND: 404,
  LEG_NOT_FOUND: 404,
  INVALID_NUMBER: 422,
  PLAYBACK_ALREADY_ACTIVE: 409,
  NO_ACTIVE_PLAYBACK: 409,
  PLAYBACK_NOT_PLAYING: 409,
  PLAYBACK_NOT_PAUSED: 409,
  RECORDING_ALREADY_ACTIVE: 409,
  NO_ACTIVE_RECORDING: 409,
  RECORDING_NOT_PAUSED: 409,
  MEDIA_NOT_ALLOWED: 422,
  EXTENSION_NOT_FOUND: 404,
  EXTENSION_AMBIGUOUS: 409,
  DIALPLAN_NOT_FOUND: 404,
  EXTENSION_GROUP_NOT_FOUND: 404,
  TRUNK_NOT_FOUND: 404,
  QUEUE_NOT_FOUND: 404,
  INVALID_ARGUMENT: 422,
  PBX_UNAVAILABLE: 503,
  PBX_REJECTED: 502,
  CAMPAIGN_NOT_FOUND: 404,
  NO_MANUAL_DIAL_LIST: 422,
  NUMBER_IN_DNC: 422,
  LEAD_REJECTED: 422,
  DUPLICATE_LEAD: 409,
  NO_ACTIVE_LEAD: 409,
};
