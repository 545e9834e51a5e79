import type { Request, Response } from 'express';
import type { ApiUser, CallControl } from '@pbx-gateway/core';
import { noteApiRequest, send, type DialectLogger, type RequestParams } from '@pbx-gateway/dialect-kit';
import { authenticate } from './auth';
import { VoipsunWireError, type Errno } from './errors';
import { operationFor, wireErrorOf } from './operations';
import type { VoipsunSettings } from './settings';
import { errorBody, wireAnswer } from './wire/response';
import { readVoipsunParams } from './wire/request-params';

export interface EndpointDeps {
  core: CallControl;
  logger: DialectLogger;
  settings: VoipsunSettings;
}

/**
 * `/api/api.php`: reads the parameters, then checks in VoIPSUN's order —
 * credentials (100), action (110), then the operation: the user's permission
 * for it (100), its own checks (120 first) — and answers HTTP 200 with a JSON
 * body.
 */
export function createApiEndpoint({ core, logger, settings }: EndpointDeps): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    res.removeHeader('X-Powered-By');
    const read = await readVoipsunParams(req, settings.maxBodyBytes);
    const params: RequestParams = read.ok ? read.params : (Object.create(null) as RequestParams);
    const action = params.action ?? '';
    let apiUser: ApiUser | null = null;

    const reply = (body: string, outcome: 'success' | 'error', result: string): void => {
      noteApiRequest(res, { operation: action === '' ? 'unknown' : action, params, apiUser: apiUser?.login ?? null, outcome, result });
      send(res, wireAnswer(settings.contentType, body));
    };
    const refuse = (errno: Errno, cause: unknown): void => {
      // 999 is the gateway's own failure: the client learns nothing more, the log learns why.
      if (errno === '999') logger.error({ action: action.slice(0, 100), error: cause instanceof Error ? cause.message : String(cause) }, 'unexpected failure answered with errno 999');
      reply(errorBody(errno, cause instanceof VoipsunWireError && cause.wire === errno ? cause.subject : ''), 'error', errno);
    };

    try {
      if (!read.ok) {
        logger.warn({ problem: read.problem }, 'request body could not be read');
        throw new VoipsunWireError('120');
      }
      apiUser = await authenticate(core, params);
      const operation = operationFor(action);
      if (!operation) throw new VoipsunWireError('110');
      const outcome = await operation.perform({ core, settings, logger, apiUser, action }, params);
      if (outcome.ok) reply(outcome.answer, 'success', 'true');
      else refuse(outcome.wire, outcome.cause);
    } catch (error) {
      refuse(wireErrorOf(error) ?? '999', error);
    }
  };
}
