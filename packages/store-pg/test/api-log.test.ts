import { createPgStore } from '../src';
import { apiLogEntry, at, openStore, sql } from './fixtures';

interface LoggedRow {
  operation: string;
  batch: string;
}

const logged = (url: string): Promise<LoggedRow[]> => sql<LoggedRow>(url, 'SELECT operation, xmin::text AS batch FROM api_log ORDER BY id');

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('api log', () => {
  it('stores every field of an entry', async () => {
    const ctx = await openStore();
    const entry = apiLogEntry('external_pause', {
      at: at('2024-05-01T09:00:00.123Z'),
      params: { function: 'external_pause', value: 'PAUSE', pass: '[redacted]', n: 3, flag: true, none: null },
      apiUser: null,
      agentId: null,
      httpStatus: 200,
      outcome: 'error',
      result: 'ERROR: agent_user is not logged in',
      durationMs: 7,
      remoteAddress: null,
    });
    await ctx.store.apiLog.append(entry);
    await ctx.store.close();
    const rows = await sql(ctx.url, 'SELECT * FROM api_log');
    expect(rows).toEqual([
      {
        id: '1',
        at: entry.at,
        dialect: 'vicidial',
        operation: 'external_pause',
        method: 'GET',
        path: '/agc/api.php',
        params: entry.params,
        api_user: null,
        agent_id: null,
        http_status: 200,
        outcome: 'error',
        result: 'ERROR: agent_user is not logged in',
        duration_ms: 7,
        remote_address: null,
      },
    ]);
    await ctx.dispose();
  });

  it('writes a batch in one statement as soon as it is full', async () => {
    const ctx = await openStore({ apiLog: { batchSize: 5, flushDelayMs: 60_000 } });
    for (let n = 0; n < 5; n += 1) await ctx.store.apiLog.append(apiLogEntry(`op${n}`));
    let rows: LoggedRow[] = [];
    for (let tries = 0; tries < 100 && rows.length < 5; tries += 1) {
      await sleep(20);
      rows = await logged(ctx.url);
    }
    expect(rows.map((row) => row.operation)).toEqual(['op0', 'op1', 'op2', 'op3', 'op4']);
    expect(new Set(rows.map((row) => row.batch)).size).toBe(1);

    await ctx.store.apiLog.append(apiLogEntry('op5'));
    await sleep(100);
    expect(await logged(ctx.url)).toHaveLength(5);
    await ctx.store.close();
    expect((await logged(ctx.url)).map((row) => row.operation)).toEqual(['op0', 'op1', 'op2', 'op3', 'op4', 'op5']);
    await ctx.dispose();
  });

  it('writes a partial batch after the flush delay, not before', async () => {
    const ctx = await openStore({ apiLog: { batchSize: 100, flushDelayMs: 400 } });
    const appended = Date.now();
    await ctx.store.apiLog.append(apiLogEntry('a'));
    await ctx.store.apiLog.append(apiLogEntry('b'));
    expect(await logged(ctx.url)).toEqual([]);
    let rows: LoggedRow[] = [];
    while (rows.length === 0 && Date.now() - appended < 5_000) {
      await sleep(25);
      rows = await logged(ctx.url);
    }
    expect(Date.now() - appended).toBeGreaterThanOrEqual(380);
    expect(rows.map((row) => row.operation)).toEqual(['a', 'b']);
    expect(new Set(rows.map((row) => row.batch)).size).toBe(1);
    await ctx.dispose();
  });

  it('flushes what is buffered on close', async () => {
    const ctx = await openStore({ apiLog: { batchSize: 100, flushDelayMs: 60_000 } });
    for (let n = 0; n < 3; n += 1) await ctx.store.apiLog.append(apiLogEntry(`op${n}`));
    expect(await logged(ctx.url)).toEqual([]);
    await ctx.store.close();
    expect((await logged(ctx.url)).map((row) => row.operation)).toEqual(['op0', 'op1', 'op2']);
    await ctx.dispose();
  });

  it('bounds its buffer: drops beyond it and says so through onError', async () => {
    const ctx = await openStore({ apiLog: { batchSize: 100, flushDelayMs: 60_000, maxBuffered: 3 } });
    for (let n = 0; n < 5; n += 1) await expect(ctx.store.apiLog.append(apiLogEntry(`op${n}`))).resolves.toBeUndefined();
    await ctx.store.close();
    expect((await logged(ctx.url)).map((row) => row.operation)).toEqual(['op0', 'op1', 'op2']);
    expect(ctx.errors.map((error) => error.message)).toEqual([
      'api log buffer full (3 entries): dropping new entries until it drains',
      'api log: 2 entries dropped while the buffer was full',
    ]);
    await ctx.dispose();
  });

  it('stores client text Postgres would refuse, and loses only the entry Postgres rejects', async () => {
    const ctx = await openStore({ apiLog: { batchSize: 100, flushDelayMs: 60_000 } });
    await ctx.store.apiLog.append(apiLogEntry('nul', { path: '/agc/api.php\u0000', params: { 'k\u0000': 'v\u0000', lone: '\uD800' } }));
    await ctx.store.apiLog.append(apiLogEntry('bad', { outcome: 'unknown' as 'error' }));
    await ctx.store.apiLog.append(apiLogEntry('fine'));
    await ctx.store.close();
    const rows = await sql<{ operation: string; path: string; params: unknown }>(ctx.url, 'SELECT operation, path, params FROM api_log ORDER BY id');
    expect(rows).toEqual([
      { operation: 'nul', path: '/agc/api.php\uFFFD', params: { 'k\uFFFD': 'v\uFFFD', lone: '\uFFFD' } },
      { operation: 'fine', path: '/agc/api.php', params: { function: 'fine', pass: '[redacted]' } },
    ]);
    expect(ctx.errors).toHaveLength(1);
    expect(ctx.errors[0]?.message).toMatch(/^api log: 1 of 3 entries lost/);
    await ctx.dispose();
  });

  it('never fails the caller when Postgres cannot be reached, and reports the loss', async () => {
    const errors: Error[] = [];
    const store = createPgStore({
      connectionString: 'postgres://postgres:postgres@127.0.0.1:1/none',
      onError: (error) => errors.push(error),
      apiLog: { batchSize: 2, flushDelayMs: 50 },
    });
    await expect(store.apiLog.append(apiLogEntry('a'))).resolves.toBeUndefined();
    await expect(store.apiLog.append(apiLogEntry('b'))).resolves.toBeUndefined();
    for (let tries = 0; tries < 100 && errors.length === 0; tries += 1) await sleep(20);
    expect(errors[0]?.message).toMatch(/^api log: write failed, retrying in 50 ms/);
    // Entries arriving meanwhile wait for the retry instead of each forcing a new attempt.
    for (let n = 0; n < 10; n += 1) {
      await store.apiLog.append(apiLogEntry(`later${n}`));
      await sleep(3);
    }
    expect(errors.length).toBeLessThanOrEqual(3);
    const closing = Date.now();
    await store.close();
    expect(Date.now() - closing).toBeLessThan(3_000);
    expect(errors.map((error) => error.message)).toContainEqual(expect.stringMatching(/^api log: 12 entries lost at close/));
  });
});
