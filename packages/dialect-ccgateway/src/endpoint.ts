import type { Request, Response } from 'express';
import { noteApiRequest, parseQueryString, rawQueryString, send, type WireAnswer } from '@pbx-gateway/dialect-kit';
import { guidSubject } from './auth';
import { wireError, type Retcode } from './errors';
import type { CcgatewayContext, Operation, RequestBody } from './operation';
import { buildRoutes } from './routes';
import { failureAnswer, jsonAnswer, methodNotAllowedAnswer, renderEnvelope, unknownInterfaceAnswer } from './wire/envelope';
import { loggedParams } from './wire/logged-params';
import { decodeSegment, parseAgentId } from './wire/path-params';
import { drainBody, readJsonBody } from './wire/request-body';

/** Known interfaces of the real product that this gateway does not implement (spec §4). */
const notSupportedAnswer = (): WireAnswer => jsonAnswer(renderEnvelope('not supported', '000-002'));

/** The path below the prefix as decoded segments (a trailing slash is tolerated). */
function pathSegments(path: string): string[] {
  const parts = path.split('/').filter((part, index, all) => !(part === '' && (index === 0 || index === all.length - 1)));
  // A segment whose escaping is broken stays raw: it then matches no literal and fails any parameter check.
  return parts.map((part) => decodeSegment(part) ?? part);
}

interface Answered {
  answer: WireAnswer;
  /** The retcode answered, for the API log. */
  retcode: string;
  agentId: string | null;
  logged: Record<string, unknown>;
}

/**
 * Every request under the prefix: the interface by method and path, then
 * the agent id of the path (`000-002`), then the interface (the GUID it
 * needs, its body, its work); every answer is noted for the API log.
 */
export function createEndpoint(ctx: CcgatewayContext): (req: Request, res: Response) => Promise<void> {
  const routes = buildRoutes();

  async function answer(req: Request, res: Response, operation: Operation, params: Record<string, string>): Promise<Answered> {
    const query = parseQueryString(rawQueryString(req.originalUrl));
    let body: RequestBody = {};
    if (operation.body === 'json') {
      const read = await readJsonBody(req, ctx.settings.maxBodyBytes);
      if (read.kind === 'object') body = read.value;
      else if (read.kind === 'invalid') body = null;
    } else if ((await drainBody(req, ctx.settings.maxBodyBytes)) === 'too_large') {
      body = null;
    }
    const { agentid: rawAgentId = '', ...pathParams } = params;
    const namesAgent = operation.path.includes('{agentid}');
    const logged = loggedParams([namesAgent ? { agentid: rawAgentId } : {}, pathParams, query, body ?? {}]);
    // A path without an agent id (`allagentevent`) acts for the agent of the GUID.
    const agentId = namesAgent ? parseAgentId(rawAgentId, ctx.settings.agentIdRange) : await guidSubject(ctx.core, req.headers);
    const refused = (retcode: Retcode): Answered => ({ answer: failureAnswer(retcode, wireError(retcode).message), retcode, agentId, logged });
    if (agentId === null) return refused(namesAgent ? '000-002' : '100-006');

    const gone = new AbortController();
    const onClose = (): void => {
      if (!res.writableFinished) gone.abort();
    };
    res.on('close', onClose);
    try {
      const outcome = await operation.perform({ ...ctx, agentId, pathParams, query, headers: req.headers, auth: null, clientGone: gone.signal }, body);
      if (outcome.ok) return { answer: outcome.answer, retcode: '0', agentId, logged };
      if (outcome.unexpected) {
        const error = outcome.cause;
        ctx.logger.error({ operation: operation.name, error: error instanceof Error ? error.message : String(error) }, 'unexpected failure answered with 100-007');
      }
      return refused(outcome.wire);
    } finally {
      res.off('close', onClose);
    }
  }

  return async (req, res) => {
    res.removeHeader('X-Powered-By');
    const resolution = routes.resolve(req.method, pathSegments(req.path));
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
    const { target, params } = resolution;
    if (target.kind === 'not_supported') {
      noteApiRequest(res, { operation: 'notSupported', params: { path: target.path }, outcome: 'error', result: '000-002' });
      send(res, notSupportedAnswer());
      return;
    }
    const { operation } = target;
    let result: Answered;
    try {
      result = await answer(req, res, operation, params);
    } catch (error) {
      // Answered by the dialect's error handler; the log still names the interface.
      noteApiRequest(res, { operation: operation.name, params: {}, outcome: 'error', result: '100-007' });
      throw error;
    }
    noteApiRequest(res, { operation: operation.name, params: result.logged, agentId: result.agentId, outcome: result.retcode === '0' ? 'success' : 'error', result: result.retcode });
    if (res.writableEnded || res.destroyed) return;
    send(res, result.answer);
  };
}
