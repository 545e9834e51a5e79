import type { Knex } from 'knex';

/**
 * Whether a lead was dialled since its list was last reset (VICIdial's
 * `called_since_last_reset`: N, then Y, Y1, Y2 … at each further dial), and
 * of a list when it was last changed and how often it was reset on the day
 * it was last reset. Leads dialled before keep Y, as the mark was shown.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE leads ADD COLUMN called_since_last_reset varchar(3) NOT NULL DEFAULT 'N';
    UPDATE leads SET called_since_last_reset = 'Y' WHERE called_count > 0;
    ALTER TABLE lead_lists ADD COLUMN changed_at timestamptz;
    ALTER TABLE lead_lists ADD COLUMN reset_day text;
    ALTER TABLE lead_lists ADD COLUMN resets_that_day integer NOT NULL DEFAULT 0;
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE leads DROP COLUMN called_since_last_reset;
    ALTER TABLE lead_lists DROP COLUMN changed_at, DROP COLUMN reset_day, DROP COLUMN resets_that_day;
  `);
}
