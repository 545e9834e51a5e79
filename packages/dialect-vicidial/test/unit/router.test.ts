import express from 'express';
import supertest from 'supertest';
import type { CallControl } from '@pbx-gateway/core';
import type { DialectLogger } from '@pbx-gateway/dialect-kit';
import { createVicidialDialect, defaultVicidialSettings, VICIDIAL_VOCABULARY } from '@pbx-gateway/dialect-vicidial';
import { createTestCore } from '@pbx-gateway/test-support';

// The router's last resort: when the store itself fails (here: the account
// lookup of the real core throws as a lost database does), the client still
// gets a VICIdial answer, and the failure goes to the log, not to the wire.

const testCore = () => createTestCore({ vocabulary: [VICIDIAL_VOCABULARY] });

function appWith(core: CallControl, errors: string[]) {
  const logger: DialectLogger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (facts) => void errors.push(String(facts.error)) };
  const dialect = createVicidialDialect({ core, logger, settings: defaultVicidialSettings });
  const app = express();
  app.use(dialect.router);
  app.use((_req, res) => void res.status(404).end('not ours'));
  return app;
}

test('a failing store: HTTP 200, VICIdial headers, one ERROR line; the cause only in the log', async () => {
  const errors: string[] = [];
  const t = await testCore();
  const app = appWith(
    {
      ...t.core,
      authenticateApiUser: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
    },
    errors,
  );
  const logged = t.store.apiLogEntries;
  const response = await supertest(app).get('/agc/api.php?source=test&user=6666&pass=1234&function=logout&value=LOGOUT&agent_user=1000');
  expect(response.status).toBe(200);
  expect(response.text).toBe('ERROR: service unavailable\n');
  expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(response.headers['cache-control']).toBe('no-cache, must-revalidate');
  expect(response.headers['x-powered-by']).toBeUndefined();
  expect(response.text).not.toContain('ECONNREFUSED');
  expect(errors.some((error) => error.includes('ECONNREFUSED'))).toBe(true);
  expect(logged).toHaveLength(1);
  expect(logged[0]!.params).toMatchObject({ pass: '[redacted]' });
});

test('the router answers its two scripts only (their other spellings: wire.test.ts)', async () => {
  const app = appWith((await testCore()).core, []);
  expect((await supertest(app).get('/agc/api.php5')).text).toBe('not ours');
  expect((await supertest(app).get('/agc/api.php/?function=coffee')).status).toBe(418);
  expect((await supertest(app).get('/agc/API.php')).text).toBe('not ours');
  expect((await supertest(app).get('/api/api.php')).text).toBe('not ours');
  expect((await supertest(app).get('/vicidial/non_agent_api.php?function=version')).text).toMatch(/^VERSION: 2\.14-202\|/);
});

test('settings that cannot work are refused at start-up', async () => {
  const { core } = await testCore();
  expect(() => createVicidialDialect({ core, logger: console as unknown as DialectLogger, settings: { ...defaultVicidialSettings, timeZone: 'Mars/Olympus' } })).toThrow(
    /unknown time zone/,
  );
});
