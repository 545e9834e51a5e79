import type { Knex } from 'knex';

/**
 * The id a CRM knows an agent by becomes a column of its own: VICIdial's
 * `custom_three` attribute held it, and a dialect's word had no place in the
 * core's look-ups. Values move out of the attributes; where several agents
 * had the same one, the first by id keeps it (the one the old look-up found)
 * and the others keep theirs as a plain attribute. The attribute index
 * served only that look-up.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE agents ADD COLUMN external_id text;
    ALTER TABLE agents ADD CONSTRAINT agents_external_id_key UNIQUE (external_id);
    WITH first_holders AS (
      SELECT DISTINCT ON (attributes->>'custom_three') id
        FROM agents
       WHERE attributes->>'custom_three' <> ''
       ORDER BY attributes->>'custom_three', id
    )
    UPDATE agents
       SET external_id = attributes->>'custom_three',
           attributes = attributes - 'custom_three'
     WHERE id IN (SELECT id FROM first_holders);
    DROP INDEX agents_attributes_idx;
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`
    CREATE INDEX agents_attributes_idx ON agents USING gin (attributes jsonb_path_ops);
    UPDATE agents SET attributes = attributes || jsonb_build_object('custom_three', external_id) WHERE external_id IS NOT NULL;
    ALTER TABLE agents DROP COLUMN external_id;
  `);
}
