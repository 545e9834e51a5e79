import type { Knex } from 'knex';

/** Whether a session takes outbound calls as well as inbound ones (VICIdial's blended flag). */
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE agent_sessions ADD COLUMN blended boolean NOT NULL DEFAULT true');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE agent_sessions DROP COLUMN blended');
}
