import { Router, type NextFunction, type Request, type Response } from 'express';
import {
  apiLogRecorder,
  dialectErrorHandler,
  handle,
  noteApiRequest,
  send,
  type Dialect,
  type DialectDeps,
} from '@pbx-gateway/dialect-kit';
import { badRequest, text } from './messages';
import { errorEnvelope } from './errors';
import { createServices, type ServiceContext } from './operations';
import { isReservedPath, namesService, resolveService } from './routing';
import { resolveSipcallSettings, type SipcallSettings, type SipcallSettingsInput } from './settings';
import { logResult, renderEnvelope, transportError, type Answer } from './wire/envelope';
import { hasBody, queryParams, readSipcallRequest, type SipcallRequest } from './wire/request';

/** Parameters that must never reach a log. */
export const SECRET_PARAMS = ['accesskey', 'token'] as const;

/**
 * The Sip_Call PhalApi endpoint. Mount it last, at `/`: it answers `/` and
 * any other path that names a service, except the paths of other dialects
 * (`reservedPaths`); everything else passes on untouched.
 */
export function createSipcallDialect(deps: DialectDeps<SipcallSettingsInput>): Dialect {
  const { core, logger } = deps;
  const settings = resolveSipcallSettings(deps.settings);
  const services = createServices(settings);
  const serviceNamed = services.named;
  const claimed = new WeakMap<Request, SipcallRequest>();
  const router = Router();

  // Decide first whether the request is ours, so the API log only sees Sip_Call traffic.
  router.use((req: Request, res: Response, next: NextFunction) => {
    claim(req, settings).then((request) => {
      if (!request) return next('router');
      claimed.set(req, request);
      res.removeHeader('X-Powered-By');
      next();
    }, next);
  });
  router.use(apiLogRecorder({ core, dialect: 'sipcall', secretParams: SECRET_PARAMS, logger, metrics: { sink: deps.requestMetrics, operations: services.names } }));
  router.use(
    handle(async (req, res) => {
      const request = claimed.get(req)!;
      const reqtime = core.clock.now();
      let operation = 'unknown';
      let answer: Answer;
      if (request.problem) {
        answer = transportError(400, badRequest(settings.language, request.problem === 'too_large' ? 'bodyTooLarge' : 'bodyMalformed'));
      } else {
        const resolution = resolveService(request.params);
        operation = resolution.service.slice(0, 100);
        const service = resolution.kind === 'named' ? serviceNamed(resolution.key) : undefined;
        if (resolution.kind === 'illegal') {
          answer = transportError(400, badRequest(settings.language, 'serviceIllegal', { service: clip(resolution.service) }));
        } else if (!service) {
          answer = transportError(settings.unknownServiceRet, badRequest(settings.language, 'noSuchService', { service: clip(resolution.service) }));
        } else {
          operation = service.name;
          const ctx: ServiceContext = {
            core,
            settings,
            params: request.params,
            service: service.service,
            reqtime,
            remoteAddress: req.ip ?? req.socket.remoteAddress ?? null,
            apiUserId: null,
            company: null,
          };
          const outcome = await service.perform(ctx, request.params);
          const envelope = outcome.ok ? outcome.answer : errorEnvelope(outcome.wire, settings.language, reqtime, core.clock.now());
          answer = { envelope, apiUserId: ctx.apiUserId };
        }
      }
      noteApiRequest(res, {
        operation,
        params: request.params,
        apiUser: answer.apiUserId ?? null,
        outcome: answer.envelope.ret === 200 && (answer.envelope.data as { status?: number }).status === 0 ? 'success' : 'error',
        result: logResult(answer.envelope),
      });
      send(res, renderEnvelope(answer.envelope, settings));
    }),
  );
  router.use(
    dialectErrorHandler(logger, () => renderEnvelope(transportError(500, internalError(settings)).envelope, settings)),
  );
  return { name: 'sipcall', router };
}

async function claim(req: Request, settings: SipcallSettings): Promise<SipcallRequest | null> {
  if (isReservedPath(req.path, settings.reservedPaths)) return null;
  const query = queryParams(req);
  const root = req.path === '/';
  if (!root && !namesService(query) && !hasBody(req)) return null;
  const request = await readSipcallRequest(req, query, settings.maxBodyBytes);
  if (!root && !namesService(request.params)) return null;
  return request;
}

function internalError(settings: SipcallSettings): string {
  return text(settings.language, 'internalError', { message: text(settings.language, 'unexpectedFailure') });
}

/** A client's service name quoted back: bounded, without control characters. */
function clip(service: string): string {
  const clean = service.replace(/[\u0000-\u001f\u007f]/g, '');
  const chars = [...clean];
  return chars.length > 100 ? chars.slice(0, 100).join('') : clean;
}
