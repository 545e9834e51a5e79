import { compareEventLogIds, EVENT_LOG_START } from '@pbx-gateway/core';
import { createTestDatabase, type TestDatabase } from '@pbx-gateway/test-support';
import knex, { type Knex } from 'knex';
import { createPgStore } from '../src';
import { migrationSource, type NamedMigration } from '../src/migrations';

/**
 * Entries logged before each row recorded its transaction stay readable, in
 * their old order and before anything logged after the upgrade; a pruned
 * mark from before becomes a position below them all.
 */

const BEFORE = '145-event-log-transactions';

let database: TestDatabase;
let db: Knex;

beforeAll(async () => {
  database = await createTestDatabase();
  db = knex({ client: 'pg', connection: database.url });
  const all = await migrationSource.getMigrations([]);
  const earlier: Knex.MigrationSource<NamedMigration> = {
    ...migrationSource,
    getMigrations: async () => all.slice(0, all.findIndex((entry) => migrationSource.getMigrationName(entry) === BEFORE)),
  };
  await db.migrate.latest({ migrationSource: earlier });
});

afterAll(async () => {
  await db.destroy();
  await database.drop();
});

it('keeps the entries logged before, in their order, ahead of new ones; the old pruned mark stays below them', async () => {
  await db.raw(
    `INSERT INTO event_log (id, at, tenant, topic, type, data) VALUES
       (5, now(), NULL, 'agents', 'Fifth', '{}'), (9, now(), 'acme', 'calls', 'Ninth', '{}'), (12, now(), NULL, 'agents', 'Twelfth', '{}')`,
  );
  await db.raw(`SELECT setval('event_log_id_seq', 12)`);
  await db.raw('UPDATE event_log_pruned SET pruned_through = 4');

  const store = createPgStore({ connectionString: database.url });
  try {
    await store.migrate();
    const log = store.direct.eventLog;
    await store.transaction(async (tx) => tx.eventLog.append([{ at: new Date(), tenant: null, topic: 'agents', type: 'AfterUpgrade', data: {} }]));
    let page = await log.readAfter(EVENT_LOG_START, { topics: [] }, 100);
    for (const until = Date.now() + 10_000; page.held && Date.now() < until; page = await log.readAfter(EVENT_LOG_START, { topics: [] }, 100)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(page.entries.map((entry) => entry.type)).toEqual(['Fifth', 'Ninth', 'Twelfth', 'AfterUpgrade']);
    expect(page.entries.map((entry) => entry.id.split('-')[1])).toEqual(['5', '9', '12', '13']);
    expect(page.prunedThrough).toBe('0-4');
    expect(compareEventLogIds(page.prunedThrough, page.entries[0]!.id)).toBeLessThan(0);
    expect((await log.readAfter(page.entries[1]!.id, { topics: [] }, 100)).entries.map((entry) => entry.type)).toEqual(['Twelfth', 'AfterUpgrade']);
  } finally {
    await store.close();
  }
});
