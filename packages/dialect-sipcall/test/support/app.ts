import express, { type Express } from 'express';
import { createSipcallDialect, type SipcallSettingsInput } from '@pbx-gateway/dialect-sipcall';
import { FakeCore, silentLogger } from './fake-core';

/**
 * An express app as the server builds it: another router before, the Sip_Call
 * router last, then a plain 404 for what nobody answered.
 */
export function buildApp(core: FakeCore, settings: SipcallSettingsInput = {}): Express {
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

export const DEMO_COMPANY = {
  id: 'sipcall-demo',
  login: 'demoappid',
  attributes: { companycode: '2028', companyname: 'test', nodeIp: '149.129.249.47' },
};

export function demoCore(): FakeCore {
  const core = new FakeCore();
  core.addUser(DEMO_COMPANY, 'demoaccesskey');
  return core;
}
