import type { Knex } from 'knex';

/**
 * A lead can be deleted (the Non-Agent API's update_lead delete_lead): the
 * record of a call placed for it outlives it, as VICIdial's call log keeps
 * the number of a deleted lead.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE lead_calls DROP CONSTRAINT lead_calls_lead_id_fkey');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE lead_calls ADD CONSTRAINT lead_calls_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES leads (id) NOT VALID');
}
