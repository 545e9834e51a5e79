import type { Knex } from 'knex';

/** Recordings looked up by agent (and day) or by lead, finished ones included. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE INDEX recordings_agent_idx ON recordings (agent_id, created_at);
    CREATE INDEX recordings_lead_idx ON recordings (lead_id) WHERE lead_id IS NOT NULL;
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX recordings_agent_idx; DROP INDEX recordings_lead_idx');
}
