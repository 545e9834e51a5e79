import type { Knex } from 'knex';

/**
 * A pause reason given while the agent's lead waits for its disposition,
 * kept for the pause that follows (VICIdial pause_code in DISPO); and the
 * numbers an agent last asked to have dialled at once for a 3-way call
 * (VICIdial `multi_dial_phones`), one row per agent, as VICIdial keeps them.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE agent_sessions ADD COLUMN next_pause_reason text;
    CREATE TABLE agent_multi_dial_requests (
      agent_id text PRIMARY KEY,
      numbers jsonb NOT NULL,
      requested_at timestamptz NOT NULL
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE agent_multi_dial_requests; ALTER TABLE agent_sessions DROP COLUMN next_pause_reason');
}
