import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE trunks (
      id integer PRIMARY KEY,
      name text NOT NULL,
      dial_template text NOT NULL,
      CONSTRAINT trunks_name_key UNIQUE (name)
    );
    CREATE TABLE trunk_caller_ids (
      trunk_id integer NOT NULL REFERENCES trunks (id) ON DELETE CASCADE,
      position integer NOT NULL,
      number text NOT NULL,
      PRIMARY KEY (trunk_id, position)
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE trunk_caller_ids; DROP TABLE trunks');
}
