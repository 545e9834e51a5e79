import type { Knex } from 'knex';

const PURPOSES_BEFORE = `'click_to_call', 'voice_menu', 'agent_playback', 'agent_phone', 'agent_customer'`;
const ROLES_BEFORE = `'source', 'destination', 'customer', 'agent', 'member', 'third_party'`;

/**
 * Calls that come in: a purpose of their own (calls and CDRs), the caller's
 * leg as a role, and an index for the calls waiting in queues, which every
 * free agent and every count of waiting calls looks for.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE calls DROP CONSTRAINT calls_purpose_check;
    ALTER TABLE calls ADD CONSTRAINT calls_purpose_check CHECK (purpose IN (${PURPOSES_BEFORE}, 'inbound'));
    ALTER TABLE cdrs DROP CONSTRAINT cdrs_purpose_check;
    ALTER TABLE cdrs ADD CONSTRAINT cdrs_purpose_check CHECK (purpose IN (${PURPOSES_BEFORE}, 'inbound'));
    ALTER TABLE legs DROP CONSTRAINT legs_role_check;
    ALTER TABLE legs ADD CONSTRAINT legs_role_check CHECK (role IN (${ROLES_BEFORE}, 'caller'));
    CREATE INDEX calls_waiting_idx ON calls ((progress->>'queueName'), created_at) WHERE purpose = 'inbound' AND stage = 'waiting' AND state <> 'ended';
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`
    DROP INDEX calls_waiting_idx;
    ALTER TABLE legs DROP CONSTRAINT legs_role_check;
    ALTER TABLE legs ADD CONSTRAINT legs_role_check CHECK (role IN (${ROLES_BEFORE}));
    ALTER TABLE cdrs DROP CONSTRAINT cdrs_purpose_check;
    ALTER TABLE cdrs ADD CONSTRAINT cdrs_purpose_check CHECK (purpose IN (${PURPOSES_BEFORE}));
    ALTER TABLE calls DROP CONSTRAINT calls_purpose_check;
    ALTER TABLE calls ADD CONSTRAINT calls_purpose_check CHECK (purpose IN (${PURPOSES_BEFORE}));
  `);
}
