import type { Knex } from 'knex';

/**
 * Leads with the dialer's column lengths, the calls placed for them (where a
 * call's disposition is kept), and the lead an agent's session works on.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE leads (
      id bigserial PRIMARY KEY,
      -- leads stay in lists that have no row (see campaigns.manual_dial_list_id)
      list_id bigint NOT NULL,
      entry_list_id bigint NOT NULL,
      status varchar(6) NOT NULL,
      -- API logins and agent ids: the gateway allows them longer than the dialer's 20
      "user" text NOT NULL,
      entry_date timestamptz NOT NULL,
      modify_date timestamptz NOT NULL,
      called_count integer NOT NULL,
      phone_code varchar(10) NOT NULL,
      phone_number varchar(18) NOT NULL,
      vendor_lead_code varchar(20) NOT NULL,
      source_id varchar(50) NOT NULL,
      gmt_offset_now varchar(6) NOT NULL,
      title varchar(4) NOT NULL,
      first_name varchar(30) NOT NULL,
      middle_initial varchar(1) NOT NULL,
      last_name varchar(30) NOT NULL,
      address1 varchar(100) NOT NULL,
      address2 varchar(100) NOT NULL,
      address3 varchar(100) NOT NULL,
      city varchar(50) NOT NULL,
      state varchar(2) NOT NULL,
      province varchar(50) NOT NULL,
      postal_code varchar(10) NOT NULL,
      country_code varchar(3) NOT NULL,
      gender varchar(1) NOT NULL,
      date_of_birth date,
      alt_phone varchar(12) NOT NULL,
      email varchar(70) NOT NULL,
      security_phrase varchar(100) NOT NULL,
      comments varchar(255) NOT NULL,
      rank smallint NOT NULL,
      owner varchar(20) NOT NULL
    );
    CREATE INDEX leads_phone_number_idx ON leads (phone_number);
    CREATE INDEX leads_list_idx ON leads (list_id);

    CREATE TABLE lead_calls (
      call_id text PRIMARY KEY REFERENCES calls (id),
      lead_id bigint NOT NULL REFERENCES leads (id),
      campaign_id text,
      agent_id text NOT NULL,
      phone_number text NOT NULL,
      status varchar(6),
      started_at timestamptz NOT NULL,
      dispositioned_at timestamptz
    );
    CREATE INDEX lead_calls_lead_idx ON lead_calls (lead_id);

    ALTER TABLE agent_sessions
      ADD COLUMN lead_id bigint REFERENCES leads (id) ON DELETE SET NULL,
      ADD COLUMN lead_call_id text,
      ADD COLUMN pending_disposition jsonb;
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE agent_sessions DROP COLUMN pending_disposition, DROP COLUMN lead_call_id, DROP COLUMN lead_id;
    DROP TABLE lead_calls;
    DROP TABLE leads;
  `);
}
