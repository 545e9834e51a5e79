import type { JsonObject } from '../kernel/json';
import type { Call, CallDirection, CallPurpose, HangupSide, Leg } from './call';

/** One row per call: a superset of what the dialects report. */
export interface Cdr {
  /** Assigned by the store, increasing. */
  id: number;
  callId: string;
  purpose: CallPurpose;
  direction: CallDirection;
  tenant: string | null;
  agentId: string | null;
  fromNumber: string;
  toNumber: string;
  extension: string | null;
  startedAt: Date;
  answeredAt: Date | null;
  endedAt: Date;
  /** Whole seconds from start to end. */
  durationSec: number;
  /** Whole seconds from answer to end; 0 when never answered. */
  billsec: number;
  hangupCause: number;
  hangupCauseText: string;
  hangupSide: HangupSide;
  recordingFile: string | null;
  /** The key the caller pressed in a voice menu, if any. */
  pressedKey: string | null;
  /** The lead the call was placed for, if any. */
  leadId: number | null;
  /** The client's own data given when the call was placed. */
  data: JsonObject;
}

export type NewCdr = Omit<Cdr, 'id'>;

/**
 * What CDRs are looked up by; each criterion given must hold. Read marks
 * belong to a reader (an API account pulling its records), so each client
 * keeps its own "already fetched" set.
 */
export interface CdrSearch {
  /** null: the CDRs of calls placed for no tenant. */
  tenant?: string | null;
  /** Started at or after `from` and at or before `to`. */
  from?: Date;
  to?: Date;
  direction?: CallDirection;
  /** The agent who had the call (the agent of an inbound call who took it). */
  agentId?: string;
  /** The file the call's recording lives in. */
  recordingFile?: string;
  /** The operation that started the call (its origin) is one of `in`, or none of `notIn`. */
  originOperation?: { in: readonly string[] } | { notIn: readonly string[] };
  /** With `read`: only the CDRs this reader has (true) or has not (false) marked read. */
  reader?: string;
  read?: boolean;
  /** In id order (newest first with `newestFirst`): `offset` rows skipped, then at most `limit`. */
  newestFirst?: boolean;
  offset?: number;
  limit?: number;
}

/**
 * Seconds between two of the CDR's times as the dialects print them, each
 * cut to its second: every dialect that shows a CDR's times and its seconds
 * then agrees with itself and with the others (rounding the span instead made
 * a call of 0.6 s talk 1 s here and 0 s in a callback showing its times).
 */
const seconds = (from: Date, to: Date): number => Math.max(0, Math.floor(to.getTime() / 1000) - Math.floor(from.getTime() / 1000));

/** The CDR of a call that has just ended. */
export function buildCdr(call: Call, legs: readonly Leg[], endedAt: Date): NewCdr {
  const answeredAt = call.answeredAt;
  const first = call.hangupCause === null ? firstEndedLeg(legs) : null;
  return {
    callId: call.id,
    purpose: call.purpose,
    direction: call.direction,
    tenant: call.tenant,
    agentId: call.agentId,
    fromNumber: call.fromNumber,
    toNumber: call.toNumber,
    extension: call.extension,
    startedAt: call.createdAt,
    answeredAt,
    endedAt,
    durationSec: seconds(call.createdAt, endedAt),
    billsec: answeredAt ? seconds(answeredAt, endedAt) : 0,
    hangupCause: call.hangupCause ?? first?.cause ?? 0,
    hangupCauseText: (call.hangupCause === null ? first?.causeText : call.hangupCauseText) ?? 'Unknown',
    hangupSide: call.hangupSide ?? 'system',
    recordingFile: typeof call.data.recordingFile === 'string' ? call.data.recordingFile : null,
    pressedKey: call.purpose === 'voice_menu' || call.purpose === 'voice_broadcast' ? call.progress.pressedKey : null,
    leadId: call.purpose === 'agent_customer' ? call.progress.leadId : call.purpose === 'inbound' ? (call.progress.leadId ?? null) : null,
    data: call.data,
  };
}

function firstEndedLeg(legs: readonly Leg[]): Leg | null {
  const ended = legs.filter((leg) => leg.endedAt && leg.cause !== null).sort((a, b) => a.endedAt!.getTime() - b.endedAt!.getTime());
  return ended[0] ?? null;
}
