import type { Knex } from 'knex';

/** Recordings owned by a call rather than an agent (a click-to-call recorded on request): no agent. */
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE recordings ALTER COLUMN agent_id DROP NOT NULL');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DELETE FROM recordings WHERE agent_id IS NULL');
  await db.raw('ALTER TABLE recordings ALTER COLUMN agent_id SET NOT NULL');
}
