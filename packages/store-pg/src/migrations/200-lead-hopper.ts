import type { Knex } from 'knex';

/**
 * Leads queued for dialling per campaign (VICIdial's hopper): a lead waits
 * at most once; a deleted lead leaves it.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE lead_hopper (
      id bigserial PRIMARY KEY,
      campaign_id text NOT NULL,
      lead_id bigint NOT NULL UNIQUE REFERENCES leads (id) ON DELETE CASCADE,
      list_id bigint NOT NULL,
      status varchar(10) NOT NULL,
      "user" text NOT NULL,
      priority smallint NOT NULL,
      source varchar(1) NOT NULL,
      gmt_offset_now varchar(6) NOT NULL,
      state varchar(2) NOT NULL,
      vendor_lead_code varchar(20) NOT NULL,
      alt_dial varchar(6) NOT NULL,
      queued_at timestamptz NOT NULL
    );
    CREATE INDEX lead_hopper_campaign_idx ON lead_hopper (campaign_id, priority DESC, id);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE lead_hopper');
}
