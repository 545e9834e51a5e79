import type { Knex } from 'knex';

/** The dialer's call log is searched by number and by day (the Non-Agent lead reports), not only by lead. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE INDEX lead_calls_started_at_idx ON lead_calls (started_at);
    CREATE INDEX lead_calls_phone_number_idx ON lead_calls (phone_number);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX lead_calls_phone_number_idx; DROP INDEX lead_calls_started_at_idx;');
}
