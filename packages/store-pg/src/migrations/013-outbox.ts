import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE outbox (
      id bigserial PRIMARY KEY,
      topic text NOT NULL,
      url text NOT NULL,
      body text NOT NULL,
      headers jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(headers) = 'object'),
      created_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      -- also the lease end while a claimer holds the message
      next_attempt_at timestamptz NOT NULL,
      delivered_at timestamptz,
      last_error text
    );
    -- claimDue scans only undelivered messages, earliest due first
    CREATE INDEX outbox_due_idx ON outbox (next_attempt_at, id) WHERE delivered_at IS NULL;
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE outbox');
}
