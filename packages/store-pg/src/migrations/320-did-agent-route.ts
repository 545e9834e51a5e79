import type { Knex } from 'knex';

/**
 * The AGENT route's settings of a DID, as vicidial_inbound_dids keeps them:
 * the agent (`user`), what happens to a call while that agent is not
 * signed in (`user_unavailable_action`) and the in-group whose settings the
 * call to the agent waits under (`user_route_settings_ingroup`).
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE dids
      ADD COLUMN agent_user text NOT NULL DEFAULT '',
      ADD COLUMN agent_unavailable_action text NOT NULL DEFAULT 'VOICEMAIL' CHECK (agent_unavailable_action IN ('IN_GROUP', 'EXTEN', 'VOICEMAIL', 'PHONE')),
      ADD COLUMN agent_route_queue text NOT NULL DEFAULT 'AGENTDIRECT'
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE dids DROP COLUMN agent_user, DROP COLUMN agent_unavailable_action, DROP COLUMN agent_route_queue');
}
