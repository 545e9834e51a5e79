import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE extensions (
      -- given by provisioning (VoIPSUN srcExtenId), never generated here
      id integer PRIMARY KEY,
      internal_number text NOT NULL,
      public_number text,
      sip_username text NOT NULL,
      dialplan text NOT NULL,
      endpoint text NOT NULL,
      caller_id_number text NOT NULL,
      caller_id_name text NOT NULL,
      record_calls boolean NOT NULL
    );
    CREATE INDEX extensions_internal_number_idx ON extensions (internal_number);
    CREATE INDEX extensions_public_number_idx ON extensions (public_number) WHERE public_number IS NOT NULL;
    CREATE INDEX extensions_sip_username_idx ON extensions (sip_username);
    CREATE INDEX extensions_endpoint_idx ON extensions (endpoint);
    CREATE INDEX extensions_dialplan_idx ON extensions (dialplan);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE extensions');
}
