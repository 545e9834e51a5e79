import type { Knex } from 'knex';

/** What a session asks its agent's screen to reload, and the screen's timer action (VICIdial update_fields, refresh_panel, set_timer_action). */
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE agent_sessions ADD COLUMN screen_refresh text, ADD COLUMN timer_action jsonb');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE agent_sessions DROP COLUMN screen_refresh, DROP COLUMN timer_action');
}
