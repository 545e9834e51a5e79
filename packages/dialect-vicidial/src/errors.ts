import type { DomainErrorDetails } from '@pbx-gateway/core';
import type { ErrorTable } from '@pbx-gateway/dialect-kit';
import type { AgentOperationContext } from './agent-api/steps';

/** The VICIdial wire errors, by the name docs/vicidial.md gives them. */
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
  /** `ERROR: agent_user does not have a live call - <agent_user>` */
  | 'no_live_call'
  /** `ERROR: external_pause agent is not paused - …` [x], `ERROR: pause_code error - agent is not paused - …` */
  | 'agent_not_paused'
  /** `ERROR: agent_user does not have a lead on their screen - …` */
  | 'no_lead_on_screen'
  /** `ERROR: campaign manual dial list undefined - …` */
  | 'no_manual_dial_list'
  /** `ERROR: add_lead PHONE NUMBER IN DNC - …` and/or `… IN CAMPAIGN DNC - …` */
  | 'number_in_dnc'
  /** `ERROR: lead insertion failed - …` */
  | 'lead_insertion_failed'
  /** Gateway-only: `ERROR: <function> error - telephony command failed - <agent_user>` [x] */
  | 'telephony_failed'
  /** Gateway-only: `ERROR: <function> error - service unavailable - <agent_user>` [x] */
  | 'service_unavailable'
  /** A line of the function's own checks, before it reaches the core. */
  | 'own_check';

/**
 * What a refusal prints. VICIdial's lines echo the request in each
 * function's own layout, so a refusal is worded from the request and the
 * agent the function found, and the facts the core's refusal carries (one
 * line per `\n` of the text). `exit` ends the script (no close-window link, no
 * debug footer), `line` lets it finish; `log`: a failure of the gateway,
 * logged with its cause.
 */
export interface Refusal {
  kind: WireErrorKind;
  end: 'line' | 'exit';
  text(ctx: AgentOperationContext, details: DomainErrorDetails): string;
  /** Where VICIdial's debug output shows SQL, a summary of what happened instead. */
  comment?(ctx: AgentOperationContext): string;
  log?: boolean;
}

/** The agent a refusal echoes: the one the function found, else the one it was given. */
export const echoedAgent = (ctx: AgentOperationContext): string => ctx.target?.agentUser ?? ctx.request.agent_user;

export const agentNotLoggedIn: Refusal = { kind: 'agent_not_logged_in', end: 'line', text: (ctx) => `ERROR: agent_user is not logged in - ${echoedAgent(ctx)}` };

export const noLeadOnScreen: Refusal = {
  kind: 'no_lead_on_screen',
  end: 'line',
  text: (ctx) => `ERROR: agent_user does not have a lead on their screen - ${echoedAgent(ctx)}`,
};

export const telephonyFailed: Refusal = {
  kind: 'telephony_failed',
  end: 'exit',
  log: true,
  text: (ctx) => `ERROR: ${ctx.request.function} error - telephony command failed - ${echoedAgent(ctx)}`,
};

export const serviceUnavailable: Refusal = {
  kind: 'service_unavailable',
  end: 'exit',
  log: true,
  text: (ctx) => `ERROR: ${ctx.request.function} error - service unavailable - ${echoedAgent(ctx)}`,
};

/** A line a function's own checks print, worded when it is found. */
export const ownCheck = (end: Refusal['end'], line: string): Refusal => ({ kind: 'own_check', end, text: () => line });

/**
 * The one table from the core's refusals to VICIdial's answers, for every
 * Agent API function; a function overrides only the codes it words in its
 * own layout (audio_playback's playback lines, external_pause's "not
 * paused"). Anything else the core refuses is the gateway's "service
 * unavailable"; the engine failing is "telephony command failed".
 */
export const DOMAIN_ERROR_TABLE: ErrorTable<Refusal> = {
  AUTH_FAILED: serviceUnavailable,
  AUTH_LOCKED: serviceUnavailable,
  PERMISSION_DENIED: serviceUnavailable,
  TOKEN_INVALID: serviceUnavailable,
  // The session ended between the check and the command: answered as if it had been gone before.
  AGENT_NOT_FOUND: agentNotLoggedIn,
  AGENT_NOT_LOGGED_IN: agentNotLoggedIn,
  AGENT_ALREADY_LOGGED_IN: serviceUnavailable,
  AGENT_EXISTS: serviceUnavailable,
  AGENT_NOT_PAUSED: serviceUnavailable,
  AGENT_BUSY: telephonyFailed,
  AGENT_HAS_NO_DEVICE: telephonyFailed,
  SESSION_HAS_NO_CONFERENCE: serviceUnavailable,
  NO_ACTIVE_CALL: serviceUnavailable,
  CALL_NOT_FOUND: serviceUnavailable,
  LEG_NOT_FOUND: serviceUnavailable,
  INVALID_NUMBER: serviceUnavailable,
  PLAYBACK_ALREADY_ACTIVE: serviceUnavailable,
  NO_ACTIVE_PLAYBACK: serviceUnavailable,
  // A hang-up or a pause never waits on audio: these must not turn into a SUCCESS if they ever arose there.
  PLAYBACK_NOT_PLAYING: serviceUnavailable,
  PLAYBACK_NOT_PAUSED: serviceUnavailable,
  RECORDING_ALREADY_ACTIVE: serviceUnavailable,
  NO_ACTIVE_RECORDING: serviceUnavailable,
  RECORDING_NOT_PAUSED: serviceUnavailable,
  MEDIA_NOT_ALLOWED: serviceUnavailable,
  EXTENSION_NOT_FOUND: serviceUnavailable,
  EXTENSION_AMBIGUOUS: serviceUnavailable,
  DIALPLAN_NOT_FOUND: serviceUnavailable,
  EXTENSION_GROUP_NOT_FOUND: serviceUnavailable,
  TRUNK_NOT_FOUND: serviceUnavailable,
  QUEUE_NOT_FOUND: serviceUnavailable,
  // Campaigns and leads: the functions that meet these word them in their own layouts.
  CAMPAIGN_NOT_FOUND: serviceUnavailable,
  NO_MANUAL_DIAL_LIST: serviceUnavailable,
  NUMBER_IN_DNC: serviceUnavailable,
  LEAD_REJECTED: serviceUnavailable,
  DUPLICATE_LEAD: serviceUnavailable,
  NO_ACTIVE_LEAD: noLeadOnScreen,
  INVALID_ARGUMENT: serviceUnavailable,
  PBX_UNAVAILABLE: telephonyFailed,
  PBX_REJECTED: telephonyFailed,
};
