import type { Knex } from 'knex';

/** Callbacks of one call reach the customer in the order they happened. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE outbox ADD COLUMN ordering_key text;
    -- claimDue asks whether an earlier message of the same key is undelivered
    CREATE INDEX outbox_ordering_idx ON outbox (ordering_key, id) WHERE delivered_at IS NULL AND ordering_key IS NOT NULL;
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX outbox_ordering_idx; ALTER TABLE outbox DROP COLUMN ordering_key');
}
