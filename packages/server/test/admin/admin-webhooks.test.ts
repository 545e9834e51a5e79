import express from 'express';
import pino from 'pino';
import supertest from 'supertest';
import { systemTimers, type CallControl, type SecretHasher } from '@pbx-gateway/core';
import { InMemoryStore } from '@pbx-gateway/test-support';
import { ADMIN_API_PREFIX, createAdminApi } from '../../src/admin/admin-api';
import { hashAdminKey } from '../../src/admin/admin-key';
import { callbackSecret } from '../../src/callbacks/callback-signing';

// Who may subscribe a webhook, and what the secret is; delivery itself is
// tested on the whole gateway (webhooks.test.ts).

const hasher: SecretHasher = { hash: async (secret) => `h:${secret}`, verify: async (secret, hash) => hash === `h:${secret}`, fingerprint: (token) => `f:${token}` };
const KEY = 'admin-key-0123456789abcdef0123456789';
const READER = 'stored-reader-key-0123456789abcdef';
const SIGNING_KEY = 'signing-key-0123456789abcdef0123456789';
const body = JSON.stringify({ url: 'https://receiver.example/pbx-events' });

async function adminApi(callbackSigningKey: string | null): Promise<ReturnType<typeof supertest>> {
  const store = new InMemoryStore({ timers: systemTimers });
  await store.direct.adminKeys.upsert({ name: 'reader', keySha256: hashAdminKey(READER), scopes: ['read'], createdAt: new Date() });
  const app = express();
  app.use(ADMIN_API_PREFIX, createAdminApi({ core: {} as CallControl, store, hasher, apiKeySha256: hashAdminKey(KEY), callbackSigningKey, logger: pino({ level: 'silent' }) }));
  return supertest(app);
}

test('without CALLBACK_SIGNING_KEY no webhook can be subscribed: 409 SIGNING_KEY_MISSING', async () => {
  const http = await adminApi(null);
  const answer = await http.post(`${ADMIN_API_PREFIX}/webhooks`).set('Authorization', `Bearer ${KEY}`).set('Content-Type', 'application/json').send(body);
  expect([answer.status, answer.body.error.code]).toEqual([409, 'SIGNING_KEY_MISSING']);
});

test('a key with the read scope only may list webhooks but not subscribe one', async () => {
  const http = await adminApi(SIGNING_KEY);
  expect((await http.get(`${ADMIN_API_PREFIX}/webhooks`).set('Authorization', `Bearer ${READER}`)).status).toBe(200);
  const answer = await http.post(`${ADMIN_API_PREFIX}/webhooks`).set('Authorization', `Bearer ${READER}`).set('Content-Type', 'application/json').send(body);
  expect([answer.status, answer.body.error.code]).toEqual([403, 'FORBIDDEN']);
});

test('the secret shown is the one derived from CALLBACK_SIGNING_KEY for webhook/<id>, as `pbx-gateway callback-secret` prints it; from now on by default', async () => {
  const http = await adminApi(SIGNING_KEY);
  const answer = await http.post(`${ADMIN_API_PREFIX}/webhooks`).set('Authorization', `Bearer ${KEY}`).set('Content-Type', 'application/json').send(body);
  expect(answer.status).toBe(201);
  expect(answer.body.secret).toBe(callbackSecret(SIGNING_KEY, `webhook/${answer.body.webhook.id}`));
  expect(answer.body.webhook).toMatchObject({ topics: [], after: '0-0' });
  expect(answer.body.webhook).not.toHaveProperty('tenant');
});
