import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE agent_mailbox (
      -- FIFO order within an agent's channel
      id bigserial PRIMARY KEY,
      agent_id text NOT NULL,
      channel text NOT NULL,
      message jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX agent_mailbox_queue_idx ON agent_mailbox (agent_id, channel, id);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE agent_mailbox');
}
