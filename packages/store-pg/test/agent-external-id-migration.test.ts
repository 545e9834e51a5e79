import { createTestDatabase, type TestDatabase } from '@pbx-gateway/test-support';
import { createPgStore } from '../src';
import { createKnex, DEFAULT_TIMEOUTS } from '../src/connection';
import { migrationSource } from '../src/migrations';
import { sql } from './fixtures';

/** Migration 020 on a database that still kept the CRM id as VICIdial's `custom_three` attribute. */
describe('020-agent-external-id', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const before019 = {
      ...migrationSource,
      getMigrations: async (loadExtensions: readonly string[]) => (await migrationSource.getMigrations(loadExtensions)).filter((entry) => entry.name < '020'),
    };
    const db = createKnex(database.url, { min: 0, max: 1 }, DEFAULT_TIMEOUTS, () => undefined);
    try {
      await db.migrate.latest({ migrationSource: before019 });
    } finally {
      await db.destroy();
    }
    await sql(
      database.url,
      `INSERT INTO agents (id, name, active, attributes) VALUES
         ('1000', 'a', true, '{"custom_three": "876543", "team": "x"}'),
         ('1001', 'b', true, '{"custom_three": "555111"}'),
         ('0999', 'c', true, '{"custom_three": "555111"}'),
         ('1002', 'd', true, '{"custom_three": ""}'),
         ('1003', 'e', true, '{}')`,
    );
    const store = createPgStore({ connectionString: database.url });
    try {
      await store.migrate();
    } finally {
      await store.close();
    }
  });

  afterAll(() => database.drop());

  it('moves custom_three into external_id, the first agent by id keeping a shared value', async () => {
    const rows = await sql<{ id: string; external_id: string | null; attributes: Record<string, string> }>(
      database.url,
      'SELECT id, external_id, attributes FROM agents ORDER BY id',
    );
    expect(rows).toEqual([
      { id: '0999', external_id: '555111', attributes: {} },
      { id: '1000', external_id: '876543', attributes: { team: 'x' } },
      { id: '1001', external_id: null, attributes: { custom_three: '555111' } },
      { id: '1002', external_id: null, attributes: { custom_three: '' } },
      { id: '1003', external_id: null, attributes: {} },
    ]);
  });
});
