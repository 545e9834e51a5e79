import type { Knex } from 'knex';

/** Inbound calls looked up by queue and day, ended ones included (queue statistics). */
export async function up(db: Knex): Promise<void> {
  await db.raw(`CREATE INDEX calls_inbound_queue_idx ON calls ((progress->>'queueName'), created_at) WHERE purpose = 'inbound'`);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX calls_inbound_queue_idx');
}
