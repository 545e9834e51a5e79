import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE cdrs (
      -- increasing ids: dialects report them as record numbers
      id bigserial PRIMARY KEY,
      call_id text NOT NULL REFERENCES calls (id),
      purpose text NOT NULL CHECK (purpose IN ('click_to_call', 'voice_menu', 'agent_playback', 'agent_phone', 'agent_customer')),
      direction text NOT NULL CHECK (direction IN ('outbound', 'inbound')),
      tenant text,
      agent_id text,
      from_number text NOT NULL,
      to_number text NOT NULL,
      extension text,
      started_at timestamptz NOT NULL,
      answered_at timestamptz,
      ended_at timestamptz NOT NULL,
      duration_sec integer NOT NULL CHECK (duration_sec >= 0),
      billsec integer NOT NULL CHECK (billsec >= 0),
      hangup_cause integer NOT NULL,
      hangup_cause_text text NOT NULL,
      hangup_side text NOT NULL CHECK (hangup_side IN ('caller', 'callee', 'system')),
      recording_file text,
      data jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(data) = 'object'),
      -- a call has exactly one CDR, however often its end is processed
      CONSTRAINT cdrs_call_id_key UNIQUE (call_id)
    );
    CREATE INDEX cdrs_started_at_idx ON cdrs (started_at);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE cdrs');
}
