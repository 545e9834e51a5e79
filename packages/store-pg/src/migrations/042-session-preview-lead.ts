import type { Knex } from 'knex';

/** The lead a session previews before dialling it (VICIdial `preview_lead_id`). */
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE agent_sessions ADD COLUMN preview_lead_id bigint REFERENCES leads (id) ON DELETE SET NULL');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE agent_sessions DROP COLUMN preview_lead_id');
}
