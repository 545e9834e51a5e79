import { compareEventLogIds, EVENT_LOG_START } from '@pbx-gateway/core';
import { createPgStore } from '../src';
import { databaseBeforeMigration } from './support/database-before-migration';

/**
 * Entries logged before each row recorded its transaction stay readable, in
 * their old order and before anything logged after the upgrade; a pruned
 * mark from before becomes a position below them all.
 */

const before = databaseBeforeMigration('145-event-log-transactions');

it('keeps the entries logged before, in their order, ahead of new ones; the old pruned mark stays below them', async () => {
  await before.db().raw(
    `INSERT INTO event_log (id, at, tenant, topic, type, data) VALUES
       (5, now(), NULL, 'agents', 'Fifth', '{}'), (9, now(), 'acme', 'calls', 'Ninth', '{}'), (12, now(), NULL, 'agents', 'Twelfth', '{}')`,
  );
  await before.db().raw(`SELECT setval('event_log_id_seq', 12)`);
  await before.db().raw('UPDATE event_log_pruned SET pruned_through = 4');

  const store = createPgStore({ connectionString: before.url() });
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
