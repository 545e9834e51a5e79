import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE calls (
      id text PRIMARY KEY,
      purpose text NOT NULL CHECK (purpose IN ('click_to_call', 'voice_menu', 'agent_playback', 'agent_phone', 'agent_customer')),
      direction text NOT NULL CHECK (direction IN ('outbound', 'inbound')),
      state text NOT NULL CHECK (state IN ('setup', 'answered', 'ended')),
      stage text NOT NULL,
      agent_id text,
      tenant text,
      from_number text NOT NULL,
      to_number text NOT NULL,
      bridge_id text,
      extension text,
      created_at timestamptz NOT NULL,
      answered_at timestamptz,
      ended_at timestamptz,
      hangup_cause integer,
      hangup_cause_text text,
      hangup_side text CHECK (hangup_side IN ('caller', 'callee', 'system')),
      origin_dialect text NOT NULL,
      origin_operation text NOT NULL,
      origin_api_user_id text,
      data jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object')
    );
    -- listLive: calls not yet ended, oldest first
    CREATE INDEX calls_live_idx ON calls (created_at, id) WHERE state <> 'ended';
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE calls');
}
