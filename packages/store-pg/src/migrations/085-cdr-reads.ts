import type { Knex } from 'knex';

/**
 * Which CDRs a client has already fetched (Sip_Call's GetBill unread/read
 * filter): one row per reader and CDR, and a CDR index on tenant and start
 * time for the time-window queries.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE cdr_reads (
      reader text NOT NULL,
      cdr_id bigint NOT NULL REFERENCES cdrs (id) ON DELETE CASCADE,
      read_at timestamptz NOT NULL,
      PRIMARY KEY (reader, cdr_id)
    );
    CREATE INDEX cdrs_tenant_started_at_idx ON cdrs (tenant, started_at);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`
    DROP INDEX cdrs_tenant_started_at_idx;
    DROP TABLE cdr_reads;
  `);
}
