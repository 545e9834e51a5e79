import type { Knex } from 'knex';

/** Numbers each agent is to dial by hand when free, oldest first (VICIdial's manual-dial queue). */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE manual_dial_queue (
      id bigserial PRIMARY KEY,
      agent_id text NOT NULL,
      phone_number text NOT NULL,
      phone_code text NOT NULL,
      lead_id bigint REFERENCES leads (id) ON DELETE SET NULL,
      caller_id text,
      dial_prefix text NOT NULL,
      while_ready boolean NOT NULL,
      origin_dialect text NOT NULL,
      origin_operation text NOT NULL,
      origin_api_user_id text,
      queued_at timestamptz NOT NULL
    );
    CREATE INDEX manual_dial_queue_agent_idx ON manual_dial_queue (agent_id, id);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE manual_dial_queue');
}
