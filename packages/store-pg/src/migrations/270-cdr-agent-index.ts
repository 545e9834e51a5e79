import type { Knex } from 'knex';

/**
 * An agent's CDRs newest first (CC-Gateway's `callinfo` answers an agent's
 * last call from its newest CDR): without this index each such query reads
 * the whole CDR table, which grows by every call the centre makes.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE INDEX cdrs_agent_id_id_idx ON cdrs (agent_id, id)');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX cdrs_agent_id_id_idx');
}
