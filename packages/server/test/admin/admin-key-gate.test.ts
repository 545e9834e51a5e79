import express from 'express';
import pino from 'pino';
import supertest from 'supertest';
import { systemTimers, type CallControl, type SecretHasher } from '@pbx-gateway/core';
import { InMemoryStore } from '@pbx-gateway/test-support';
import { ADMIN_API_PREFIX, createAdminApi } from '../../src/admin/admin-api';
import { hashAdminKey } from '../../src/admin/admin-key';
import { checkProvisioningDocument, ProvisioningError } from '../../src/provisioning/provisioning-document';

// Stored keys alone open the admin API, each with its scopes; a provisioning
// file names keys by their hash only.

const hasher: SecretHasher = { hash: async (secret) => `h:${secret}`, verify: async (secret, hash) => hash === `h:${secret}`, fingerprint: (token) => `f:${token}` };
const core = { listAgentSessions: async () => [], queuesOfAgent: async () => [] } as Partial<CallControl> as CallControl;
const READER = 'stored-reader-key-0123456789abcdef';

async function appWithStoredKey(): Promise<ReturnType<typeof supertest>> {
  const store = new InMemoryStore({ timers: systemTimers });
  await store.direct.adminKeys.upsert({ name: 'reader', keySha256: hashAdminKey(READER), scopes: ['read'], createdAt: new Date() });
  const app = express();
  app.use(ADMIN_API_PREFIX, createAdminApi({ core, store, hasher, apiKeySha256: null, logger: pino({ level: 'silent' }) }));
  return supertest(app);
}

test('without ADMIN_API_KEY a stored key opens the API with its scopes; another key is 401, not ADMIN_API_DISABLED', async () => {
  const http = await appWithStoredKey();
  expect((await http.get(`${ADMIN_API_PREFIX}/sessions`).set('Authorization', `Bearer ${READER}`)).status).toBe(200);
  const login = await http.post(`${ADMIN_API_PREFIX}/sessions`).set('Authorization', `Bearer ${READER}`).set('Content-Type', 'application/json').send('{"agentId":"1000"}');
  expect([login.status, login.body.error.code]).toEqual([403, 'FORBIDDEN']);
  const wrong = await http.get(`${ADMIN_API_PREFIX}/sessions`).set('Authorization', `Bearer ${READER}x`);
  expect([wrong.status, wrong.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
});

test('a provisioning file gives admin keys by name, SHA-256 and scopes, nothing else', () => {
  const entry = { name: 'crm-reader', keySha256: 'ab'.repeat(32), scopes: ['read', 'provision'] };
  expect(checkProvisioningDocument({ adminKeys: [entry] }).adminKeys).toEqual([entry]);
  const refused = (adminKeys: unknown) => () => checkProvisioningDocument({ adminKeys });
  expect(refused([{ ...entry, keySha256: 'AB'.repeat(32) }])).toThrow('/adminKeys/0/keySha256 must match pattern');
  expect(refused([{ ...entry, scopes: ['everything'] }])).toThrow('/adminKeys/0/scopes/0 must be equal to one of the allowed values');
  expect(refused([{ ...entry, scopes: [] }])).toThrow('/adminKeys/0/scopes must NOT have fewer than 1 items');
  expect(refused([{ ...entry, key: 'clear-text-key' }])).toThrow(ProvisioningError);
});
