import { createTestDatabase, type TestDatabase } from '@pbx-gateway/test-support';
import { Client, type QueryResult } from 'pg';
import { pipelineTransactions, SEND_WITH_NEXT } from '../src/support/pipelined-transactions';

/** A real connection with pipelining on, counting the query strings that actually go to Postgres. */
async function pipelinedClient(url: string): Promise<{ client: Client; sent: string[]; run: (text: string, values?: unknown[], options?: object) => Promise<QueryResult> }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const sent: string[] = [];
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const config = args[0] as { text?: string } | string;
    sent.push(typeof config === 'string' ? config : (config.text ?? ''));
    return original(...args);
  };
  pipelineTransactions(client);
  // Called as knex calls it: a config object and a callback.
  const run = (text: string, values: unknown[] = [], options: object = {}): Promise<QueryResult> =>
    new Promise((resolve, reject) => {
      (client as unknown as { query: (config: object, done: (error: Error | null, result: QueryResult) => void) => void }).query(
        { text, values, ...options },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });
  return { client, sent, run };
}

describe('pipelined transactions', () => {
  let database: TestDatabase;
  let connection: Awaited<ReturnType<typeof pipelinedClient>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    connection = await pipelinedClient(database.url);
    await connection.run(`CREATE TABLE things (
      id text PRIMARY KEY, label text, n integer CHECK (n >= 0), at timestamptz, flag boolean, doc jsonb, tags text[])`);
  });
  afterAll(async () => {
    await connection.client.end();
    await database.drop();
  });
  beforeEach(async () => {
    await connection.run('DELETE FROM things');
    await connection.run(`INSERT INTO things (id, label, n) VALUES ('a', 'first', 1)`);
    connection.sent.length = 0;
  });

  const row = async (id: string): Promise<Record<string, unknown> | undefined> => (await connection.run('SELECT * FROM things WHERE id = $1', [id])).rows[0];

  it('sends BEGIN with the first statement and a held update with COMMIT: two round trips', async () => {
    const { run, sent } = connection;
    await run('BEGIN;');
    const locked = await run('SELECT * FROM things WHERE id = $1 LIMIT 1 FOR UPDATE', ['a']);
    expect(locked.rows).toEqual([expect.objectContaining({ id: 'a', label: 'first', n: 1 })]);
    await run('UPDATE things SET label = $1, n = $2 WHERE id = $3', ['second', 2, 'a'], { [SEND_WITH_NEXT]: true });
    await run('COMMIT;');
    expect(sent).toEqual([
      "BEGIN;\nSELECT * FROM things WHERE id = 'a' LIMIT 1 FOR UPDATE",
      "UPDATE things SET label = 'second', n = '2' WHERE id = 'a';\nCOMMIT",
    ]);
    expect(await row('a')).toEqual(expect.objectContaining({ label: 'second', n: 2 }));
  });

  it('writes values in as Postgres reads the same values bound', async () => {
    const at = new Date('2026-03-04T05:06:07.891Z');
    const values = ['b', `it's a \\ back'slash "quoted" ünïcødé $1 ;`, 0, at, true, { nested: { quote: "'", list: [1, null] } }, ['x', 'y z', 'q"uote']];
    await connection.run('BEGIN;');
    await connection.run('INSERT INTO things (id, label, n, at, flag, doc, tags) VALUES ($1, $2, $3, $4, $5, $6, $7)', values, { [SEND_WITH_NEXT]: true });
    await connection.run('INSERT INTO things (id, label, n, at, flag, doc, tags) VALUES ($1, $2, $3, $4, $5, $6, $7)', ['c', ...values.slice(1)]);
    await connection.run('COMMIT;');
    expect(connection.sent).toHaveLength(2); // both inserts in one string, then COMMIT
    const inlined = await row('b');
    const bound = await row('c');
    expect({ ...inlined, id: 'c' }).toEqual(bound);
    expect(inlined).toEqual({ id: 'b', label: values[1], n: 0, at, flag: true, doc: values[5], tags: values[6] });
  });

  it('keeps nulls null', async () => {
    await connection.run('BEGIN;');
    await connection.run('UPDATE things SET label = $1, n = $2 WHERE id = $3', [null, undefined, 'a'], { [SEND_WITH_NEXT]: true });
    await connection.run('COMMIT;');
    expect(await row('a')).toEqual(expect.objectContaining({ label: null, n: null }));
  });

  it('rolls back a held update that fails with its COMMIT, and the connection is usable after', async () => {
    await connection.run('BEGIN;');
    await connection.run('SELECT * FROM things WHERE id = $1 FOR UPDATE', ['a']);
    await connection.run('UPDATE things SET label = $1 WHERE id = $2', ['changed', 'a']);
    await connection.run('UPDATE things SET n = $1 WHERE id = $2', [-1, 'a'], { [SEND_WITH_NEXT]: true });
    await expect(connection.run('COMMIT;')).rejects.toThrow(/check constraint/);
    expect(await row('a')).toEqual(expect.objectContaining({ label: 'first', n: 1 }));
    expect((await connection.run('SELECT now() = statement_timestamp() AS outside')).rows).toEqual([{ outside: true }]);
  });

  it('shows a held statement that fails on the next statement of the transaction', async () => {
    await connection.run('BEGIN;');
    await connection.run('UPDATE things SET n = $1 WHERE id = $2', [-1, 'a'], { [SEND_WITH_NEXT]: true });
    await expect(connection.run('SELECT n FROM things WHERE id = $1', ['a'])).rejects.toThrow(/check constraint/);
    await connection.run('ROLLBACK;');
    expect(await row('a')).toEqual(expect.objectContaining({ n: 1 }));
  });

  it('sends nothing for a transaction that ends before anything was sent', async () => {
    await connection.run('BEGIN;');
    await connection.run('COMMIT;');
    await connection.run('BEGIN;');
    await connection.run('UPDATE things SET label = $1 WHERE id = $2', ['dropped', 'a'], { [SEND_WITH_NEXT]: true });
    await connection.run('ROLLBACK;');
    expect(connection.sent).toEqual([]);
    expect(await row('a')).toEqual(expect.objectContaining({ label: 'first' }));
  });

  it('rolls back what was sent', async () => {
    await connection.run('BEGIN;');
    await connection.run('UPDATE things SET label = $1 WHERE id = $2', ['undone', 'a']);
    await connection.run('ROLLBACK;');
    expect(connection.sent).toEqual(["BEGIN;\nUPDATE things SET label = 'undone' WHERE id = 'a'", 'ROLLBACK;']);
    expect(await row('a')).toEqual(expect.objectContaining({ label: 'first' }));
  });

  it('sends a statement it cannot write out as it is, after what was held', async () => {
    await connection.run('BEGIN;');
    // A dollar-quoted string is not read: the statement goes bound, on its own.
    const result = await connection.run('SELECT $$a;b$$ AS text, $1::int AS n', [7]);
    await connection.run('COMMIT;');
    expect(result.rows).toEqual([{ text: 'a;b', n: 7 }]);
    expect(connection.sent).toEqual(['BEGIN', 'SELECT $$a;b$$ AS text, $1::int AS n', 'COMMIT;']);
  });

  it('passes statements outside a transaction through unchanged, a held mark included', async () => {
    const result = await connection.run('UPDATE things SET label = $1 WHERE id = $2', ['direct', 'a'], { [SEND_WITH_NEXT]: true });
    expect(result.rowCount).toBe(1);
    expect(connection.sent).toEqual(['UPDATE things SET label = $1 WHERE id = $2']);
  });
});
