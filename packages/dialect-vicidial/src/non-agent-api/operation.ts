import type { CallControl, DomainErrorDetails } from '@pbx-gateway/core';
import { operationKind, WireRefusal, type DialectLogger, type ErrorTable, type Operation } from '@pbx-gateway/dialect-kit';
import type { VicidialApiUser } from '../auth';
import type { VicidialSettings } from '../settings';
import type { NonAgentParams } from './params';

/** What a Non-Agent function works with: the caller logged in, its filtered parameters, the request's time. */
export interface NonAgentContext {
  core: CallControl;
  logger: DialectLogger;
  settings: VicidialSettings;
  /** The filtered `function` and `user`, as bytes (echoed by every line). */
  fn: string;
  user: string;
  apiUser: VicidialApiUser;
  params: NonAgentParams;
  now: Date;
}

/**
 * A function's own permission (spec §4.1): what the caller's account must
 * allow besides API access (`vdc_agent_api_access = 1`, always asked), and
 * the line when it does not.
 */
export interface NonAgentPermission {
  allows(user: VicidialApiUser): boolean;
  denied(user: string): string;
}

/** What a refusal prints: its lines (joined by `\n`), worded from the request and the core's facts. */
export interface NonAgentRefusal {
  text(ctx: NonAgentContext, details: DomainErrorDetails): string;
  /** A failure of the gateway, logged with its cause. */
  log?: boolean;
}

/** An answer VICIdial prints without a last newline (lead_field_info's value alone). */
export interface BareAnswer {
  bare: string;
}

export interface NonAgentTypes {
  selector: { function: string };
  auth: NonAgentPermission;
  context: NonAgentContext;
  raw: NonAgentParams;
  /** The answer's lines, without the last newline, or an answer printed as it is. */
  answer: string | BareAnswer;
  wire: NonAgentRefusal;
}

/** A line of the function's own, thrown from `run`. */
export const refuse = (line: string): WireRefusal<NonAgentRefusal> => new WireRefusal<NonAgentRefusal>({ text: () => line });

/** Anything unexpected: the gateway's own line, the cause in the log. */
export const nonAgentServiceUnavailable: NonAgentRefusal = {
  log: true,
  text: (ctx) => `ERROR: ${ctx.fn} error - service unavailable - ${ctx.user}`,
};

/**
 * The Non-Agent API's one table: its functions check what they ask before
 * the core is asked, and word the refusals they can meet in their own
 * layouts (`errors:` of each function); anything else the core refuses is a
 * failure of the gateway.
 */
const NON_AGENT_ERROR_TABLE: ErrorTable<NonAgentRefusal> = {
  AUTH_FAILED: nonAgentServiceUnavailable,
  AUTH_LOCKED: nonAgentServiceUnavailable,
  PERMISSION_DENIED: nonAgentServiceUnavailable,
  TOKEN_INVALID: nonAgentServiceUnavailable,
  AGENT_NOT_FOUND: nonAgentServiceUnavailable,
  AGENT_NOT_LOGGED_IN: nonAgentServiceUnavailable,
  AGENT_ALREADY_LOGGED_IN: nonAgentServiceUnavailable,
  AGENT_EXISTS: nonAgentServiceUnavailable,
  AGENT_NOT_PAUSED: nonAgentServiceUnavailable,
  AGENT_BUSY: nonAgentServiceUnavailable,
  AGENT_HAS_NO_DEVICE: nonAgentServiceUnavailable,
  SESSION_HAS_NO_CONFERENCE: nonAgentServiceUnavailable,
  NO_ACTIVE_CALL: nonAgentServiceUnavailable,
  CALL_NOT_FOUND: nonAgentServiceUnavailable,
  LEG_NOT_FOUND: nonAgentServiceUnavailable,
  INVALID_NUMBER: nonAgentServiceUnavailable,
  PLAYBACK_ALREADY_ACTIVE: nonAgentServiceUnavailable,
  NO_ACTIVE_PLAYBACK: nonAgentServiceUnavailable,
  PLAYBACK_NOT_PLAYING: nonAgentServiceUnavailable,
  PLAYBACK_NOT_PAUSED: nonAgentServiceUnavailable,
  RECORDING_ALREADY_ACTIVE: nonAgentServiceUnavailable,
  NO_ACTIVE_RECORDING: nonAgentServiceUnavailable,
  RECORDING_NOT_PAUSED: nonAgentServiceUnavailable,
  MEDIA_NOT_ALLOWED: nonAgentServiceUnavailable,
  EXTENSION_NOT_FOUND: nonAgentServiceUnavailable,
  EXTENSION_AMBIGUOUS: nonAgentServiceUnavailable,
  DIALPLAN_NOT_FOUND: nonAgentServiceUnavailable,
  EXTENSION_GROUP_NOT_FOUND: nonAgentServiceUnavailable,
  TRUNK_NOT_FOUND: nonAgentServiceUnavailable,
  CAMPAIGN_NOT_FOUND: nonAgentServiceUnavailable,
  NO_MANUAL_DIAL_LIST: nonAgentServiceUnavailable,
  NUMBER_IN_DNC: nonAgentServiceUnavailable,
  DUPLICATE_LEAD: nonAgentServiceUnavailable,
  LEAD_REJECTED: nonAgentServiceUnavailable,
  NO_ACTIVE_LEAD: nonAgentServiceUnavailable,
  QUEUE_NOT_FOUND: nonAgentServiceUnavailable,
  INVALID_ARGUMENT: nonAgentServiceUnavailable,
  PBX_UNAVAILABLE: nonAgentServiceUnavailable,
  PBX_REJECTED: nonAgentServiceUnavailable,
};

const nonAgentOperations = operationKind<NonAgentTypes>({
  errors: NON_AGENT_ERROR_TABLE,
  invalidInput(errors) {
    throw new Error(`filtered input does not match its check: ${errors.map((error) => error.message ?? '').join('; ')}`);
  },
  unexpected: nonAgentServiceUnavailable,
  async authorize(ctx, permission) {
    if (!ctx.apiUser.agentApiAccess || !permission.allows(ctx.apiUser)) throw refuse(permission.denied(ctx.user));
  },
});

export const defineNonAgentFunction = nonAgentOperations.define;

export type NonAgentFunction = Operation<NonAgentTypes>;
