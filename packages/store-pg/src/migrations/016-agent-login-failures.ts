import type { Knex } from 'knex';

/** Agents sign in with their own password (CC-Gateway): their failures are counted as API accounts' are. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE agents
      ADD COLUMN failed_logins integer NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
      ADD COLUMN last_failed_login_at timestamptz
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE agents DROP COLUMN failed_logins, DROP COLUMN last_failed_login_at');
}
