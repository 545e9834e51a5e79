import type { Knex } from 'knex';

/**
 * The NANPA prefix table (VICIdial's vicidial_nanpa_prefix_codes): each
 * North American exchange's offset, daylight saving and line type, which
 * the NANPA time-zone method and prefix check read.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE nanpa_prefixes (
      area_code char(3) NOT NULL,
      prefix char(3) NOT NULL,
      gmt_offset numeric(4,2) NOT NULL,
      dst boolean NOT NULL,
      type varchar(1) NOT NULL DEFAULT '',
      city text NOT NULL DEFAULT '',
      state varchar(4) NOT NULL DEFAULT '',
      PRIMARY KEY (area_code, prefix)
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE nanpa_prefixes');
}
