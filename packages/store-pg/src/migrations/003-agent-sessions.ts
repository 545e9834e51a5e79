import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE agent_sessions (
      agent_id text PRIMARY KEY REFERENCES agents (id),
      session_id text NOT NULL,
      state text NOT NULL CHECK (state IN ('ready', 'paused', 'in_call', 'wrap_up')),
      pause_reason text,
      state_before_call text CHECK (state_before_call IN ('ready', 'paused', 'wrap_up')),
      device text NOT NULL,
      phone_number text NOT NULL,
      conference_number text,
      conference_bridge_id text,
      conference_agent_leg_id text,
      server_ip text NOT NULL,
      campaign_id text,
      current_call_id text,
      pending_pause boolean NOT NULL DEFAULT false,
      pending_pause_reason text,
      pending_logout boolean NOT NULL DEFAULT false,
      after_call text NOT NULL CHECK (after_call IN ('ready', 'wrap_up')),
      login_via text NOT NULL CHECK (login_via IN ('vicidial', 'voipsun', 'ccgateway', 'sipcall', 'provisioning')),
      logged_in_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      state_changed_at timestamptz NOT NULL,
      CONSTRAINT agent_sessions_conference_check CHECK (
        (conference_number IS NULL) = (conference_bridge_id IS NULL)
        AND (conference_number IS NOT NULL OR conference_agent_leg_id IS NULL)
      ),
      CONSTRAINT agent_sessions_pending_pause_check CHECK (pending_pause OR pending_pause_reason IS NULL)
    );
    -- listIdle: sessions of one login channel not seen since a time
    CREATE INDEX agent_sessions_idle_idx ON agent_sessions (login_via, last_seen_at);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE agent_sessions');
}
