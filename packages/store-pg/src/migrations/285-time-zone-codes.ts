import type { Knex } from 'knex';

/**
 * The dialer's phone-code and postal-code tables (VICIdial's
 * vicidial_phone_codes and vicidial_postal_codes), which numbers' GMT
 * offsets and daylight-saving rules are looked up in.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE phone_codes (
      country_code varchar(4) NOT NULL,
      area_code varchar(6) NOT NULL,
      state varchar(4) NOT NULL,
      gmt_offset numeric(4,2) NOT NULL,
      dst boolean NOT NULL,
      dst_range varchar(8) NOT NULL DEFAULT '',
      time_zone_code varchar(6) NOT NULL DEFAULT '',
      country varchar(3) NOT NULL DEFAULT '',
      description text NOT NULL DEFAULT '',
      PRIMARY KEY (country_code, area_code, state)
    );
    CREATE INDEX phone_codes_time_zone_code ON phone_codes (country_code, time_zone_code);
    CREATE TABLE postal_codes (
      country_code varchar(4) NOT NULL,
      postal_code varchar(10) NOT NULL,
      state varchar(4) NOT NULL DEFAULT '',
      gmt_offset numeric(4,2) NOT NULL,
      dst boolean NOT NULL,
      dst_range varchar(8) NOT NULL DEFAULT '',
      country varchar(3) NOT NULL DEFAULT '',
      PRIMARY KEY (country_code, postal_code)
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE postal_codes; DROP TABLE phone_codes');
}
