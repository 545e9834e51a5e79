import { isDomainError, PbxFailure, type DomainErrorCode } from '@pbx-gateway/core';
import type { VoipsunAction } from './operations/action';

/**
 * The wire errors this dialect emits: errno → reason, byte for byte as the
 * VoIPSUN document writes them (typos included: clients string-match them).
 * 401, 900, 901 and 999 are the gateway's own extensions for situations the
 * document has no code for; docs/voipsun.md lists them.
 */
export const WIRE_REASONS = {
  '100': 'Unauthorized user or bad permissions',
  '110': 'Unknown action',
  '120': 'Missing required parameters',
  '200': 'Use only one of next variables: srcExtenPublicNum, srcExtenInternalNum, srcExtenId, srcSipUsername',
  '201': 'Parameter dialPlanName missing',
  '202': 'Extension not found',
  '203': 'Dialplan not found',
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
  '400': 'Parameter channelName is empty',
  '401': 'Channel not found',
  '900': 'PBX unavailable',
  '901': 'PBX rejected the request',
  '999': 'Internal error',
} as const;

export type Errno = keyof typeof WIRE_REASONS;

/** A refusal on the wire: `{"success":"false","errno":…,"reason":…}`. */
export class VoipsunWireError extends Error {
  readonly errno: Errno;

  constructor(errno: Errno) {
    super(`errno ${errno}: ${WIRE_REASONS[errno]}`);
    this.name = 'VoipsunWireError';
    this.errno = errno;
  }

  get reason(): string {
    return WIRE_REASONS[this.errno];
  }
}

type ErrnoByAction = Errno | Partial<Record<VoipsunAction, Errno>> & { otherwise: Errno };

/**
 * DomainErrorCode → errno. Where the answer depends on the operation, the
 * entry names the operation's errno and a fallback for every other one.
 * Codes the in-scope operations cannot meet fall to 999 (logged).
 */
const DOMAIN_ERRNO: Partial<Record<DomainErrorCode, ErrnoByAction>> = {
  AUTH_FAILED: '100',
  AUTH_LOCKED: '100',
  PERMISSION_DENIED: '100',
  INVALID_ARGUMENT: '120',
  // `dstNum` the gateway cannot dial: the one usable required parameter is missing.
  INVALID_NUMBER: '120',
  EXTENSION_AMBIGUOUS: '201',
  EXTENSION_NOT_FOUND: '202',
  DIALPLAN_NOT_FOUND: '203',
  // No trunk to dial `dstNum` through: the PBX's "no outbound route".
  TRUNK_NOT_FOUND: '250',
  PBX_UNAVAILABLE: '900',
  // The engine refusing to ring the source extension (not registered, no such device).
  PBX_REJECTED: { originate: '220', otherwise: '901' },
};

/** The wire error for anything an operation threw; null when it is not a known refusal. */
export function wireErrorFor(error: unknown, action: VoipsunAction | null): VoipsunWireError | null {
  if (error instanceof VoipsunWireError) return error;
  // Queries of the engine (`pbxEndpoints`) report its failures in the port's words.
  if (error instanceof PbxFailure) return new VoipsunWireError(error.kind === 'unavailable' ? '900' : '901');
  if (!isDomainError(error)) return null;
  const entry = DOMAIN_ERRNO[error.code];
  if (entry === undefined) return null;
  if (typeof entry === 'string') return new VoipsunWireError(entry);
  return new VoipsunWireError((action === null ? undefined : entry[action]) ?? entry.otherwise);
}
