import type { Request, Response } from 'express';
import type { ApiUser, CallControl } from '@pbx-gateway/core';
import { noteApiRequest, send, type DialectLogger, type RequestParams } from '@pbx-gateway/dialect-kit';
import { authenticate, mayUse } from './auth';
import { VoipsunWireError, wireErrorFor } from './errors';
import { OPERATIONS } from './operations';
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
 * credentials (100), action (110), the user's permission for it (100), and
 * the action's own checks (120 first) — and answers HTTP 200 with a JSON body.
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

    try {
      if (!read.ok) {
        logger.warn({ problem: read.problem }, 'request body could not be read');
        throw new VoipsunWireError('120');
      }
      apiUser = await authenticate(core, params);
      const operation = OPERATIONS.get(action);
      if (!operation) throw new VoipsunWireError('110');
      if (!mayUse(apiUser, operation.action)) throw new VoipsunWireError('100');
      const body = await operation.run(params, { core, settings, logger, apiUser });
      reply(body, 'success', 'true');
    } catch (error) {
      const wire = wireErrorFor(error, OPERATIONS.get(action)?.action ?? null) ?? unexpected(logger, action, error);
      reply(errorBody(wire), 'error', wire.errno);
    }
  };
}

function unexpected(logger: DialectLogger, action: string, error: unknown): VoipsunWireError {
  logger.error({ action: action.slice(0, 100), error: error instanceof Error ? error.message : String(error) }, 'unexpected failure answered with errno 999');
  return new VoipsunWireError('999');
}
