import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE api_log (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      dialect text NOT NULL,
      operation text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      -- already redacted by the dialect: no secret reaches this table
      params jsonb NOT NULL CHECK (jsonb_typeof(params) = 'object'),
      api_user text,
      agent_id text,
      http_status integer NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('success', 'error')),
      result text NOT NULL,
      duration_ms integer NOT NULL,
      remote_address text
    );
    CREATE INDEX api_log_at_idx ON api_log (at);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE api_log');
}
