import Ajv, { type ValidateFunction } from 'ajv';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { isDomainError, type AdminScope, type DialectVocabulary } from '@pbx-gateway/core';
import { createSchemaValidator, readRequestBody } from '@pbx-gateway/dialect-kit';
import { adminError, DOMAIN_ERROR_STATUS, type AdminError } from './admin-errors';
import { checkStorable } from './admin-input-limits';
import { bearerKey, resolveAdminKey } from './admin-key';
import { ADMIN_API_PREFIX, type AdminContext, type AdminRoute } from './admin-route';
import { adminRoutes } from './admin-routes';
import { sendJson } from '../http/send-json';

export { ADMIN_API_PREFIX };

const MAX_BODY_BYTES = 64 * 1024;

/** Sessions the admin API starts are `via: admin` unless it names a dialect's channel. */
export const ADMIN_VOCABULARY: DialectVocabulary = { loginChannels: ['admin'] };

export interface AdminApiDeps extends AdminContext {
  /** SHA-256 of ADMIN_API_KEY (hex), the key with every scope; null: only stored keys open the API. */
  apiKeySha256: string | null;
}

/**
 * The gateway's own administration over HTTP and JSON, outside every
 * dialect's paths. Its route table is its only description: each route's
 * schemas validate the request here and make the OpenAPI document. Every
 * answer is JSON, refusals as `{"error":{"code","message"}}` with a stable
 * code (docs/admin-api.md).
 */
export function createAdminApi(deps: AdminApiDeps, routes: readonly AdminRoute[] = adminRoutes(ADMIN_API_PREFIX)): Router {
  const router = Router({ caseSensitive: true, strict: true });
  const bodies = createSchemaValidator();
  // Path and query values arrive as text: they are read as the schema's numbers and booleans.
  // A date-time's form is checked by its pattern (dateTimeSchema), its value by dateOf.
  const urlParts = new Ajv({ allErrors: true, strict: true, coerceTypes: true, useDefaults: false, formats: { 'date-time': true } });
  const allowed = new Map<string, string[]>();

  for (const route of routes) {
    const path = expressPath(route.path);
    allowed.set(path, [...(allowed.get(path) ?? []), route.method.toUpperCase()]);
    const checks = {
      params: route.params ? urlParts.compile(route.params) : null,
      query: urlParts.compile(route.query ?? { type: 'object', additionalProperties: false, properties: {} }),
      body: route.body ? bodies.compile(route.body.schema) : null,
    };
    router[route.method](path, authorise(deps, route.scope), handler(deps, route, checks));
  }
  for (const [path, methods] of allowed) {
    router.all(path, authorise(deps, null), (req, res) => {
      res.setHeader('Allow', methods.join(', '));
      sendError(res, adminError('METHOD_NOT_ALLOWED', `${req.method} is not allowed here`));
    });
  }
  router.use(authorise(deps, null), (_req, res) => sendError(res, adminError('NOT_FOUND', 'no such admin resource')));
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    // Express's own refusals (a path whose %-escapes decode to nothing) carry a 4xx status: the client's mistake.
    const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : NaN;
    if (status >= 400 && status < 500 && !res.headersSent) {
      sendError(res, adminError('INVALID_REQUEST', 'the request is not valid'));
      return;
    }
    deps.logger.error({ path: req.path, error: error instanceof Error ? error.message : String(error) }, 'admin request failed');
    if (res.headersSent) res.end();
    else sendError(res, adminError('INTERNAL_ERROR', 'the request failed; see the gateway log'));
  });
  return router;
}

const expressPath = (openApiPath: string): string => openApiPath.replace(/\{(\w+)\}/g, ':$1');

interface Checks {
  params: ValidateFunction | null;
  query: ValidateFunction;
  body: ValidateFunction | null;
}

function handler(deps: AdminApiDeps, route: AdminRoute, checks: Checks) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const work = async () => {
      const params = { ...req.params };
      checkStorable('path', params);
      if (checks.params && !checks.params(params)) throw invalid('the path is not valid', checks.params);
      // Express's own query object has no prototype; a plain copy is what the schema checks and coerces.
      const query: Record<string, unknown> = { ...(req.query as Record<string, unknown>) };
      checkStorable('query', query);
      if (!checks.query(query)) throw invalid('the query is not valid', checks.query);
      let body: unknown = undefined;
      if (route.body && checks.body) {
        body = await jsonBody(req, route.body.presence);
        if (!checks.body(body)) throw invalid('the request body is not valid', checks.body);
        checkStorable('request body', body);
      }
      return route.handle(deps, { params, query, body });
    };
    work().then(
      (answer) => sendJson(res, answer.status, answer.body),
      (error: unknown) => {
        if (isDomainError(error)) sendError(res, { status: DOMAIN_ERROR_STATUS[error.code], code: error.code, message: error.message });
        else if (isAdminError(error)) sendError(res, error);
        else next(error);
      },
    );
  };
}

const invalid = (message: string, check: ValidateFunction): AdminError =>
  adminError('INVALID_REQUEST', message, (check.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`));

/** The key's scopes must hold the route's (null: any valid key, for the answers every path shares). */
function authorise(deps: AdminApiDeps, scope: AdminScope | null) {
  return (req: Request, res: Response, next: NextFunction): void => {
    resolveAdminKey(bearerKey(req.headers.authorization), deps.apiKeySha256, deps.store.direct.adminKeys).then((outcome) => {
      if (outcome.kind === 'disabled') {
        sendError(res, adminError('ADMIN_API_DISABLED', 'the admin API is switched off: no admin key is configured'));
        return;
      }
      if (outcome.kind === 'refused') {
        deps.logger.warn({ method: req.method, path: req.path, remoteAddress: req.socket.remoteAddress ?? null }, 'admin request refused: no valid key');
        res.setHeader('WWW-Authenticate', 'Bearer realm="pbx-gateway admin"');
        sendError(res, adminError('UNAUTHORIZED', 'a valid admin key is required (Authorization: Bearer <key>)'));
        return;
      }
      if (res.locals.adminKeyLogged !== true) {
        res.locals.adminKeyLogged = true;
        res.on('finish', () => deps.logger.info({ method: req.method, path: req.path, status: res.statusCode, key: outcome.name }, 'admin request'));
      }
      if (scope !== null && !outcome.scopes.includes(scope)) {
        sendError(res, adminError('FORBIDDEN', `the key has no ${scope} scope`));
        return;
      }
      next();
    }, next);
  };
}

async function jsonBody(req: Request, presence: 'required' | 'optional'): Promise<unknown> {
  const body = await readRequestBody(req, { maxBytes: MAX_BODY_BYTES, maxFields: 100 });
  if (body.kind === 'json') return body.value;
  if (body.kind === 'none' && presence === 'optional') return {};
  if (body.kind === 'problem' && body.problem === 'too_large') throw adminError('INVALID_REQUEST', `the body is larger than ${MAX_BODY_BYTES} bytes`);
  throw adminError('INVALID_REQUEST', 'the body must be a JSON object (Content-Type: application/json)');
}

function isAdminError(error: unknown): error is AdminError {
  return typeof error === 'object' && error !== null && 'status' in error && 'code' in error && 'message' in error && !(error instanceof Error);
}

function sendError(res: Response, error: AdminError): void {
  const body: { code: string; message: string; details?: unknown } = { code: error.code, message: error.message };
  if (error.details !== undefined) body.details = error.details;
  sendJson(res, error.status, { error: body });
}

