import type { Knex } from 'knex';

const PURPOSES_BEFORE = `'click_to_call', 'voice_menu', 'agent_playback', 'agent_phone', 'agent_customer', 'inbound', 'supervision', 'context_dial', 'voice_broadcast'`;

/** A call from one agent to another (CC-Gateway callinner) is a call of its own purpose. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE calls DROP CONSTRAINT calls_purpose_check;
    ALTER TABLE calls ADD CONSTRAINT calls_purpose_check CHECK (purpose IN (${PURPOSES_BEFORE}, 'agent_internal'));
    ALTER TABLE cdrs DROP CONSTRAINT cdrs_purpose_check;
    ALTER TABLE cdrs ADD CONSTRAINT cdrs_purpose_check CHECK (purpose IN (${PURPOSES_BEFORE}, 'agent_internal'));
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE calls DROP CONSTRAINT calls_purpose_check;
    ALTER TABLE calls ADD CONSTRAINT calls_purpose_check CHECK (purpose IN (${PURPOSES_BEFORE}));
    ALTER TABLE cdrs DROP CONSTRAINT cdrs_purpose_check;
    ALTER TABLE cdrs ADD CONSTRAINT cdrs_purpose_check CHECK (purpose IN (${PURPOSES_BEFORE}));
  `);
}
