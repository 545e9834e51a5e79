import type { JsonObject } from '../kernel/json';

import type { CallProgressByPurpose } from './call-progress';

/** Why the gateway set a call up; each purpose has its own progress (call-progress.ts). */
export type CallPurpose = keyof CallProgressByPurpose;

export type CallState = 'setup' | 'answered' | 'ended';

export type CallDirection = 'outbound' | 'inbound';

/** Who ended a call first: the party that was called, the one that called, or the gateway. */
export type HangupSide = 'caller' | 'callee' | 'system';

/** What every call has, whatever its purpose. */
export interface CallRecord {
  id: string;
  direction: CallDirection;
  state: CallState;
  agentId: string | null;
  /** Tenant the call belongs to (a Sip_Call company code), when any. */
  tenant: string | null;
  /** Calling number as presented. */
  fromNumber: string;
  /** Called number. */
  toNumber: string;
  bridgeId: string | null;
  /** Extension that handled the call (click-to-call source, voice-menu answerer). */
  extension: string | null;
  createdAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  hangupCause: number | null;
  hangupCauseText: string | null;
  hangupSide: HangupSide | null;
  /** The dialect and operation that created the call. */
  origin: { dialect: string; operation: string; apiUserId: string | null };
  /** The client's own data, echoed into the CDR (custom CDR fields, customer uuid ...); nothing of the gateway's. */
  data: JsonObject;
}

/** A call of one purpose, with that purpose's progress (of several purposes: one of them). */
export type CallOf<P extends CallPurpose> = P extends CallPurpose ? CallRecord & { purpose: P; progress: CallProgressByPurpose[P] } : never;

/** A call of any purpose: `call.purpose` tells which progress it has. */
export type Call = CallOf<CallPurpose>;

/**
 * `caller`: the party that called in (an inbound call); `third_party`:
 * someone an agent dialled into a customer call (a 3-way call, a transfer).
 * `supervisor`: the phone of someone supervising another call; `snoop`: the engine's leg that listens to it.
 */
export type LegRole = 'source' | 'destination' | 'customer' | 'agent' | 'member' | 'caller' | 'third_party' | 'supervisor' | 'snoop';

export type LegState = 'dialing' | 'ringing' | 'up' | 'ended';

export interface Leg {
  /** The engine's channel id, chosen by the gateway. */
  id: string;
  callId: string;
  role: LegRole;
  endpoint: string;
  channelName: string | null;
  /** Dialplan context the engine reports for the channel. */
  context: string;
  state: LegState;
  callerNumber: string;
  callerName: string;
  dialedNumber: string;
  /** What the leg runs over, for dialects that list it (`extension` 5, `trunk` 1). */
  account: { kind: 'extension' | 'trunk'; id: number } | null;
  createdAt: Date;
  answeredAt: Date | null;
  endedAt: Date | null;
  cause: number | null;
  causeText: string | null;
  /** True when the gateway asked for this leg to end. */
  hangupRequested: boolean;
}

/**
 * A leg as the engine shows it while it is up: a live leg the engine has
 * named, of a call not yet ended. What listings of channels read, and nothing
 * more, so that listing many calls stays cheap.
 */
export interface LiveChannel {
  channelName: string;
  context: string;
  state: Exclude<LegState, 'ended'>;
  callerNumber: string;
  dialedNumber: string;
  account: Leg['account'];
  createdAt: Date;
}

/** The live channels as one read saw them, and the clock reading taken when that read ended. */
export interface LiveChannelListing {
  readAt: Date;
  channels: readonly LiveChannel[];
}

export const isLive = (leg: Leg): boolean => leg.state !== 'ended';
