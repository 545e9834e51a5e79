import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE callbacks (
      id bigserial PRIMARY KEY,
      lead_id bigint NOT NULL REFERENCES leads (id),
      list_id bigint NOT NULL,
      campaign_id text NOT NULL,
      state text NOT NULL CHECK (state IN ('ACTIVE', 'LIVE', 'INACTIVE')),
      status varchar(6) NOT NULL,
      callback_at timestamptz NOT NULL,
      recipient text NOT NULL CHECK (recipient IN ('USERONLY', 'ANYONE')),
      agent_id text NOT NULL,
      comments varchar(255) NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX callbacks_lead_idx ON callbacks (lead_id);
    -- callbacks coming due
    CREATE INDEX callbacks_due_idx ON callbacks (callback_at) WHERE state = 'ACTIVE';
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE callbacks');
}
