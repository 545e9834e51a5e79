import type { Knex } from 'knex';

/**
 * Orders the event log by the transaction that appended each entry, so that
 * writers no longer queue behind one lock: an entry's place is (tx, id), and
 * a reader hands out only entries of transactions older than the oldest one
 * still running (`pg_snapshot_xmin`), which can no longer add anything before
 * them. Entries kept from before share the migration's transaction, in their
 * old id order. `event_log_pruned` remembers a position too.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE event_log ADD COLUMN tx xid8 NOT NULL DEFAULT pg_current_xact_id();
    CREATE INDEX event_log_tx_id_idx ON event_log (tx, id);
    ALTER TABLE event_log_pruned ADD COLUMN pruned_through_tx xid8 NOT NULL DEFAULT '0';
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE event_log_pruned DROP COLUMN pruned_through_tx;
    ALTER TABLE event_log DROP COLUMN tx;
  `);
}
