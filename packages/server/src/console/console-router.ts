import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { isDomainError, type CallControl, type EventLogRepository } from '@pbx-gateway/core';
import { readRequestBody } from '@pbx-gateway/dialect-kit';
import { adminKeyMatches, bearerKey } from '../admin/admin-key';
import { DOMAIN_ERROR_STATUS } from '../admin/admin-errors';
import { consoleSnapshot } from './console-views';
import { consoleActions, ConsoleRefusal } from './console-actions';
import { sendJson } from '../http/send-json';

/** The live console: its page at `/console`, its JSON under `/console/api` (docs/console.md). */
export const CONSOLE_PREFIX = '/console';

// The page, script and style live beside the package's sources, so the same path serves from src (tests) and dist.
const STATIC_DIR = join(__dirname, '..', '..', 'static', 'console');
const STATIC_FILES: Readonly<Record<string, { file: string; type: string }>> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/console.js': { file: 'console.js', type: 'text/javascript; charset=utf-8' },
  '/console.css': { file: 'console.css', type: 'text/css; charset=utf-8' },
};

const MAX_BODY_BYTES = 16 * 1024;

export interface ConsoleDeps {
  core: CallControl;
  eventLog: EventLogRepository;
  /** SHA-256 of the admin key: the console logs in with it; null switches the console's API off. */
  apiKeySha256: string | null;
  logger: Logger;
}

export function createConsole(deps: ConsoleDeps): Router {
  const router = Router({ caseSensitive: true, strict: true });
  for (const [path, asset] of Object.entries(STATIC_FILES)) {
    router.get(path, (_req, res, next) => {
      readFile(join(STATIC_DIR, asset.file)).then((body) => {
        res.status(200);
        res.setHeader('Content-Type', asset.type);
        res.setHeader('Cache-Control', 'no-cache');
        // The page loads nothing from elsewhere; a policy makes that a rule for the browser too.
        res.setHeader('Content-Security-Policy', "default-src 'self'; connect-src 'self' ws: wss:; media-src 'self' blob:; img-src 'self' data:");
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.end(body);
      }, next);
    });
  }
  const api = Router({ caseSensitive: true, strict: true });
  api.use(authorise(deps));
  const actions = consoleActions(deps.core);
  api.get('/snapshot', answer(async () => consoleSnapshot(deps.core, deps.eventLog)));
  api.post('/agents/:agentId/pause', answer(async (req) => actions.pause(param(req, 'agentId'), await jsonBody(req))));
  api.post('/agents/:agentId/resume', answer(async (req) => actions.resume(param(req, 'agentId'))));
  api.post('/agents/:agentId/logout', answer(async (req) => actions.logout(param(req, 'agentId'), await jsonBody(req))));
  api.post('/calls/:callId/hangup', answer(async (req) => actions.hangup(param(req, 'callId'))));
  api.post('/supervision', answer(async (req) => actions.supervise(await jsonBody(req))));
  api.get('/recordings/:cdrId', (req, res, next) => {
    actions.recording(param(req, 'cdrId')).then(
      (file) => {
        res.status(200);
        res.setHeader('Content-Type', file.contentType);
        res.setHeader('Content-Length', String(file.data.byteLength));
        res.setHeader('Cache-Control', 'private, no-store');
        res.end(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength));
      },
      (error: unknown) => refusal(res, error, next),
    );
  });
  api.use((_req, res) => sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'no such console resource' } }));
  router.use('/api', api);
  router.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    deps.logger.error({ path: req.path, error: error instanceof Error ? error.message : String(error) }, 'console request failed');
    sendJson(res, 500, { error: { code: 'INTERNAL_ERROR', message: 'the request failed; see the gateway log' } });
  });
  return router;
}

function authorise(deps: ConsoleDeps) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (deps.apiKeySha256 === null) {
      sendJson(res, 404, { error: { code: 'CONSOLE_DISABLED', message: 'the console is switched off: no admin key is configured' } });
      return;
    }
    const key = bearerKey(req.headers.authorization);
    if (key === null || !adminKeyMatches(key, deps.apiKeySha256)) {
      deps.logger.warn({ method: req.method, path: req.path, remoteAddress: req.socket.remoteAddress ?? null }, 'console request refused: no valid key');
      res.setHeader('WWW-Authenticate', 'Bearer realm="pbx-gateway admin"');
      sendJson(res, 401, { error: { code: 'UNAUTHORIZED', message: 'a valid admin key is required (Authorization: Bearer <key>)' } });
      return;
    }
    if (req.method !== 'GET') res.on('finish', () => deps.logger.info({ method: req.method, path: req.path, status: res.statusCode }, 'console action'));
    next();
  };
}

function answer(work: (req: Request) => Promise<unknown>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    work(req).then(
      (body) => sendJson(res, 200, body),
      (error: unknown) => refusal(res, error, next),
    );
  };
}

function refusal(res: Response, error: unknown, next: NextFunction): void {
  if (isDomainError(error)) sendJson(res, DOMAIN_ERROR_STATUS[error.code], { error: { code: error.code, message: error.message } });
  else if (error instanceof ConsoleRefusal) sendJson(res, error.status, { error: { code: error.code, message: error.message } });
  else next(error);
}

const param = (req: Request, name: string): string => String(req.params[name] ?? '');

async function jsonBody(req: Request): Promise<unknown> {
  const body = await readRequestBody(req, { maxBytes: MAX_BODY_BYTES, maxFields: 20 });
  if (body.kind === 'json') return body.value;
  if (body.kind === 'none') return {};
  throw new ConsoleRefusal(400, 'INVALID_REQUEST', 'the body must be a JSON object (Content-Type: application/json)');
}
