import type { Knex } from 'knex';

/** The calls that reached a public number (VICIdial's vicidial_did_log), read by number and day. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE did_log (
      id bigserial PRIMARY KEY,
      call_id text NOT NULL,
      did text NOT NULL,
      did_id integer,
      route text NOT NULL,
      caller_id_number text NOT NULL,
      caller_id_name text NOT NULL,
      called_at timestamptz NOT NULL
    );
    CREATE INDEX did_log_did_idx ON did_log (did, called_at);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE did_log');
}
