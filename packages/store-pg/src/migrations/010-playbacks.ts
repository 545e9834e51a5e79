import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE playbacks (
      id text PRIMARY KEY,
      agent_id text,
      call_id text,
      target_kind text CHECK (target_kind IN ('leg', 'bridge')),
      target_id text,
      media text NOT NULL,
      requested_name text NOT NULL,
      state text NOT NULL CHECK (state IN ('pending', 'playing', 'paused', 'finishing', 'finished')),
      finish_cause text CHECK (finish_cause IN ('done', 'stopped', 'failed', 'replaced')),
      offset_ms integer NOT NULL CHECK (offset_ms >= 0),
      played_ms integer NOT NULL CHECK (played_ms >= 0),
      resumed_at timestamptz,
      created_at timestamptz NOT NULL,
      started_at timestamptz,
      finished_at timestamptz,
      continues text,
      CONSTRAINT playbacks_target_check CHECK ((target_kind IS NULL) = (target_id IS NULL))
    );
    CREATE INDEX playbacks_active_agent_idx ON playbacks (agent_id, created_at) WHERE state IN ('pending', 'playing', 'paused');
    CREATE INDEX playbacks_active_call_idx ON playbacks (call_id, created_at) WHERE state IN ('pending', 'playing', 'paused');
    CREATE INDEX playbacks_unfinished_idx ON playbacks (created_at, id) WHERE state <> 'finished';
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE playbacks');
}
