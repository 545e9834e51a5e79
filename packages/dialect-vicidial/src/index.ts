import type { DialectVocabulary } from '@pbx-gateway/core';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { apiLogRecorder, dialectErrorHandler, type Dialect, type DialectDeps } from '@pbx-gateway/dialect-kit';
import { agentApiHandler } from './agent-api/handler';
import { nonAgentApiHandler } from './non-agent-api/handler';
import { NON_AGENT_FUNCTIONS } from './non-agent-api/catalogue';
import { AGENT_OPERATIONS } from './operations/catalogue';
import { AGENT_API_PATH, NON_AGENT_API_PATH } from './paths';
import { checkVicidialSettings, type VicidialSettings } from './settings';
import { VICIDIAL_HEADERS } from './wire/answer';
import { createInputFilters } from './wire/input-filters';
import { scriptOfPath } from './wire/script-path';

export { defaultVicidialSettings, type VicidialSettings } from './settings';

export { AGENT_API_PATH, NON_AGENT_API_PATH };

/** Parameters whose values never reach a log: the API password and the passwords some Non-Agent functions carry. */
export const VICIDIAL_SECRET_PARAMS: readonly string[] = ['pass', 'agent_pass', 'phone_pass', 'registration_password'];

/** Every function name either API knows: `version` is answered before the catalogues. */
const VICIDIAL_OPERATION_NAMES: readonly string[] = ['version', ...AGENT_OPERATIONS.names(), ...NON_AGENT_FUNCTIONS.names()];

/**
 * The VICIdial dialect: the Agent API (`/agc/api.php`) and the Non-Agent API
 * (`/vicidial/non_agent_api.php`), any method, at these paths and the other
 * spellings Apache maps to the same script (`//agc/api.php`; wire/script-path).
 */
export function createVicidialDialect(deps: DialectDeps<VicidialSettings>): Dialect {
  checkVicidialSettings(deps.settings);
  const scriptDeps = { core: deps.core, logger: deps.logger, settings: deps.settings, filters: createInputFilters(deps.settings.useNonLatin) };
  const recorder = apiLogRecorder({
    core: deps.core,
    dialect: 'vicidial',
    secretParams: VICIDIAL_SECRET_PARAMS,
    logger: deps.logger,
    metrics: { sink: deps.requestMetrics, operations: VICIDIAL_OPERATION_NAMES },
  });
  const answerUnexpected = dialectErrorHandler(deps.logger, () => serviceUnavailable());
  const scripts = new Map<string, RequestHandler>([
    [AGENT_API_PATH, agentApiHandler(scriptDeps)],
    [NON_AGENT_API_PATH, nonAgentApiHandler(scriptDeps)],
  ]);
  const paths = [...scripts.keys()];
  // One handler, not a nested Router: the two scripts are found by one path lookup.
  const router: RequestHandler = (req: Request, res: Response, next: NextFunction) => {
    const script = scriptOfPath(rawPathOf(req.url), paths);
    if (script === null) {
      next();
      return;
    }
    // Only this dialect's own failures are answered its way; anything else goes on to the app.
    const failed = (error?: unknown): void => {
      if (error === undefined) next();
      else void answerUnexpected(error, req, res, next);
    };
    try {
      recorder(req, res, (error?: unknown) => {
        if (error !== undefined) return failed(error);
        // PHP sends no X-Powered-By of ours; removing it first also covers answers of the error handler.
        res.removeHeader('X-Powered-By');
        scripts.get(script)!(req, res, failed);
      });
    } catch (error) {
      failed(error);
    }
  };
  // Its two scripts' paths (in Apache's spellings) are nobody else's: the app tries it before its own routes.
  return { name: 'vicidial', router, ownPathsOnly: true };
}

const rawPathOf = (url: string): string => {
  const mark = url.indexOf('?');
  return mark === -1 ? url : url.slice(0, mark);
};

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
export { vicidialCompatibility } from './compatibility';
