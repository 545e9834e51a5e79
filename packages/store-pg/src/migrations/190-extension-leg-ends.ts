import type { Knex } from 'knex';

/** When an extension's phone last hung up (its idle time) is read per extension on every status query. */
export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE INDEX legs_account_ended_at_idx ON legs (account_kind, account_id, ended_at)');
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX legs_account_ended_at_idx');
}
