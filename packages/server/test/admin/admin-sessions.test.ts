import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import supertest from 'supertest';
import { systemTimers, type CallControl, type SecretHasher } from '@pbx-gateway/core';
import { InMemoryStore, repositoryRoot, startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import { ADMIN_API_PREFIX, createAdminApi } from '../../src/admin/admin-api';
import { hashAdminKey } from '../../src/admin/admin-key';

// The admin API (docs/admin-api.md) and `pbx-gateway agent ...`, which talks
// to it: agents log in and out outside every dialect (VICIdial spec §6).

const KEY = 'test-admin-key-0123456789abcdef';
const CLI = join(repositoryRoot(), 'packages', 'server', 'dist', 'cli.js');
const VICIDIAL = '/agc/api.php?source=test&user=6666&pass=1234&agent_user=1000';

describe('the gate: key, JSON errors with stable codes (no database)', () => {
  const logLines: string[] = [];
  const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _encoding, done) => void (logLines.push(chunk.toString()), done()) }));
  const appWith = (apiKeySha256: string | null, core: Partial<CallControl> = {}) => {
    const app = express();
    app.use(ADMIN_API_PREFIX, createAdminApi({ core: core as CallControl, store: new InMemoryStore({ timers: systemTimers }), hasher, apiKeySha256, logger }));
    return supertest(app);
  };
  const hasher: SecretHasher = { hash: async (secret) => `h:${secret}`, verify: async (secret, hash) => hash === `h:${secret}`, fingerprint: (token) => `f:${token}` };
  const listing = { listAgentSessions: async () => [], queuesOfAgent: async () => [] };

  test('without a configured key the API is off: 404 ADMIN_API_DISABLED', async () => {
    const response = await appWith(null, listing).get(`${ADMIN_API_PREFIX}/sessions`).set('Authorization', `Bearer ${KEY}`);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.body).toEqual({ error: { code: 'ADMIN_API_DISABLED', message: expect.any(String) } });
  });

  test.each([
    ['no Authorization header', undefined],
    ['a wrong key', `Bearer ${KEY}x`],
    ['another scheme', `Basic ${KEY}`],
    ['an empty bearer', 'Bearer '],
  ])('%s: 401 UNAUTHORIZED with WWW-Authenticate, and the key is never logged', async (_case, header) => {
    const request = appWith(hashAdminKey(KEY), listing).get(`${ADMIN_API_PREFIX}/sessions`);
    const response = header === undefined ? await request : await request.set('Authorization', header);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="pbx-gateway admin"');
    expect(response.body.error.code).toBe('UNAUTHORIZED');
    expect(logLines.join('')).not.toContain(KEY);
  });

  test('the right key passes; the request is logged without it', async () => {
    const response = await appWith(hashAdminKey(KEY), listing).get(`${ADMIN_API_PREFIX}/sessions`).set('Authorization', `Bearer ${KEY}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ items: [], page: { offset: 0, limit: 50, next: null } });
    expect(logLines.join('')).toContain('"msg":"admin request"');
    expect(logLines.join('')).not.toContain(KEY);
  });

  const login = (body: string, type = 'application/json') =>
    appWith(hashAdminKey(KEY), listing).post(`${ADMIN_API_PREFIX}/sessions`).set('Authorization', `Bearer ${KEY}`).set('Content-Type', type).send(body);

  test.each([
    ['no agentId', '{}', '/ must have required property \'agentId\''],
    ['an unknown field', '{"agentId":"1000","colour":"red"}', '/ must NOT have additional properties'],
    ['a bad state', '{"agentId":"1000","initialState":"asleep"}', '/initialState must be equal to one of the allowed values'],
    ['queues not a list', '{"agentId":"1000","queues":"SALES"}', '/queues must be array'],
    ['a conference too short for VICIdial', '{"agentId":"1000","conference":"86000"}', '/conference must match pattern "^[0-9]{6,20}$"'],
    ['an agent id with a slash', '{"agentId":"10/00"}', '/agentId must match pattern "^[A-Za-z0-9_.@-]+$"'],
  ])('login with %s: 400 INVALID_REQUEST naming the field', async (_case, body, detail) => {
    const response = await login(body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'INVALID_REQUEST', message: 'the request body is not valid', details: expect.arrayContaining([detail]) } });
  });

  test.each([
    ['malformed JSON', '{"agentId":', 'application/json'],
    ['a form body', 'agentId=1000', 'application/x-www-form-urlencoded'],
    ['no body', '', 'application/json'],
  ])('login with %s: 400 INVALID_REQUEST', async (_case, body, type) => {
    const response = await login(body, type);
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({ code: 'INVALID_REQUEST', message: 'the body must be a JSON object (Content-Type: application/json)' });
  });

  test('unknown resources 404 NOT_FOUND, other methods 405 with Allow, an unexpected failure 500 INTERNAL_ERROR: JSON always', async () => {
    const app = appWith(hashAdminKey(KEY), {
      listAgentSessions: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    });
    const missing = await app.get(`${ADMIN_API_PREFIX}/no-such-thing`).set('Authorization', `Bearer ${KEY}`);
    expect([missing.status, missing.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const wrongMethod = await app.put(`${ADMIN_API_PREFIX}/sessions`).set('Authorization', `Bearer ${KEY}`);
    expect([wrongMethod.status, wrongMethod.headers.allow, wrongMethod.body.error.code]).toEqual([405, 'GET, POST', 'METHOD_NOT_ALLOWED']);
    const failing = await app.get(`${ADMIN_API_PREFIX}/sessions`).set('Authorization', `Bearer ${KEY}`);
    expect([failing.status, failing.body.error.code]).toEqual([500, 'INTERNAL_ERROR']);
    expect(JSON.stringify(failing.body)).not.toContain('ECONNREFUSED');
  });
});

describe('logging agents in and out on the whole gateway', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({
      listen: true,
      adminApiKey: KEY,
      extraProvisioning: {
        agents: [{ id: '1003', name: 'Spare agent', device: 'PJSIP/1003' }],
        queues: [{ name: 'SALESLINE' }, { name: 'SUPPORT', members: [{ agentId: '1003' }] }],
      },
    });
  }, 60000);
  afterAll(() => gateway?.close());

  const admin = () => ({
    get: (path: string) => gateway.http.get(`${ADMIN_API_PREFIX}${path}`).set('Authorization', `Bearer ${KEY}`),
    post: (path: string, body?: unknown) => {
      const request = gateway.http.post(`${ADMIN_API_PREFIX}${path}`).set('Authorization', `Bearer ${KEY}`);
      return body === undefined ? request : request.set('Content-Type', 'application/json').send(JSON.stringify(body));
    },
    delete: (path: string) => gateway.http.delete(`${ADMIN_API_PREFIX}${path}`).set('Authorization', `Bearer ${KEY}`),
  });
  const vicidial = async (query: string): Promise<string> => (await gateway.http.get(`${VICIDIAL}&${query}`)).text;

  test('after the seed\'s logout example, agent 1000 logs in again through the API, and VICIdial commands work on the session', async () => {
    expect(await vicidial('function=logout&value=LOGOUT')).toMatch(/^SUCCESS: logout function set - LOGOUT\|\d+\|1000\n$/);
    expect(await vicidial('function=external_pause&value=PAUSE')).toBe('ERROR: agent_user is not logged in - 1000\n');

    const login = await admin().post('/sessions', { agentId: '1000', phone: '1000', campaign: 'TESTCAMP', queues: ['SALESLINE'], conference: '8600051' });
    expect(login.status).toBe(201);
    expect(login.body).toEqual({
      session: {
        agentId: '1000',
        state: 'ready',
        pauseReason: null,
        via: 'admin',
        phone: '1000',
        device: 'PJSIP/1000',
        campaign: 'TESTCAMP',
        queues: ['FrontaIT', 'SALESLINE'],
        conference: '8600051',
        serverIp: '10.10.10.15',
        pendingLogout: false,
        loggedInAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    });
    expect(await vicidial('function=external_pause&value=PAUSE')).toMatch(/^SUCCESS: external_pause function set - PAUSE\|\d+\|1000\n$/);
    const listed = await admin().get('/sessions');
    expect(listed.body.items.find((session: { agentId: string }) => session.agentId === '1000')).toMatchObject({ state: 'paused', campaign: 'TESTCAMP' });
  });

  test('a second login of a logged-in agent: 409 AGENT_ALREADY_LOGGED_IN; an unknown agent: 404 AGENT_NOT_FOUND; an unknown queue: 422 INVALID_ARGUMENT', async () => {
    const again = await admin().post('/sessions', { agentId: '1000' });
    expect([again.status, again.body.error.code]).toEqual([409, 'AGENT_ALREADY_LOGGED_IN']);
    const unknown = await admin().post('/sessions', { agentId: '4242' });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'AGENT_NOT_FOUND']);
    const queue = await admin().post('/sessions', { agentId: '1003', queues: ['NOSUCHQUEUE'] });
    expect([queue.status, queue.body.error.code]).toEqual([422, 'INVALID_ARGUMENT']);
    expect((await admin().get('/sessions/1003')).body.error.code).toBe('AGENT_NOT_LOGGED_IN');
  });

  test('in-groups joined for a session are left at logout; provisioned memberships stay', async () => {
    const login = await admin().post('/sessions', { agentId: '1003', queues: ['SALESLINE', 'SUPPORT'], initialState: 'paused', pauseReason: 'BREAK' });
    expect(login.body.session).toMatchObject({ state: 'paused', pauseReason: 'BREAK', queues: ['SALESLINE', 'SUPPORT'], conference: null });
    expect((await gateway.core.getQueue('SALESLINE'))?.members).toEqual(
      expect.arrayContaining([expect.objectContaining({ agentId: '1003', penalty: 0, paused: true, membership: 'dynamic' })]),
    );
    const logout = await admin().delete('/sessions/1003');
    expect([logout.status, logout.body]).toEqual([200, { agentId: '1003', outcome: 'logged_out' }]);
    expect(await gateway.core.queuesOfAgent('1003')).toEqual(['SUPPORT']);
    const twice = await admin().post('/sessions/1003/logout');
    expect([twice.status, twice.body.error.code]).toEqual([404, 'AGENT_NOT_LOGGED_IN']);
  });

  test('the CLI logs in, lists, shows and logs out through the running gateway\'s admin API', async () => {
    const env = { PBX_GATEWAY_URL: gateway.url!, ADMIN_API_KEY: KEY };
    const login = await cli(['agent', 'login', '1003', '--phone', '1003', '--campaign', 'TESTCAMP', '--queue', 'SALESLINE', '--state', 'paused'], env);
    expect(login.code).toBe(0);
    expect(JSON.parse(login.stdout)).toMatchObject({ session: { agentId: '1003', phone: '1003', campaign: 'TESTCAMP', queues: ['SALESLINE', 'SUPPORT'], state: 'paused' } });
    const list = await cli(['agent', 'list'], env);
    expect(JSON.parse(list.stdout).items.map((session: { agentId: string }) => session.agentId)).toEqual(expect.arrayContaining(['1000', '1003']));
    expect(JSON.parse((await cli(['agent', 'show', '1003'], env)).stdout).session.agentId).toBe('1003');
    const logout = await cli(['agent', 'logout', '1003'], env);
    expect([logout.code, JSON.parse(logout.stdout)]).toEqual([0, { agentId: '1003', outcome: 'logged_out' }]);

    const refused = await cli(['agent', 'logout', '1003'], env);
    expect([refused.code, refused.stderr]).toEqual([1, 'pbx-gateway: AGENT_NOT_LOGGED_IN: agent 1003 is not logged in\n']);
    const invalid = await cli(['agent', 'login', '1003', '--state', 'asleep'], env);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('pbx-gateway: INVALID_REQUEST: the request body is not valid\n  /initialState must be equal to one of the allowed values');
    const wrongKey = await cli(['agent', 'list'], { ...env, ADMIN_API_KEY: `${KEY}-wrong` });
    expect([wrongKey.code, wrongKey.stderr]).toEqual([1, 'pbx-gateway: UNAUTHORIZED: a valid admin key is required (Authorization: Bearer <key>)\n']);
    const usage = await cli(['agent', 'login'], env);
    expect([usage.code, usage.stderr.startsWith('pbx-gateway: name exactly one agent\nusage:\n')]).toEqual([2, true]);
  }, 120_000); // ten CLI processes, each a Node start-up on a busy machine
});

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
