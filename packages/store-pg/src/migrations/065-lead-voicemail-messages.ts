import type { Knex } from 'knex';

/** The message a lead's voicemail drop leaves (VICIdial `vm_message`): one per lead, the latest set. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE lead_voicemail_messages (
      lead_id bigint PRIMARY KEY REFERENCES leads (id) ON DELETE CASCADE,
      files jsonb NOT NULL,
      set_by text NOT NULL,
      set_at timestamptz NOT NULL
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE lead_voicemail_messages');
}
