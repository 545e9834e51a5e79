import type { Knex } from 'knex';

/** A call's playback that is finishing (its phone being released) is found by the call, not by a scan. */
export async function up(db: Knex): Promise<void> {
  await db.raw("CREATE INDEX playbacks_unfinished_call_idx ON playbacks (call_id, created_at) WHERE state <> 'finished'");
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX playbacks_unfinished_call_idx');
}
