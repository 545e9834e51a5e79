import type { Knex } from 'knex';

/**
 * Phones (VICIdial's `phones`), by extension on a server, and phone aliases
 * (`phones_alias`). Passwords are kept only hashed: the login's as a slow
 * hash, the registration's as the engine's credential.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE phones (
      extension text NOT NULL,
      server_ip text NOT NULL,
      dialplan_number text NOT NULL,
      voicemail_id text NOT NULL,
      login text NOT NULL,
      pass_hash text NOT NULL,
      protocol text NOT NULL,
      registration_credential text NOT NULL,
      full_name text NOT NULL,
      email text NOT NULL DEFAULT '',
      context text NOT NULL,
      outbound_cid text NOT NULL DEFAULT '',
      active boolean NOT NULL DEFAULT true,
      user_group text NOT NULL DEFAULT '---ALL---',
      attributes jsonb NOT NULL DEFAULT '{}',
      PRIMARY KEY (extension, server_ip)
    );
    CREATE INDEX phones_login_idx ON phones (login);
    CREATE TABLE phone_aliases (
      id text PRIMARY KEY,
      name text NOT NULL,
      logins text[] NOT NULL
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE phone_aliases; DROP TABLE phones');
}
