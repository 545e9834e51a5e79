import type { Knex } from 'knex';

/**
 * Lists' own fields (VICIdial's custom list fields) and the values leads
 * hold in them: one row per lead and field, under the list whose fields
 * they fill. Rows rather than a JSON document on the lead, because a field
 * is defined, renamed and removed per list (its values go with it in one
 * statement), one field is read alone (lead_field_info), and a lead's
 * values stay with the list they were entered for when the lead moves.
 * A field's place in `position` is the order it was defined: the order of
 * a custom table's columns.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE lead_list_fields (
      list_id bigint NOT NULL,
      label text NOT NULL,
      position bigserial NOT NULL,
      name text NOT NULL,
      type text NOT NULL,
      rank integer NOT NULL,
      "order" integer NOT NULL,
      size integer NOT NULL,
      max integer NOT NULL,
      default_value text NOT NULL,
      options text NOT NULL,
      required boolean NOT NULL,
      duplicate boolean NOT NULL,
      PRIMARY KEY (list_id, label)
    );
    CREATE TABLE lead_custom_values (
      list_id bigint NOT NULL,
      lead_id bigint NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
      label text NOT NULL,
      value text NOT NULL,
      PRIMARY KEY (list_id, lead_id, label)
    );
    CREATE INDEX lead_custom_values_lead_idx ON lead_custom_values (lead_id);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE lead_custom_values; DROP TABLE lead_list_fields');
}
