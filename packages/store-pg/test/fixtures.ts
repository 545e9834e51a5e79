import type { AccessToken, Agent, ApiLogEntry, ApiUser, Extension, NewCdr, Recording } from '@pbx-gateway/core';
import { createTestDatabase, storeRows, type TestDatabase } from '@pbx-gateway/test-support';
import { Client } from 'pg';
import { createPgStore, type PgStore, type PgStoreOptions } from '../src';

export interface OpenStore {
  store: PgStore;
  url: string;
  errors: Error[];
  /** Closes the store and drops its database. */
  dispose(): Promise<void>;
}

/** A migrated store on a database of its own; errors reported through `onError` are collected. */
export async function openStore(options: Partial<PgStoreOptions> = {}): Promise<OpenStore> {
  const database: TestDatabase = await createTestDatabase();
  const errors: Error[] = [];
  const store = createPgStore({ connectionString: database.url, onError: (error) => errors.push(error), ...options });
  await store.migrate();
  return {
    store,
    url: database.url,
    errors,
    dispose: async () => {
      await store.close();
      await database.drop();
    },
  };
}

/** Runs SQL on a connection of its own, outside the store. */
export async function sql<Row = Record<string, unknown>>(url: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(text, values);
    return result.rows as Row[];
  } finally {
    await client.end();
  }
}

/** A promise and the means to settle it from outside. */
export function deferred<T = void>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

/** 'pending' while `promise` has not settled after `ms`. */
export async function settledWithin(promise: Promise<unknown>, ms: number): Promise<'settled' | 'pending'> {
  let timer: NodeJS.Timeout | undefined;
  const pending = new Promise<'pending'>((resolve) => {
    timer = setTimeout(() => resolve('pending'), ms);
  });
  const result = await Promise.race([promise.then(() => 'settled' as const, () => 'settled' as const), pending]);
  clearTimeout(timer);
  return result;
}

export const at = (iso: string): Date => new Date(iso);

export const agent = (id: string, overrides: Partial<Agent> = {}): Agent => ({
  id,
  name: `Agent ${id}`,
  secretHash: `scrypt$salt$${id}`,
  device: `PJSIP/${id}`,
  active: true,
  externalId: null,
  attributes: {},
  ...overrides,
});

export const apiUser = (id: string, overrides: Partial<ApiUser> = {}): ApiUser => ({
  id,
  realm: 'vicidial',
  login: `login-${id}`,
  secretHash: `scrypt$salt$${id}`,
  active: true,
  permissions: ['*'],
  attributes: {},
  failedLogins: 0,
  lastFailedLoginAt: null,
  ...overrides,
});


export const extension = (id: number, overrides: Partial<Extension> = {}): Extension => ({
  id,
  internalNumber: String(100 + id),
  publicNumber: null,
  sipUsername: `sip${100 + id}`,
  dialplan: 'default',
  endpoint: `PJSIP/sip${100 + id}`,
  callerIdNumber: String(100 + id),
  callerIdName: `Extension ${id}`,
  recordCalls: false,
  ...overrides,
});




export const recording = (id: string, overrides: Partial<Recording> = {}): Recording => ({
  id,
  name: `20240501-090000_1000_${id.replace(/[^A-Za-z0-9]/g, '')}`,
  format: 'wav',
  location: `20240501-090000_1000_${id.replace(/[^A-Za-z0-9]/g, '')}.wav`,
  agentId: '1000',
  bridgeId: 'agent-1000.conference',
  callId: null,
  leadId: null,
  state: 'pending',
  createdAt: at('2024-05-01T09:00:00.000Z'),
  startedAt: null,
  endedAt: null,
  durationSec: null,
  pausedAt: null,
  ...overrides,
});


export const token = (fingerprint: string, overrides: Partial<AccessToken> = {}): AccessToken => ({
  fingerprint,
  kind: 'sipcall-token',
  subject: 'user-1',
  issuedAt: at('2024-05-01T08:00:00.000Z'),
  expiresAt: at('2024-05-01T20:00:00.000Z'),
  ...overrides,
});

export const apiLogEntry = (operation: string, overrides: Partial<ApiLogEntry> = {}): ApiLogEntry => ({
  at: at('2024-05-01T09:00:00.250Z'),
  dialect: 'vicidial',
  operation,
  method: 'GET',
  path: '/agc/api.php',
  params: { function: operation, pass: '[redacted]' },
  apiUser: '6666',
  agentId: '1000',
  httpStatus: 200,
  outcome: 'success',
  result: 'SUCCESS',
  durationMs: 12,
  remoteAddress: '127.0.0.1',
  ...overrides,
});

/** Campaigns and leads as the store contract builds them. */
export { campaign, newLead } from '@pbx-gateway/test-support';

/** Sessions, calls, legs and playbacks as the store contract writes them. */
export const { session, call, leg, playback } = storeRows;

/** A CDR as the contract writes it, of a call the callee turned away. */
export const cdr = (callId: string, overrides: Partial<NewCdr> = {}): NewCdr =>
  storeRows.cdr(callId, { hangupCause: 17, hangupCauseText: 'User busy', hangupSide: 'callee', ...overrides });
