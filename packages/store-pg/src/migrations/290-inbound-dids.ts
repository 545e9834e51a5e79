import type { Knex } from 'knex';

/**
 * Public numbers as VICIdial keeps them (vicidial_inbound_dids): each
 * route's settings, the in-group of the IN_GROUP route. The routes of
 * did_routes become IN_GROUP DIDs. A removed queue leaves its DIDs without
 * an in-group, as VICIdial keeps a DID whose in-group is gone.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE dids (
      id serial PRIMARY KEY,
      pattern text NOT NULL UNIQUE,
      description text NOT NULL DEFAULT '',
      active boolean NOT NULL DEFAULT true,
      route text NOT NULL DEFAULT 'EXTEN' CHECK (route IN ('EXTEN', 'VOICEMAIL', 'AGENT', 'PHONE', 'IN_GROUP', 'CALLMENU', 'VMAIL_NO_INST')),
      queue_name text REFERENCES queues (name) ON DELETE SET NULL,
      extension text NOT NULL DEFAULT '9998811112',
      exten_context text NOT NULL DEFAULT 'default',
      voicemail_ext text NOT NULL DEFAULT '',
      phone text NOT NULL DEFAULT '',
      server_ip text NOT NULL DEFAULT '',
      menu_id text NOT NULL DEFAULT '',
      filter_clean_cid_number text NOT NULL DEFAULT '',
      call_handle_method text NOT NULL DEFAULT 'CID',
      agent_search_method text NOT NULL DEFAULT 'LB',
      list_id text NOT NULL DEFAULT '999',
      entry_list_id text NOT NULL DEFAULT '0',
      campaign_id text NOT NULL DEFAULT '',
      phone_code text NOT NULL DEFAULT '1',
      record_call text NOT NULL DEFAULT 'N',
      user_group text NOT NULL DEFAULT '---ALL---'
    );
    INSERT INTO dids (pattern, route, queue_name) SELECT did, 'IN_GROUP', queue_name FROM did_routes ORDER BY did;
    DROP TABLE did_routes;
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE did_routes (
      did text PRIMARY KEY,
      queue_name text NOT NULL REFERENCES queues (name) ON DELETE CASCADE
    );
    INSERT INTO did_routes (did, queue_name) SELECT pattern, queue_name FROM dids WHERE route = 'IN_GROUP' AND queue_name IS NOT NULL;
    DROP TABLE dids;
  `);
}
