import type { Knex } from 'knex';

/** The name of the secret that signs a message's deliveries (never the secret itself); null: unsigned. */
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE outbox ADD COLUMN signing_key text');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE outbox DROP COLUMN signing_key');
}
