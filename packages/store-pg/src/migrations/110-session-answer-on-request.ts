import type { Knex } from 'knex';

/**
 * Whether the calls offered to an agent wait for the agent to answer them
 * through its client before its phone is rung (Huawei with auto-answer off).
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE agent_sessions ADD COLUMN answer_on_request boolean NOT NULL DEFAULT false');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE agent_sessions DROP COLUMN answer_on_request');
}
