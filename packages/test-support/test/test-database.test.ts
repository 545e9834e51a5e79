import { Client } from 'pg';
import { createTestDatabase } from '../src/test-database';

describe('test databases', () => {
  it('gives each caller its own empty database on the test server and drops it', async () => {
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    expect(first.url).not.toEqual(second.url);
    const client = new Client({ connectionString: first.url });
    await client.connect();
    const { rows } = await client.query("select count(*)::int as n from information_schema.tables where table_schema = 'public'");
    await client.end();
    expect(rows[0].n).toBe(0);
    await first.drop();
    await second.drop();
    const probe = new Client({ connectionString: first.url });
    await expect(probe.connect()).rejects.toThrow(/does not exist/);
  });
});
