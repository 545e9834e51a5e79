import express, { type Express } from 'express';
import { createSipcallDialect, type SipcallSettingsInput } from '@pbx-gateway/dialect-sipcall';
import { silentLogger, type SipcallCore } from './sipcall-core';

export { DEMO_COMPANY, demoCore } from './sipcall-core';

/**
 * An express app as the server builds it: another router before, the Sip_Call
 * router last, then a plain 404 for what nobody answered.
 */
export function buildApp(core: SipcallCore, settings: SipcallSettingsInput = {}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.get('/agc/api.php', (_req, res) => {
    res.type('text/plain').send('VICIDIAL');
  });
  app.use(createSipcallDialect({ core: core.control, logger: silentLogger, settings }).router);
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('not found');
  });
  return app;
}
