import type { Knex } from 'knex';

/**
 * The live event stream's log: every domain event in commit order (ids are
 * taken under a transaction lock, so a lower id never commits after a higher
 * one), kept for a retention period. `event_log_pruned` remembers the highest
 * id retention removed, so a reader resuming from before it is told it missed some.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE event_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      tenant text,
      topic text NOT NULL,
      type text NOT NULL,
      data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object')
    );
    -- retention deletes by age
    CREATE INDEX event_log_at_idx ON event_log (at);
    CREATE TABLE event_log_pruned (
      only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
      pruned_through bigint NOT NULL
    );
    INSERT INTO event_log_pruned (pruned_through) VALUES (0);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE event_log_pruned; DROP TABLE event_log');
}
