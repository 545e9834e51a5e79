import type { Knex } from 'knex';

/** Whether every call the agent talks in is recorded for it (Huawei's self-recording), for the session. */
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE agent_sessions ADD COLUMN record_calls boolean NOT NULL DEFAULT false');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE agent_sessions DROP COLUMN record_calls');
}
