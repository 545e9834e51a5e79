import type { Knex } from 'knex';

/**
 * Two settings of a list's own field (VICIdial's `field_encrypt` and
 * `field_show_hide`): whether its values are to be kept encrypted, and how
 * they are hidden from users who may not see hidden fields. Every field
 * defined before shows its values as they are.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE lead_list_fields
      ADD COLUMN encrypt boolean NOT NULL DEFAULT false,
      ADD COLUMN show_hide text NOT NULL DEFAULT 'DISABLED';
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE lead_list_fields DROP COLUMN encrypt, DROP COLUMN show_hide');
}
