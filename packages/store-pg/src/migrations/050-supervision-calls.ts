import type { Knex } from 'knex';

const PURPOSES_BEFORE = `'click_to_call', 'voice_menu', 'agent_playback', 'agent_phone', 'agent_customer', 'inbound'`;
const ROLES_BEFORE = `'source', 'destination', 'customer', 'agent', 'member', 'third_party', 'caller'`;

/** A supervisor listening to, whispering to or barging into a call is a call of its own purpose, with a supervisor leg and a snoop leg. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE calls DROP CONSTRAINT calls_purpose_check;
    ALTER TABLE calls ADD CONSTRAINT calls_purpose_check CHECK (purpose IN (${PURPOSES_BEFORE}, 'supervision'));
    ALTER TABLE cdrs DROP CONSTRAINT cdrs_purpose_check;
    ALTER TABLE cdrs ADD CONSTRAINT cdrs_purpose_check CHECK (purpose IN (${PURPOSES_BEFORE}, 'supervision'));
    ALTER TABLE legs DROP CONSTRAINT legs_role_check;
    ALTER TABLE legs ADD CONSTRAINT legs_role_check CHECK (role IN (${ROLES_BEFORE}, 'supervisor', 'snoop'));
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE calls DROP CONSTRAINT calls_purpose_check;
    ALTER TABLE calls ADD CONSTRAINT calls_purpose_check CHECK (purpose IN (${PURPOSES_BEFORE}));
    ALTER TABLE cdrs DROP CONSTRAINT cdrs_purpose_check;
    ALTER TABLE cdrs ADD CONSTRAINT cdrs_purpose_check CHECK (purpose IN (${PURPOSES_BEFORE}));
    ALTER TABLE legs DROP CONSTRAINT legs_role_check;
    ALTER TABLE legs ADD CONSTRAINT legs_role_check CHECK (role IN (${ROLES_BEFORE}));
  `);
}
