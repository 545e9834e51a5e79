import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE legs (
      -- the engine's channel id, chosen by the gateway
      id text PRIMARY KEY,
      call_id text NOT NULL REFERENCES calls (id),
      role text NOT NULL CHECK (role IN ('source', 'destination', 'customer', 'agent', 'member')),
      endpoint text NOT NULL,
      channel_name text,
      context text NOT NULL,
      state text NOT NULL CHECK (state IN ('dialing', 'ringing', 'up', 'ended')),
      caller_number text NOT NULL,
      caller_name text NOT NULL,
      dialed_number text NOT NULL,
      account_kind text CHECK (account_kind IN ('extension', 'trunk')),
      account_id integer,
      created_at timestamptz NOT NULL,
      answered_at timestamptz,
      ended_at timestamptz,
      cause integer,
      cause_text text,
      hangup_requested boolean NOT NULL DEFAULT false,
      CONSTRAINT legs_account_check CHECK ((account_kind IS NULL) = (account_id IS NULL))
    );
    CREATE INDEX legs_call_idx ON legs (call_id, created_at);
    -- engine events name channels; only live legs are looked up that way
    CREATE INDEX legs_live_channel_name_idx ON legs (channel_name) WHERE state <> 'ended';
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE legs');
}
