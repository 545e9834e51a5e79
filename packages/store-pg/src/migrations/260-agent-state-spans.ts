import type { Knex } from 'knex';

/**
 * One row per span of an agent's state (ready, paused, in a call, in
 * after-call work), written with the session change that starts or ends it,
 * so that activity over any past period can be summed (VICIdial's
 * agent_stats_export). The span still open has no end; an agent has at most
 * one. Rows outlive the agent and its session: they are its history.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE agent_state_spans (
      id bigserial PRIMARY KEY,
      agent_id text NOT NULL,
      session_id text NOT NULL,
      campaign_id text,
      state text NOT NULL,
      pause_reason text,
      call_id text,
      started_at timestamptz NOT NULL,
      ended_at timestamptz
    );
    CREATE UNIQUE INDEX agent_state_spans_open_idx ON agent_state_spans (agent_id) WHERE ended_at IS NULL;
    CREATE INDEX agent_state_spans_started_idx ON agent_state_spans (started_at);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE agent_state_spans');
}
