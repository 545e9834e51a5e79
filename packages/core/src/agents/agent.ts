import { DomainError } from '../errors/domain-error';
import type { LoginChannel } from '../kernel/vocabulary';
import type { CallbackRecipient } from '../leads/callback';

/** A person who takes calls; the same agent is known to every dialect. */
export interface Agent {
  /** The agent's number, as every dialect names it (`1000`, `101`). */
  id: string;
  name: string;
  /** Hash of the agent's own password or PIN; null when the agent has none. */
  secretHash: string | null;
  /** The agent's usual phone, as a dial string (`PJSIP/1000`). */
  device: string | null;
  active: boolean;
  /** The agent's id in a CRM (VICIdial `alt_user` names agents by it); unique when set. */
  externalId: string | null;
  /** Dialect-specific facts kept for the dialect that needs them. */
  attributes: Readonly<Record<string, string>>;
}

/**
 * - `ready`: available for calls.
 * - `paused`: logged in but not available (VICIdial PAUSED, Huawei busy or rest, queue pause).
 * - `in_call`: occupied by a call, including a call that rings the agent's phone to play audio.
 * - `wrap_up`: after-call work (VICIdial DISPO, Huawei work state).
 */
export type AgentState = 'ready' | 'paused' | 'in_call' | 'wrap_up';


export interface AgentSession {
  agentId: string;
  /** Identifies this login; ids of the session's bridges and playbacks derive from the agent. */
  sessionId: string;
  state: AgentState;
  /** Why the agent is paused (a pause code, `busy:200`, `rest:0`), when paused. */
  pauseReason: string | null;
  /**
   * How long the current pause was asked to last (Huawei's rest time), or
   * null: when it is over the agent is told, and stays paused.
   */
  pauseLimitSec: number | null;
  /** The state to return to when the current call ends. */
  stateBeforeCall: 'ready' | 'paused' | 'wrap_up' | null;
  /** The phone to ring for this session. */
  device: string;
  /** The number the agent signed in with, as the client sent it. */
  phoneNumber: string;
  /** A conference the agent sits in for the whole session (VICIdial), or null. */
  conference: SessionConference | null;
  /** Where the agent's session runs, as reported to clients. */
  serverIp: string;
  campaignId: string | null;
  currentCallId: string | null;
  /** The lead on the agent's screen (dialled, or waiting for its disposition), or null. */
  lead: SessionLead | null;
  /**
   * A lead shown to the agent to dial or skip (VICIdial `preview_lead_id`),
   * not called yet; null when none waits.
   */
  previewLeadId: number | null;
  /** A disposition given while the lead's call was still up: applied when it ends. */
  pendingDisposition: Disposition | null;
  pendingPause: PendingPause | null;
  /**
   * A pause reason given while the lead waited for its disposition (VICIdial
   * pause_code in DISPO): the reason of the pause the disposition leads to;
   * dropped when the agent goes on without one. Absent: none.
   */
  nextPauseReason?: string | null;
  /** After-call work asked for during a call: the agent goes to it when the call ends. */
  pendingWrapUp: boolean;
  pendingLogout: boolean;
  /**
   * Takes outbound (dialled) calls as well as inbound ones; false: inbound
   * only (VICIdial's CLOSER while waiting). Inbound calls reach the agent either way.
   */
  blended: boolean;
  /** After a call: straight back (`ready`) or into after-call work (`wrap_up`). */
  afterCall: 'ready' | 'wrap_up';
  /**
   * What the agent's screen is asked to reload, comma-separated: lead fields
   * changed for it, panels (VICIdial `external_update_fields_data`); null
   * until something was asked.
   */
  screenRefresh: string | null;
  /** What the agent's screen does at a point of each call (VICIdial's timer action); null: nothing. */
  timerAction: TimerAction | null;
  /** The client asked for calls given to the agent to be answered without the agent (Huawei auto-answer). */
  autoAnswer: boolean;
  /**
   * Calls offered to the agent wait for the agent to answer them through its
   * client, and only then ring its phone (Huawei with auto-answer off); false:
   * the phone rings at once and the agent answers there.
   */
  answerOnRequest: boolean;
  /**
   * Every call the agent talks in is recorded from the moment it talks, for
   * the agent (Huawei's self-recording); absent: false. Asked for the session.
   */
  recordCalls?: boolean;
  /**
   * Where the session's events are pushed (a callback the client named at
   * sign-in) instead of waiting to be fetched; null for a client that polls.
   */
  eventPush: EventPush | null;
  loginVia: LoginChannel;
  loggedInAt: Date;
  /** Last sign of life from the client (CC-Gateway polls). */
  lastSeenAt: Date;
  stateChangedAt: Date;
}

/** A receiver the agent's events are POSTed to, with the headers every request carries (credentials included). */
export interface EventPush {
  url: string;
  headers: Readonly<Record<string, string>>;
}

/**
 * An action taken once the agent's customer call has been answered for
 * `seconds` (VICIdial: WEBFORM, WEBFORM2, D1_DIAL … D5_DIAL, MESSAGE_ONLY),
 * with the message the agent is shown. It comes due once, on the call the
 * agent is on when it is set or on the next one (agents/timer-action.ts).
 */
export interface TimerAction {
  action: string;
  message: string;
  /** Seconds into the call; null when not given (the action then never comes due). */
  seconds: number | null;
  /**
   * A number dialled into the call as a third party when the action comes
   * due (a preset dial), as a 3-way call the agent placed; null or absent: none.
   */
  dialNumber?: string | null;
  /**
   * Keys sent to that third party once it answers (an IVR it reaches, a
   * conference PIN: a preset's DTMF), `,` a pause; null or absent: none.
   */
  dialDtmf?: string | null;
}

