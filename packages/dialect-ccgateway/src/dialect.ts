import { Router, type Request, type Response } from 'express';
import {
  apiLogRecorder,
  dialectErrorHandler,
  handle,
  noteApiRequest,
  parseQueryString,
  rawQueryString,
  send,
  type Dialect,
  type DialectDeps,
  type WireAnswer,
} from '@pbx-gateway/dialect-kit';
import { authenticateAgent } from './auth';
import { wireError, type WireError } from './errors';
import { failed, type CcgatewayContext, type Operation, type OperationInput, type OperationResult } from './operation';
import { PollRegistry } from './poll-registry';
import { buildRoutes, resolveRoute } from './routes';
import { checkCcgatewaySettings, defaultCcgatewaySettings, phoneNumberRule, type CcgatewaySettings } from './settings';
import { failureAnswer, jsonAnswer, methodNotAllowedAnswer, renderEnvelope, unknownInterfaceAnswer } from './wire/envelope';
import { decodeSegment, parseAgentId } from './wire/path-params';
import { drainBody, readJsonBody } from './wire/request-body';

/** Every interface lives under this path. */
export const CCGATEWAY_PREFIX = '/agentgateway/resource';

/** Parameters whose values never reach a log. */
const SECRET_PARAMS = ['password', 'serviceToken', 'guid'];

const MAX_LOGGED_FIELDS = 40;
const MAX_LOGGED_CHARS = 200;

/** Known interfaces of the real product that this gateway does not implement (spec §4). */
const notSupportedAnswer = (): WireAnswer => jsonAnswer(renderEnvelope('not supported', '000-002'));

function safeJson(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return '[unprintable]';
  }
}

