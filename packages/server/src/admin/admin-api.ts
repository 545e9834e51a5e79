import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, isDomainError, type AgentSession, type CallControl, type DialectVocabulary } from '@pbx-gateway/core';
import { readRequestBody } from '@pbx-gateway/dialect-kit';
import { adminError, DOMAIN_ERROR_STATUS, type AdminError } from './admin-errors';
import { adminKeyMatches, bearerKey } from './admin-key';
import { validAgentId, validateLogin, validateLogout, type AdminLoginBody } from './admin-schemas';

/** Where the admin API answers; a new version gets a new prefix. */
export const ADMIN_API_PREFIX = '/admin/v1';

const MAX_BODY_BYTES = 64 * 1024;

/** Sessions the admin API starts are `via: admin` unless it names a dialect's channel. */
export const ADMIN_VOCABULARY: DialectVocabulary = { loginChannels: ['admin'] };

export interface AdminApiDeps {
  core: CallControl;
  /** SHA-256 of the admin key (hex); null: the API is switched off. */
  apiKeySha256: string | null;
  logger: Logger;
}

/** A live session as the admin API shows it. */
export interface AdminSessionView {
  agentId: string;
  state: AgentSession['state'];
  pauseReason: string | null;
  via: string;
  phone: string;
  device: string;
  campaign: string | null;
  queues: string[];
  conference: string | null;
  serverIp: string;
  pendingLogout: boolean;
  loggedInAt: string;
}

/**
 * The gateway's own administration over HTTP and JSON, outside every
 * dialect's paths: agents log in and out here (VICIdial has no login function
 * in its API, spec §6). Every answer is JSON, refusals as
 * `{"error":{"code","message"}}` with a stable code (docs/admin-api.md).
 */
