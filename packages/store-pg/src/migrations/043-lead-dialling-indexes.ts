import type { Knex } from 'knex';

/** A manual dial looks a lead up by number within a campaign's lists, and takes the next one by status. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE INDEX leads_list_phone_idx ON leads (list_id, phone_number);
    CREATE INDEX leads_list_status_idx ON leads (list_id, status, id);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP INDEX leads_list_status_idx; DROP INDEX leads_list_phone_idx');
}
