import type { Knex } from 'knex';

/**
 * An agent's rank (-9–9) and grade (1–10) in a campaign, as VICIdial keeps
 * them per user and campaign: set for every campaign at once or for one.
 * They go with the agent or the campaign.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE agent_campaign_ranks (
      agent_id text NOT NULL REFERENCES agents (id) ON DELETE CASCADE,
      campaign_id text NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
      rank integer NOT NULL DEFAULT 0 CHECK (rank BETWEEN -9 AND 9),
      grade integer NOT NULL DEFAULT 1 CHECK (grade BETWEEN 1 AND 10),
      PRIMARY KEY (agent_id, campaign_id)
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE agent_campaign_ranks');
}