export function createAdminApi(deps: AdminApiDeps): Router {
  const { core } = deps;
  const router = Router({ caseSensitive: true, strict: true });
  router.use(authorise(deps));

  router.get('/sessions', route(async () => ({ status: 200, body: { sessions: await Promise.all((await core.listAgentSessions()).sort(byAgent).map((session) => view(core, session))) } })));

  router.post(
    '/sessions',
    route(async (req) => {
      const input = validateLogin(await jsonBody(req, 'required'));
      if (!input.ok) throw adminError(400, 'INVALID_REQUEST', 'the login request is not valid', input.errors);
      const session = await core.loginAgent(loginRequest(input.value));
      return { status: 201, body: { session: await view(core, session) } };
    }),
  );

  router.get(
    '/sessions/:agentId',
    route(async (req) => {
      const agentId = agentIdOf(req);
      const session = await core.getAgentSession(agentId);
      if (!session) throw new DomainError('AGENT_NOT_LOGGED_IN', `agent ${agentId} is not logged in`);
      return { status: 200, body: { session: await view(core, session) } };
    }),
  );

  const logout = route(async (req) => {
    const agentId = agentIdOf(req);
    const input = validateLogout(req.method === 'DELETE' ? {} : await jsonBody(req, 'optional'));
    if (!input.ok) throw adminError(400, 'INVALID_REQUEST', 'the logout request is not valid', input.errors);
    const outcome = await core.logoutAgent({ agentId, whenInCall: input.value.whenInCall ?? 'defer' });
    return { status: 200, body: { agentId, outcome } };
  });
  router.delete('/sessions/:agentId', logout);
  router.post('/sessions/:agentId/logout', logout);

  router.all(['/sessions', '/sessions/:agentId', '/sessions/:agentId/logout'], (req, res) => {
    const allow = req.path === '/sessions' ? 'GET, POST' : req.path.endsWith('/logout') ? 'POST' : 'GET, DELETE';
    res.setHeader('Allow', allow);
    sendError(res, adminError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed here`));
  });
  router.use((_req, res) => sendError(res, adminError(404, 'NOT_FOUND', 'no such admin resource')));
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    deps.logger.error({ path: req.path, error: error instanceof Error ? error.message : String(error) }, 'admin request failed');
    sendError(res, adminError(500, 'INTERNAL_ERROR', 'the request failed; see the gateway log'));
  });
  return router;
}

type Answer = { status: number; body: unknown };

/** One handler: its answer, or its refusal (an AdminError, or the core's DomainError) as JSON. */
function route(work: (req: Request) => Promise<Answer>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    work(req).then(
      (answer) => sendJson(res, answer.status, answer.body),
      (error: unknown) => {
        if (isDomainError(error)) sendError(res, { status: DOMAIN_ERROR_STATUS[error.code], code: error.code, message: error.message });
        else if (isAdminError(error)) sendError(res, error);
        else next(error);
      },
    );
  };
}

function authorise(deps: AdminApiDeps) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (deps.apiKeySha256 === null) {
      sendError(res, adminError(404, 'ADMIN_API_DISABLED', 'the admin API is switched off: no admin key is configured'));
      return;
    }
    const key = bearerKey(req.headers.authorization);
    if (key === null || !adminKeyMatches(key, deps.apiKeySha256)) {
      deps.logger.warn({ method: req.method, path: req.path, remoteAddress: req.socket.remoteAddress ?? null }, 'admin request refused: no valid key');
      res.setHeader('WWW-Authenticate', 'Bearer realm="pbx-gateway admin"');
      sendError(res, adminError(401, 'UNAUTHORIZED', 'a valid admin key is required (Authorization: Bearer <key>)'));
      return;
    }
    res.on('finish', () => deps.logger.info({ method: req.method, path: req.path, status: res.statusCode }, 'admin request'));
    next();
  };
}

async function jsonBody(req: Request, presence: 'required' | 'optional'): Promise<unknown> {
  const body = await readRequestBody(req, { maxBytes: MAX_BODY_BYTES, maxFields: 100 });
  if (body.kind === 'json') return body.value;
  if (body.kind === 'none' && presence === 'optional') return {};
  if (body.kind === 'problem' && body.problem === 'too_large') throw adminError(400, 'INVALID_REQUEST', `the body is larger than ${MAX_BODY_BYTES} bytes`);
  throw adminError(400, 'INVALID_REQUEST', 'the body must be a JSON object (Content-Type: application/json)');
}

function agentIdOf(req: Request): string {
  const agentId = String(req.params.agentId ?? '');
  if (!validAgentId(agentId)) throw adminError(400, 'INVALID_REQUEST', 'the agent id is not valid', ['/agentId must match ^[A-Za-z0-9_.@-]+$']);
  return agentId;
}

function loginRequest(body: AdminLoginBody): Parameters<CallControl['loginAgent']>[0] {
  const conference = body.conference ?? null;
  return {
    agentId: body.agentId,
    via: body.via ?? 'admin',
    phoneNumber: body.phone ?? null,
    campaignId: body.campaign ?? null,
    queues: body.queues ?? [],
    initialState: body.initialState ?? 'ready',
    pauseReason: body.pauseReason ?? null,
    conferenceNumber: conference,
    // A session conference is only of use with the agent's phone in it.
    connectPhone: conference !== null && (body.connectPhone ?? true),
    replaceExisting: body.replaceExisting ?? false,
  };
}

async function view(core: CallControl, session: AgentSession): Promise<AdminSessionView> {
  return {
    agentId: session.agentId,
    state: session.state,
    pauseReason: session.pauseReason,
    via: session.loginVia,
    phone: session.phoneNumber,
    device: session.device,
    campaign: session.campaignId,
    queues: (await core.queuesOfAgent(session.agentId)).sort(),
    conference: session.conference?.number ?? null,
    serverIp: session.serverIp,
    pendingLogout: session.pendingLogout,
    loggedInAt: session.loggedInAt.toISOString(),
  };
}

const byAgent = (a: AgentSession, b: AgentSession): number => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0);

function isAdminError(error: unknown): error is AdminError {
  return typeof error === 'object' && error !== null && 'status' in error && 'code' in error && 'message' in error && !(error instanceof Error);
}

function sendError(res: Response, error: AdminError): void {
  const body: { code: string; message: string; details?: unknown } = { code: error.code, message: error.message };
  if (error.details !== undefined) body.details = error.details;
  sendJson(res, error.status, { error: body });
}

function sendJson(res: Response, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.status(status);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', String(Buffer.byteLength(text)));
  res.end(text);
}
