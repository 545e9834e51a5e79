import type { Knex } from 'knex';

/**
 * Batches of played calls (Sip_Call PlayVoice with a list of numbers) wait
 * here rather than in the gateway's memory, so a restart resumes them. A
 * batch's numbers are placed in order: `next_position` is the first one not
 * yet claimed, and `turn` (from a sequence, renewed at each claim) says
 * which batch is served next, so batches take turns.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE SEQUENCE voice_broadcast_turns;
    CREATE TABLE voice_broadcast_batches (
      id text PRIMARY KEY,
      plan jsonb NOT NULL,
      dial_until timestamptz,
      queued_at timestamptz NOT NULL,
      number_count integer NOT NULL CHECK (number_count > 0),
      next_position integer NOT NULL DEFAULT 0 CHECK (next_position >= 0 AND next_position <= number_count),
      turn bigint NOT NULL DEFAULT nextval('voice_broadcast_turns')
    );
    CREATE INDEX voice_broadcast_batches_waiting_idx ON voice_broadcast_batches (turn) WHERE next_position < number_count;
    CREATE TABLE voice_broadcast_numbers (
      batch_id text NOT NULL REFERENCES voice_broadcast_batches (id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position >= 0),
      number text NOT NULL,
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'placed', 'dropped')),
      call_id text,
      PRIMARY KEY (batch_id, position),
      CHECK ((state = 'placed') = (call_id IS NOT NULL))
    );
    CREATE UNIQUE INDEX voice_broadcast_numbers_call_idx ON voice_broadcast_numbers (call_id) WHERE call_id IS NOT NULL;
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE voice_broadcast_numbers; DROP TABLE voice_broadcast_batches; DROP SEQUENCE voice_broadcast_turns');
}