/** The lead a session works on, and the call placed for it (null before it is dialled). */
export interface SessionLead {
  leadId: number;
  callId: string | null;
}

/** What an agent says became of a lead: its new status, and a callback when the status schedules one. */
export interface Disposition {
  status: string;
  callback: CallbackRequest | null;
}

export interface CallbackRequest {
  at: Date;
  recipient: CallbackRecipient;
  comments: string;
}

export interface SessionConference {
  /** The conference number shown to clients (VICIdial `conf_exten`). */
  number: string;
  bridgeId: string;
  /** The leg of the agent's phone while it sits in the conference. */
  agentLegId: string | null;
}

/** A pause waiting for the current call to end; `limitSec` as `AgentSession.pauseLimitSec`. */
export interface PendingPause {
  reason: string | null;
  limitSec?: number;
}

/** What `pause` did: applied now, or deferred until the current call ends. */
export type PauseOutcome = 'paused' | 'pause_pending' | 'already_paused' | 'reason_kept';

/** After the call, with the lead waiting for its disposition (VICIdial DISPO). */
export const awaitsDisposition = (session: AgentSession): boolean => session.state === 'wrap_up' && session.lead !== null;

export function pauseSession(
  session: AgentSession,
  reason: string | null,
  now: Date,
  limitSec: number | null = null,
): { session: AgentSession; outcome: PauseOutcome } {
  // A call defers a pause, and so does a lead waiting for its disposition;
  // other after-call work ends when the agent says so, not by itself.
  if (session.state === 'in_call' || awaitsDisposition(session)) {
    // A reason kept for the next pause (pause_code during the disposition) is that pause's when none is given now.
    const pauseReason = reason ?? session.nextPauseReason ?? null;
    const pendingPause: PendingPause = limitSec === null ? { reason: pauseReason } : { reason: pauseReason, limitSec };
    return { session: { ...session, pendingPause, pendingWrapUp: false, nextPauseReason: null }, outcome: 'pause_pending' };
  }
  const outcome: PauseOutcome = session.state === 'paused' ? 'already_paused' : 'paused';
  return { session: { ...session, state: 'paused', pauseReason: reason, pauseLimitSec: limitSec, stateChangedAt: now }, outcome };
}

export function resumeSession(session: AgentSession, now: Date): AgentSession {
  if (session.state !== 'paused' && session.state !== 'wrap_up') {
    throw new DomainError('AGENT_NOT_PAUSED', `agent ${session.agentId} is ${session.state}`, { state: session.state });
  }
  // Resuming leaves a lead waiting for its disposition undispositioned: it is no longer on the screen.
  return {
    ...session,
    state: 'ready',
    pauseReason: null,
    pauseLimitSec: null,
    pendingPause: null,
    nextPauseReason: null,
    pendingWrapUp: false,
    lead: null,
    previewLeadId: null,
    pendingDisposition: null,
    stateChangedAt: now,
  };
}

export function startCall(session: AgentSession, callId: string, now: Date): AgentSession {
  if (session.state === 'in_call') {
    throw new DomainError('AGENT_BUSY', `agent ${session.agentId} is already in a call`, { callId: session.currentCallId });
  }
  return { ...session, state: 'in_call', stateBeforeCall: session.state, currentCallId: callId, stateChangedAt: now };
}

/**
 * Where a session goes when its call ends: pending logout and pause win over
 * the usual state. A call for a lead ends in its disposition (VICIdial DISPO):
 * a pause or logout asked for meanwhile waits for it.
 */
export function endCall(session: AgentSession, now: Date): { session: AgentSession; logout: boolean } {
  if (session.lead !== null) {
    return { session: { ...session, currentCallId: null, stateBeforeCall: null, state: 'wrap_up', stateChangedAt: now }, logout: false };
  }
  if (session.pendingLogout) {
    return { session: { ...session, currentCallId: null, state: 'ready', stateChangedAt: now }, logout: true };
  }
  const base = { ...session, currentCallId: null, stateBeforeCall: null, pendingWrapUp: false, stateChangedAt: now };
  if (session.pendingPause) {
    const pause = session.pendingPause;
    return { session: { ...base, state: 'paused', pauseReason: pause.reason, pauseLimitSec: pause.limitSec ?? null, pendingPause: null }, logout: false };
  }
  if (session.afterCall === 'wrap_up' || session.pendingWrapUp) return { session: { ...base, state: 'wrap_up' }, logout: false };
  const back = session.stateBeforeCall ?? 'ready';
  return { session: { ...base, state: back === 'wrap_up' ? 'ready' : back }, logout: false };
}

/** Free to be given a queued call now: ready, in no call, nothing pending, with a phone to reach. */
export function takesQueuedCalls(session: AgentSession): boolean {
  if (session.state !== 'ready' || session.currentCallId !== null || session.pendingLogout || session.pendingPause) return false;
  return session.conference ? session.conference.agentLegId !== null : session.device !== '';
}

/** The reason a call's end reports: the pause's, or `requested` for after-call work the agent asked for during the call. */
export function reasonAfterCall(before: AgentSession, after: AgentSession): string | null {
  if (after.state === 'wrap_up' && before.pendingWrapUp && before.afterCall !== 'wrap_up') return WRAP_UP_REQUESTED;
  return after.pauseReason;
}

/** The reason of after-call work the agent asked for (Huawei `work`), as state changes report it. */
export const WRAP_UP_REQUESTED = 'requested';

/**
 * The reason an agent's state change to `in_call` gives when a queued call
 * is offered to it (its phone rings for the call, or the call joins its
 * conference), so that a dialect can tell it from a call the agent placed.
 */
export const QUEUED_CALL = 'queued_call';

/** The reason an agent's state change to `in_call` gives for a customer call placed for the agent. */
export const CUSTOMER_CALL = 'call';
