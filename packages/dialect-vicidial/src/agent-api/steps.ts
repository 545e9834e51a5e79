import { isDomainError, type AgentSession, type CallControl } from '@pbx-gateway/core';
import { WireRefusal, type DialectLogger } from '@pbx-gateway/dialect-kit';
import { mayUseFunction, type VicidialApiUser } from '../auth';
import { ownCheck, type Refusal } from '../errors';
import type { AnswerText } from '../wire/answer';
import { bytesToText, utf8ToBytes } from '../wire/php-params';
import type { AgentRequest } from './request';
import type { VicidialSettings } from '../settings';

/** The agent a function acts on, as its lines echo it (byte strings). */
export interface AgentTarget {
  agentUser: string;
  conference?: string;
  serverIp?: string;
}

/** What an Agent API function works with once the caller is authenticated. */
export interface AgentOperationContext {
  core: CallControl;
  logger: DialectLogger;
  request: AgentRequest;
  apiUser: VicidialApiUser;
  answer: AnswerText;
  /** Request time, Unix seconds (VICIdial's `$epoch`). */
  epoch: number;
  settings: VicidialSettings;
  /** The host name the client addressed (PHP's `SERVER_NAME` behind Apache's default `UseCanonicalName Off`). */
  serverName: string;
  /** Set by the function once it has found its agent: what its refusals echo. */
  target?: AgentTarget;
}

/** Ends the function with one of its own lines. */
export const stopWith = (refusal: Refusal): WireRefusal<Refusal> => new WireRefusal(refusal);

/**
 * Step P (spec §2.1/7): the API user's allow-list. The refusal ends the
 * script; `valueEcho` is what the function prints before `|<user>` (null:
 * nothing, the line starts with the user, as webserver's does).
 */
export function checkAllowList(ctx: AgentOperationContext, valueEcho: string | null): void {
  const fn = ctx.request.function;
  if (mayUseFunction(ctx.apiUser, fn)) return;
  const user = ctx.request.user;
  const echo = valueEcho === null ? '' : `${valueEcho}|`;
  throw stopWith(ownCheck('exit', `ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION - ${echo}${user}|${fn}|${utf8ToBytes(ctx.apiUser.group)}`));
}

/**
 * Step A (spec §3): an `alt_user` of two characters or more names the agent
 * by its external id (VICIdial's `custom_three` user field). When nobody has it,
 * VICIdial prints `noUserLine` and carries on with the `agent_user` it was
 * given (usually empty, so the next line is "not logged in").
 */
export async function resolveAgentUser(ctx: AgentOperationContext, noUserLine: string): Promise<string> {
  const { alt_user: altUser, agent_user: agentUser } = ctx.request;
  if (altUser.length < 2) return agentUser;
  const agent = await ctx.core.findAgentByExternalId(bytesToText(altUser));
  if (agent) return utf8ToBytes(agent.id);
  ctx.answer.line(noUserLine);
  return agentUser;
}

/** Step L: logged in means a live session exists; unknown and logged-out agents look the same. */
export async function liveSession(ctx: AgentOperationContext, agentUser: string): Promise<AgentSession | null> {
  if (agentUser === '') return null;
  return ctx.core.getAgentSession(bytesToText(agentUser));
}

/** The agent id the core knows for an echoed (byte-string) agent_user. */
export const agentIdOf = (agentUser: string): string => bytesToText(agentUser);

/**
 * A failure the wire shows as "service unavailable" or "telephony command
 * failed" goes to the log with its cause. The core refusing the command (the
 * call ended, the agent got busy, the engine said no: a race between two
 * requests for the same agent, as a busy CRM makes) is a warning; the engine
 * out of reach, or anything else the gateway did not expect, is an error.
 */
export function logUnexpected(ctx: AgentOperationContext, error: unknown): void {
  const facts = { function: ctx.request.function, code: isDomainError(error) ? error.code : null, error: error instanceof Error ? error.message : String(error) };
  if (isDomainError(error) && error.code !== 'PBX_UNAVAILABLE') ctx.logger.warn(facts, 'agent api function refused by the core');
  else ctx.logger.error(facts, 'agent api function failed');
}
