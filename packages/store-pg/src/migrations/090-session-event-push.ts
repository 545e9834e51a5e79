import type { Knex } from 'knex';

/** Where a session's events are pushed (Huawei push mode): `{ url, headers }`, or null for a client that polls. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`ALTER TABLE agent_sessions ADD COLUMN event_push jsonb CHECK (event_push IS NULL OR jsonb_typeof(event_push) = 'object')`);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE agent_sessions DROP COLUMN event_push');
}
