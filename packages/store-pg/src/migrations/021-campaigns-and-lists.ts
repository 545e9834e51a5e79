import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE campaigns (
      id text PRIMARY KEY,
      name text NOT NULL,
      active boolean NOT NULL,
      dial_method text NOT NULL,
      allow_inbound boolean NOT NULL,
      -- the list need not exist as a row: the dialer's manual-dial list 998 seldom does
      manual_dial_list_id bigint,
      api_manual_dial text NOT NULL,
      manual_preview_dial text NOT NULL,
      alt_number_dialing boolean NOT NULL,
      agent_lead_search text NOT NULL,
      default_xfer_group text,
      park_ext text,
      campaign_cid text,
      dial_prefix text NOT NULL,
      use_other_campaign_dnc text,
      settings jsonb NOT NULL DEFAULT '{}'
    );
    CREATE TABLE lead_lists (
      id bigint PRIMARY KEY,
      name text NOT NULL,
      campaign_id text NOT NULL REFERENCES campaigns (id),
      active boolean NOT NULL
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE lead_lists; DROP TABLE campaigns');
}
