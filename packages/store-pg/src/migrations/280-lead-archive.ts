import type { Knex } from 'knex';

/**
 * The lead archive and the callback archive (VICIdial's
 * `vicidial_list_archive` and `vicidial_callbacks_archive`): rows moved out
 * of `leads` and `callbacks` under their own ids, with the same columns, so
 * that a lead moves between the two tables whole. A column added to `leads`
 * or `callbacks` later must be added here too.
 *
 * A lead's values in lists' own fields outlive the lead's row in `leads`:
 * VICIdial keeps them in the list's custom table whether the lead is active
 * or archived, so they no longer go with the `leads` row (deleting a lead
 * removes them itself).
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE archived_leads (LIKE leads INCLUDING CONSTRAINTS, PRIMARY KEY (id));
    CREATE INDEX archived_leads_phone_number_idx ON archived_leads (phone_number);
    CREATE INDEX archived_leads_list_idx ON archived_leads (list_id);
    CREATE TABLE archived_callbacks (LIKE callbacks INCLUDING CONSTRAINTS, PRIMARY KEY (id));
    CREATE INDEX archived_callbacks_lead_idx ON archived_callbacks (lead_id);
    ALTER TABLE lead_custom_values DROP CONSTRAINT lead_custom_values_lead_id_fkey;
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`
    DELETE FROM lead_custom_values WHERE lead_id NOT IN (SELECT id FROM leads);
    ALTER TABLE lead_custom_values ADD CONSTRAINT lead_custom_values_lead_id_fkey FOREIGN KEY (lead_id) REFERENCES leads (id) ON DELETE CASCADE;
    DROP TABLE archived_callbacks;
    DROP TABLE archived_leads;
  `);
}
