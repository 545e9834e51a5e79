import type { Request, RequestHandler } from 'express';
import { isDomainError, REDACTED } from '@pbx-gateway/core';
import { handle, noteApiRequest } from '@pbx-gateway/dialect-kit';
import { authenticateNonAgentApiUser, mayUseFunction } from '../auth';
import { clientIp, TEAPOT_FUNCTIONS, teapotBody, type ScriptDeps } from '../script';
import { nonAgentApiVersionLine } from '../operations/version';
import { sendReply, type WireReply } from '../wire/answer';
import { FILTERS } from '../wire/input-filters';
import { bytesToText, readPhpParams, type PhpParams } from '../wire/php-params';
import { nonAgentFunction } from './catalogue';
import type { NonAgentContext } from './operation';
import { nonAgentParams } from './params';

interface NonAgentReply {
  status: 200 | 418;
  /** The lines, without the last newline (the teapot has none). */
  result: string;
  newline: boolean;
  outcome: 'success' | 'error';
}

/**
 * `/vicidial/non_agent_api.php` (spec §4): `version` and the teapot before
 * login; then the login of §4.1; then, per function, the source, the
 * allow-list, the function's own permission, and the function.
 */
export function nonAgentApiHandler(deps: ScriptDeps): RequestHandler {
  return handle(async (req, res) => {
    const startedAt = deps.core.clock.now();
    const params = await readPhpParams(req, deps.settings.maxBodyBytes);
    const fn = deps.filters.keep(params.get('function'), FILTERS.identifier);
    const user = deps.filters.keep(params.get('user'), FILTERS.user);
    const note = { operation: bytesToText(fn) || 'none', params: params.forLog(), apiUser: user === '' ? null : bytesToText(user), agentId: null };
    noteApiRequest(res, { ...note, outcome: 'error', result: 'ERROR: service unavailable' });

    const reply = await answerNonAgentApi(deps, req, params, { fn, user, startedAt });
    const logged = withoutEchoedSecrets(firstLine(reply.result), ECHOED_SECRETS.map((name) => deps.filters.keep(params.get(name), FILTERS.identifier)));
    noteApiRequest(res, { ...note, outcome: reply.outcome, result: bytesToText(logged) });
    const wire: WireReply = { status: reply.status, body: reply.newline ? `${reply.result}\n` : reply.result };
    sendReply(res, wire);
  });
}

async function answerNonAgentApi(deps: ScriptDeps, req: Request, params: PhpParams, request: { fn: string; user: string; startedAt: Date }): Promise<NonAgentReply> {
  const { core, settings, filters } = deps;
  const { fn, user } = request;
  const error = (result: string): NonAgentReply => ({ status: 200, result, newline: true, outcome: 'error' });
  if (fn === 'version') return { status: 200, result: nonAgentApiVersionLine(settings, request.startedAt), newline: true, outcome: 'success' };
  if (TEAPOT_FUNCTIONS.has(fn)) return { status: 418, result: teapotBody(fn), newline: false, outcome: 'error' };

  const pass = filters.keep(params.get('pass'), FILTERS.nonAgentPass);
  const auth = await authenticateNonAgentApiUser(core, settings, { user, pass, ip: clientIp(req) });
  if (!auth.ok) return error(auth.line);
  const operation = nonAgentFunction(fn);
  if (!operation) return error('ERROR: NO FUNCTION SPECIFIED');

  const source = filters.keep(params.get('source'), FILTERS.alphanumeric);
  if (source.length < 2) return error(`ERROR: Invalid Source - ${source}\nERROR: Invalid Source: |${source}|`);
  if (!mayUseFunction(auth.user, fn)) return error(`ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |${user}|${fn}|`);

  const ctx: NonAgentContext = { core, logger: deps.logger, settings, fn, user, apiUser: auth.user, params: nonAgentParams(params, filters), now: request.startedAt };
  const outcome = await operation.perform(ctx, ctx.params);
  // An answer is a success unless one of its lines is an error (update_lead's refused insertion follows a NOTICE).
  // An answer of no lines is an empty body (lead_search by lead numbers only prints none).
  if (outcome.ok) {
    const bare = typeof outcome.answer !== 'string';
    const result = typeof outcome.answer === 'string' ? outcome.answer : outcome.answer.bare;
    return { status: 200, result, newline: !bare && result !== '', outcome: !bare && hasErrorLine(result) ? 'error' : 'success' };
  }
  if (outcome.wire.log) deps.logger.error({ err: outcome.cause, function: bytesToText(fn) }, 'Non-Agent API function failed');
  return error(outcome.wire.text(ctx, isDomainError(outcome.cause) ? outcome.cause.details : {}));
}

/** Passwords some lines echo as a field of their own (add_phone's missing fields, update_phone's refused password). */
const ECHOED_SECRETS = ['phone_pass', 'registration_password'];

/** The line as logged: a field that is one of the request's secrets is replaced, as the logged parameters are. */
const withoutEchoedSecrets = (line: string, secrets: readonly string[]): string => {
  const hidden = new Set(secrets.filter((secret) => secret !== ''));
  return hidden.size === 0 ? line : line.split('|').map((field) => (hidden.has(field) ? REDACTED : field)).join('|');
};

const firstLine = (text: string): string => {
  const end = text.indexOf('\n');
  return end === -1 ? text : text.slice(0, end);
};

// A report kept for the polls of a wallboard comes back as the same string
// many times over: its lines are searched once, not per poll.
let lastSearched: { text: string; errorLine: boolean } | null = null;

function hasErrorLine(text: string): boolean {
  if (lastSearched?.text !== text) lastSearched = { text, errorLine: /^ERROR:/m.test(text) };
  return lastSearched.errorLine;
}