/** What the API log keeps of a request: scalar fields, shortened. */
function loggedParams(sources: ReadonlyArray<Readonly<Record<string, unknown>>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let count = 0;
  for (const source of sources) {
    for (const [name, value] of Object.entries(source)) {
      if (count >= MAX_LOGGED_FIELDS) return out;
      count += 1;
      const text = typeof value === 'string' ? value : safeJson(value);
      const kept = typeof value === 'number' || typeof value === 'boolean' || value === null ? value : text === null ? null : text.slice(0, MAX_LOGGED_CHARS);
      Object.defineProperty(out, name.slice(0, 64), { value: kept, enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

/** The path below the prefix as decoded segments (a trailing slash is tolerated). */
function pathSegments(path: string): string[] {
  const parts = path.split('/').filter((part, index, all) => !(part === '' && (index === 0 || index === all.length - 1)));
  // A segment whose escaping is broken stays raw: it then matches no literal and fails any parameter check.
  return parts.map((part) => decodeSegment(part) ?? part);
}

/**
 * The Huawei CC-Gateway agent interface (`/agentgateway/resource/…`): sign-in
 * and sign-out, the event long poll, agent states, and the recordplay family.
 */
export function createCcgatewayDialect(deps: DialectDeps<CcgatewaySettings>): Dialect {
  const settings: CcgatewaySettings = checkCcgatewaySettings({ ...defaultCcgatewaySettings, ...deps.settings });
  const ctx: CcgatewayContext = { core: deps.core, settings, logger: deps.logger, polls: new PollRegistry(), acceptsPhoneNumber: phoneNumberRule(settings) };
  const routes = buildRoutes();

  async function runOperation(req: Request, res: Response, operation: Operation, params: Record<string, string>): Promise<OperationResult & { agentId: string | null; logged: Record<string, unknown> }> {
    const query = parseQueryString(rawQueryString(req.originalUrl));
    let body: Record<string, unknown> = {};
    let bodyProblem = false;
    if (operation.body === 'json') {
      const read = await readJsonBody(req, settings.maxBodyBytes);
      if (read.kind === 'object') body = read.value;
      else if (read.kind === 'invalid') bodyProblem = true;
    } else if ((await drainBody(req, settings.maxBodyBytes)) === 'too_large') {
      bodyProblem = true;
    }
    const { agentid: rawAgentId = '', ...pathParams } = params;
    const logged = loggedParams([{ agentid: rawAgentId }, pathParams, query, body]);
    const agentId = parseAgentId(rawAgentId, settings.agentIdRange);
    const refuse = (error: WireError) => ({ ...failed(error), agentId, logged });
    if (agentId === null) return refuse(wireError('000-002'));

    let auth: OperationInput['auth'] = null;
    if (operation.auth === 'guid') {
      const checked = await authenticateAgent(ctx.core, req.headers, agentId);
      if (!checked.ok) return refuse(checked.error);
      auth = { guid: checked.guid, token: checked.token };
    }
    if (bodyProblem) return refuse(wireError(operation.bodyError));

    const gone = new AbortController();
    const onClose = (): void => {
      if (!res.writableFinished) gone.abort();
    };
    res.on('close', onClose);
    try {
      const result = await operation.run(ctx, { agentId, pathParams, query, body, auth, clientGone: gone.signal });
      return { ...result, agentId, logged };
    } finally {
      res.off('close', onClose);
    }
  }

  async function dispatch(req: Request, res: Response): Promise<void> {
    res.removeHeader('X-Powered-By');
    const resolution = resolveRoute(routes, req.method, pathSegments(req.path));
    if (resolution.kind === 'unknown') {
      noteApiRequest(res, { operation: 'unknown', params: {}, outcome: 'error', result: '000-002' });
      send(res, unknownInterfaceAnswer());
      return;
    }
    if (resolution.kind === 'wrong_method') {
      noteApiRequest(res, { operation: 'wrongMethod', params: {}, outcome: 'error', result: '405' });
      send(res, methodNotAllowedAnswer(resolution.allow));
      return;
    }
    const { route, params } = resolution;
    if (route.kind === 'not_supported') {
      noteApiRequest(res, { operation: 'notSupported', params: { path: route.path }, outcome: 'error', result: '000-002' });
      send(res, notSupportedAnswer());
      return;
    }
    let result: Awaited<ReturnType<typeof runOperation>>;
    try {
      result = await runOperation(req, res, route.operation, params);
    } catch (error) {
      // Answered by the error handler below; the log still names the interface.
      noteApiRequest(res, { operation: route.operation.name, params: {}, outcome: 'error', result: '100-007' });
      throw error;
    }
    noteApiRequest(res, {
      operation: route.operation.name,
      params: result.logged,
      agentId: result.agentId,
      outcome: result.retcode === '0' ? 'success' : 'error',
      result: result.retcode,
    });
    if (res.writableEnded || res.destroyed) return;
    send(res, result.answer);
  }

  const router = Router({ caseSensitive: true });
  router.use(
    CCGATEWAY_PREFIX,
    apiLogRecorder({ core: deps.core, dialect: 'ccgateway', secretParams: SECRET_PARAMS, logger: deps.logger }),
    handle(dispatch),
    dialectErrorHandler(deps.logger, () => failureAnswer('100-007', wireError('100-007').message)),
  );

  let sweeper: NodeJS.Timeout | null = null;
  let sweeping: Promise<void> | null = null;
  const sweep = (): void => {
    if (sweeping) return;
    sweeping = deps.core
      .expireIdleSessions({ via: 'ccgateway', idleMs: settings.idleSignOutMs })
      .then((agents) => {
        if (agents.length > 0) deps.logger.info({ agents }, 'agents signed out after they stopped polling');
      })
      .catch((error: unknown) => deps.logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'idle sign-out sweep failed'))
      .finally(() => {
        sweeping = null;
      });
  };

  return {
    name: 'ccgateway',
    router,
    start() {
      if (sweeper) return;
      sweeper = setInterval(sweep, settings.idleSweepMs);
      sweeper.unref();
    },
    async stop() {
      if (sweeper) clearInterval(sweeper);
      sweeper = null;
      ctx.polls.abortAll();
      await sweeping;
    },
  };
}
