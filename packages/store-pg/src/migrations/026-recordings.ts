import type { Knex } from 'knex';

/** Recordings of agents' conferences; the engine knows each by its file name, hence unique. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE recordings (
      id text PRIMARY KEY,
      name text NOT NULL,
      format text NOT NULL,
      location text NOT NULL,
      agent_id text NOT NULL,
      bridge_id text NOT NULL,
      call_id text,
      lead_id bigint,
      state text NOT NULL CHECK (state IN ('pending', 'recording', 'stopping', 'finished', 'failed')),
      created_at timestamptz NOT NULL,
      started_at timestamptz,
      ended_at timestamptz,
      duration_sec integer CHECK (duration_sec >= 0),
      CONSTRAINT recordings_name_key UNIQUE (name)
    );
    CREATE INDEX recordings_live_agent_idx ON recordings (agent_id, created_at) WHERE state IN ('pending', 'recording');
    CREATE INDEX recordings_unfinished_idx ON recordings (created_at, id) WHERE state IN ('pending', 'recording', 'stopping');
    CREATE INDEX recordings_call_idx ON recordings (call_id, created_at) WHERE call_id IS NOT NULL;
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE recordings');
}
