import type { Knex } from 'knex';

/**
 * State call times (VICIdial's vicidial_state_call_times): the hours a call
 * time keeps for the numbers of one state, and which of them each call time
 * names (its `ct_state_call_times`, in order).
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE state_call_times (
      id varchar(10) PRIMARY KEY,
      state varchar(4) NOT NULL,
      name text NOT NULL DEFAULT '',
      default_start smallint NOT NULL,
      default_stop smallint NOT NULL,
      days jsonb NOT NULL DEFAULT '{}'
    );
    ALTER TABLE call_times ADD COLUMN state_rules jsonb NOT NULL DEFAULT '[]';
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE call_times DROP COLUMN state_rules; DROP TABLE state_call_times');
}
