import type { Knex } from 'knex';

/** A message's own retry schedule (`{ everyMs, forMs, signOutAgent }`); null keeps the growing delays. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`ALTER TABLE outbox ADD COLUMN retry jsonb CHECK (retry IS NULL OR jsonb_typeof(retry) = 'object')`);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE outbox DROP COLUMN retry');
}
