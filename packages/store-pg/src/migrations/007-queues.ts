import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE queues (
      name text PRIMARY KEY,
      strategy text NOT NULL
    );
    CREATE TABLE queue_members (
      queue_name text NOT NULL REFERENCES queues (name) ON DELETE CASCADE,
      agent_id text NOT NULL REFERENCES agents (id),
      penalty integer NOT NULL,
      paused boolean NOT NULL,
      membership text NOT NULL CHECK (membership IN ('static', 'dynamic')),
      -- members are listed in the order they joined; an update keeps the place
      joined bigserial NOT NULL,
      PRIMARY KEY (queue_name, agent_id)
    );
    CREATE INDEX queue_members_agent_idx ON queue_members (agent_id);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE queue_members; DROP TABLE queues');
}
