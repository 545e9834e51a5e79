import type { DialectVocabulary } from '@pbx-gateway/core';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { apiLogRecorder, dialectErrorHandler, type Dialect, type DialectDeps } from '@pbx-gateway/dialect-kit';
import { agentApiHandler } from './agent-api/handler';
import { nonAgentApiHandler } from './non-agent-api/handler';
import { checkVicidialSettings, type VicidialSettings } from './settings';
import { VICIDIAL_HEADERS } from './wire/answer';
import { createInputFilters } from './wire/input-filters';

export { defaultVicidialSettings, type VicidialSettings } from './settings';
export { AGENT_FUNCTIONS_NOT_YET_SUPPORTED } from './operations/catalogue';

export const AGENT_API_PATH = '/agc/api.php';
export const NON_AGENT_API_PATH = '/vicidial/non_agent_api.php';

/** Parameters whose values never reach a log: the API password and the passwords some Non-Agent functions carry. */
export const VICIDIAL_SECRET_PARAMS: readonly string[] = ['pass', 'agent_pass', 'phone_pass', 'registration_password'];

/**
 * The VICIdial dialect: the Agent API (`/agc/api.php`) and the Non-Agent API
 * (`/vicidial/non_agent_api.php`), any method, exactly these paths (Apache
 * matches them case-sensitively).
 */
export function createVicidialDialect(deps: DialectDeps<VicidialSettings>): Dialect {
  checkVicidialSettings(deps.settings);
  const scriptDeps = { core: deps.core, logger: deps.logger, settings: deps.settings, filters: createInputFilters(deps.settings.useNonLatin) };
  const recorder = apiLogRecorder({ core: deps.core, dialect: 'vicidial', secretParams: VICIDIAL_SECRET_PARAMS, logger: deps.logger });
  // PHP sends no X-Powered-By of ours; removing it first also covers answers of the error handler.
  const noPoweredBy = (_req: Request, res: Response, next: NextFunction): void => {
    res.removeHeader('X-Powered-By');
    next();
  };

  const router = Router({ caseSensitive: true, strict: true });
  router.all(AGENT_API_PATH, recorder, noPoweredBy, agentApiHandler(scriptDeps));
  router.all(NON_AGENT_API_PATH, recorder, noPoweredBy, nonAgentApiHandler(scriptDeps));
  router.use([AGENT_API_PATH, NON_AGENT_API_PATH], dialectErrorHandler(deps.logger, () => serviceUnavailable()));
  return { name: 'vicidial', router };
}

/**
 * Whatever fails unexpectedly (the database gone, a bug) is still answered the
 * VICIdial way: HTTP 200, the usual headers, one ERROR line.
 */
function serviceUnavailable(): { status: number; headers: Record<string, string>; body: string } {
  const body = 'ERROR: service unavailable\n';
  return { status: 200, headers: { ...Object.fromEntries(VICIDIAL_HEADERS), 'Content-Length': String(Buffer.byteLength(body)) }, body };
}

/** The words VICIdial brings to the core: its agents' sessions and its API accounts. */
export const VICIDIAL_VOCABULARY: DialectVocabulary = { loginChannels: ['vicidial'], apiRealms: ['vicidial'] };
