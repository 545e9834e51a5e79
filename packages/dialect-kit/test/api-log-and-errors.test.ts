import express from 'express';
import supertest from 'supertest';
import { createTestCore } from '@pbx-gateway/test-support';
import { apiLogRecorder, dialectErrorHandler, handle, noteApiRequest, type DialectLogger, type RequestMetrics } from '../src';

function recordingLogger(): DialectLogger & { lines: Array<{ facts: Record<string, unknown>; message: string }> } {
  const lines: Array<{ facts: Record<string, unknown>; message: string }> = [];
  const log = (facts: Record<string, unknown>, message: string): void => void lines.push({ facts, message });
  return { lines, debug: log, info: log, warn: log, error: log };
}

describe('the API log recorder', () => {
  it('logs each answered request with its secrets redacted, to the API log and the structured log', async () => {
    const { core, store } = await createTestCore();
    const entries = store.apiLogEntries;
    const logger = recordingLogger();
    const app = express();
    app.use(apiLogRecorder({ core, dialect: 'vicidial', secretParams: ['pass', 'Token'], logger }));
    app.get('/agc/api.php', (_req, res) => {
      noteApiRequest(res, { operation: 'version', params: { user: '6666', PASS: '1234', token: 't0k3n' }, apiUser: '6666', outcome: 'success', result: 'VERSION' });
      res.status(200).end('VERSION: 2.14-82\n');
    });
    await supertest(app).get('/agc/api.php?user=6666&pass=1234');
    expect(entries).toEqual([
      expect.objectContaining({
        dialect: 'vicidial',
        operation: 'version',
        method: 'GET',
        path: '/agc/api.php',
        params: { user: '6666', PASS: '[redacted]', token: '[redacted]' },
        apiUser: '6666',
        httpStatus: 200,
        outcome: 'success',
        result: 'VERSION',
      }),
    ]);
    expect(JSON.stringify(logger.lines)).not.toContain('1234');
    expect(JSON.stringify(logger.lines)).not.toContain('t0k3n');
  });

  it('logs a request its handler never described, as unknown', async () => {
    const { core, store } = await createTestCore();
    const entries = store.apiLogEntries;
    const app = express();
    app.use(apiLogRecorder({ core, dialect: 'voipsun', secretParams: [], logger: recordingLogger() }));
    app.get('/x', (_req, res) => void res.status(404).end());
    await supertest(app).get('/x');
    expect(entries[0]).toMatchObject({ operation: 'unknown', outcome: 'error', httpStatus: 404 });
  });
});

describe('the request metrics sink', () => {
  it('is asked once for the dialect with its operation names, then told each answered request', async () => {
    const { core } = await createTestCore();
    const asked: Array<{ dialect: string; operations: readonly string[] }> = [];
    const answered: Array<{ operation: string; outcome: string; seconds: number }> = [];
    const sink: RequestMetrics = {
      forDialect(dialect, operations) {
        asked.push({ dialect, operations });
        return { answered: (operation, outcome, seconds) => void answered.push({ operation, outcome, seconds }) };
      },
    };
    const app = express();
    app.use(apiLogRecorder({ core, dialect: 'voipsun', secretParams: [], logger: recordingLogger(), metrics: { sink, operations: ['originate', 'hangup'] } }));
    app.get('/api/api.php', (_req, res) => {
      noteApiRequest(res, { operation: 'originate', params: {}, outcome: 'success', result: 'true' });
      res.status(200).end('{"success":"true"}');
    });
    app.get('/x', (_req, res) => void res.status(404).end());
    await supertest(app).get('/api/api.php');
    await supertest(app).get('/x');
    expect(asked).toEqual([{ dialect: 'voipsun', operations: ['originate', 'hangup'] }]);
    expect(answered).toEqual([
      { operation: 'originate', outcome: 'success', seconds: expect.any(Number) },
      { operation: 'unknown', outcome: 'error', seconds: expect.any(Number) },
    ]);
    for (const { seconds } of answered) expect(seconds).toBeGreaterThanOrEqual(0);
  });

  it('is optional: without one the recorder only logs', async () => {
    const { core, store } = await createTestCore();
    const app = express();
    app.use(apiLogRecorder({ core, dialect: 'sipcall', secretParams: [], logger: recordingLogger(), metrics: { sink: undefined, operations: ['App.Sip_Auth.Login'] } }));
    app.get('/', (_req, res) => void res.status(200).end());
    await supertest(app).get('/');
    expect(store.apiLogEntries).toHaveLength(1);
  });
});

describe('the dialect error guard', () => {
  it("answers a failing async handler with the dialect's own error, never Express's HTML page", async () => {
    const logger = recordingLogger();
    const app = express();
    app.get(
      '/fail',
      handle(async () => {
        throw new Error('database gone');
      }),
    );
    app.use(dialectErrorHandler(logger, () => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"success":"false","errno":"999"}' })));
    const response = await supertest(app).get('/fail');
    expect(response.status).toBe(200);
    expect(response.text).toBe('{"success":"false","errno":"999"}');
    expect(response.headers['content-type']).toBe('application/json');
    expect(logger.lines).toEqual([expect.objectContaining({ facts: expect.objectContaining({ error: 'database gone' }) })]);
  });
});
