import type { Knex } from 'knex';

/** An agent's customer call may have a third party (a 3-way call, a transfer): a leg role of its own. */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE legs DROP CONSTRAINT legs_role_check;
    ALTER TABLE legs ADD CONSTRAINT legs_role_check CHECK (role IN ('source', 'destination', 'customer', 'agent', 'member', 'third_party'));
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE legs DROP CONSTRAINT legs_role_check;
    ALTER TABLE legs ADD CONSTRAINT legs_role_check CHECK (role IN ('source', 'destination', 'customer', 'agent', 'member'));
  `);
}
