import type { Knex } from 'knex';

/**
 * A pause given a length (Huawei's rest time), also while it waits for a
 * call to end; after-call work asked for during a call; whether the agent's
 * calls are answered without the agent (Huawei auto-answer).
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE agent_sessions
      ADD COLUMN pause_limit_sec integer,
      ADD COLUMN pending_pause_limit_sec integer,
      ADD COLUMN pending_wrap_up boolean NOT NULL DEFAULT false,
      ADD COLUMN auto_answer boolean NOT NULL DEFAULT false
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE agent_sessions
      DROP COLUMN pause_limit_sec,
      DROP COLUMN pending_pause_limit_sec,
      DROP COLUMN pending_wrap_up,
      DROP COLUMN auto_answer
  `);
}
