import type { Knex } from 'knex';

/** The purposes a call (and its CDR) may have, before the migrations that add one. */
export const PURPOSES_BEFORE_VOICE_BROADCAST = ['click_to_call', 'voice_menu', 'agent_playback', 'agent_phone', 'agent_customer', 'inbound', 'supervision', 'context_dial'] as const;

/** Replaces the purpose checks of `calls` and `cdrs` with one allowing exactly `purposes`. */
export async function allowCallPurposes(db: Knex, purposes: readonly string[]): Promise<void> {
  const list = purposes.map((purpose) => `'${purpose}'`).join(', ');
  await db.raw(`
    ALTER TABLE calls DROP CONSTRAINT calls_purpose_check;
    ALTER TABLE calls ADD CONSTRAINT calls_purpose_check CHECK (purpose IN (${list}));
    ALTER TABLE cdrs DROP CONSTRAINT cdrs_purpose_check;
    ALTER TABLE cdrs ADD CONSTRAINT cdrs_purpose_check CHECK (purpose IN (${list}));
  `);
}
