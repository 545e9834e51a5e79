import type { DialectVocabulary } from '@pbx-gateway/core';
import { Router } from 'express';
import { apiLogRecorder, dialectErrorHandler, handle, type Dialect, type DialectDeps } from '@pbx-gateway/dialect-kit';
import { createApiEndpoint } from './api-endpoint';
import { checkVoipsunSettings, type VoipsunSettings } from './settings';
import { errorBody, wireAnswer } from './wire/response';
import { OPERATIONS } from './operations';

export { checkVoipsunSettings, defaultVoipsunSettings, type VoipsunSettings } from './settings';
export { ERRNO_TABLE, WIRE_REASONS, type Errno } from './errors';
export { OPERATIONS as VOIPSUN_OPERATIONS } from './operations';

/** The one path VoIPSUN's PHP answers. */
export const VOIPSUN_PATH = '/api/api.php';

/**
 * The VoIPSUN PBX HTTP API. Everything hangs off the one route, so that the
 * log recorder and the error handler never see another dialect's requests,
 * whatever order the server mounts the dialects in. Paths are matched as
 * Apache would: case-sensitively, and without a trailing slash.
 */
export function createVoipsunDialect(deps: DialectDeps<VoipsunSettings>): Dialect {
  const { core, logger } = deps;
  const settings = checkVoipsunSettings(deps.settings);
  const router = Router({ caseSensitive: true, strict: true });
  router.all(
    VOIPSUN_PATH,
    apiLogRecorder({ core, dialect: 'voipsun', secretParams: ['password'], logger, metrics: { sink: deps.requestMetrics, operations: OPERATIONS.names() } }),
    handle(createApiEndpoint({ core, logger, settings })),
    dialectErrorHandler(logger, () => wireAnswer(settings.contentType, errorBody('999'))),
  );
  return { name: 'voipsun', router };
}

/** The words VoIPSUN brings to the core: its API accounts (and agents signed in through it). */
export const VOIPSUN_VOCABULARY: DialectVocabulary = { loginChannels: ['voipsun'], apiRealms: ['voipsun'] };
export { voipsunCompatibility } from './compatibility';
