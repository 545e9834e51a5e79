import { Router } from 'express';
import { apiLogRecorder, dialectErrorHandler, handle, type Dialect, type DialectDeps } from '@pbx-gateway/dialect-kit';
import { createEndpoint } from './endpoint';
import { CATALOGUE } from './routes';
import { wireError } from './errors';
import type { CcgatewayContext } from './operation';
import { PollRegistry } from './poll-registry';
import { checkCcgatewaySettings, defaultCcgatewaySettings, phoneNumberRule, type CcgatewaySettings } from './settings';
import { failureAnswer } from './wire/envelope';

/** Every interface lives under this path. */
export const CCGATEWAY_PREFIX = '/agentgateway/resource';

/** Parameters whose values never reach a log. */
const SECRET_PARAMS = ['password', 'serviceToken', 'guid'];

/**
 * The Huawei CC-Gateway agent interface (`/agentgateway/resource/…`): sign-in
 * and sign-out, the event long poll, agent states, and the recordplay family.
 */
export function createCcgatewayDialect(deps: DialectDeps<CcgatewaySettings>): Dialect {
  const settings: CcgatewaySettings = checkCcgatewaySettings({ ...defaultCcgatewaySettings, ...deps.settings });
  const ctx: CcgatewayContext = { core: deps.core, settings, logger: deps.logger, polls: new PollRegistry(), acceptsPhoneNumber: phoneNumberRule(settings) };

  const router = Router({ caseSensitive: true });
  router.use(
    CCGATEWAY_PREFIX,
    apiLogRecorder({
      core: deps.core,
      dialect: 'ccgateway',
      secretParams: SECRET_PARAMS,
      logger: deps.logger,
      metrics: { sink: deps.requestMetrics, operations: CATALOGUE.names() },
    }),
    handle(createEndpoint(ctx)),
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
