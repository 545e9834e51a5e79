import type { NanpaPrefix, PhoneCode, PostalCode, TimeZoneRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface PhoneCodeRow {
  country_code: string;
  area_code: string;
  state: string;
  gmt_offset: string;
  dst: boolean;
  dst_range: string;
  time_zone_code: string;
  country: string;
  description: string;
}

interface PostalCodeRow {
  country_code: string;
  postal_code: string;
  state: string;
  gmt_offset: string;
  dst: boolean;
  dst_range: string;
  country: string;
}

const phoneCodeOf = (row: PhoneCodeRow): PhoneCode => ({
  countryCode: row.country_code,
  areaCode: row.area_code,
  state: row.state,
  gmtOffset: Number(row.gmt_offset),
  dst: row.dst,
  dstRange: row.dst_range,
  timeZoneCode: row.time_zone_code,
  country: row.country,
  description: row.description,
});

const postalCodeOf = (row: PostalCodeRow): PostalCode => ({
  countryCode: row.country_code,
  postalCode: row.postal_code,
  state: row.state,
  gmtOffset: Number(row.gmt_offset),
  dst: row.dst,
  dstRange: row.dst_range,
  country: row.country,
});

interface NanpaPrefixRow {
  area_code: string;
  prefix: string;
  gmt_offset: string;
  dst: boolean;
  type: string;
  city: string;
  state: string;
}

const nanpaPrefixOf = (row: NanpaPrefixRow): NanpaPrefix => ({
  areaCode: row.area_code,
  prefix: row.prefix,
  gmtOffset: Number(row.gmt_offset),
  dst: row.dst,
  type: row.type,
  city: row.city,
  state: row.state,
});

/** `LIKE` reads `%` and `_` in a pattern; a postal code is matched by its beginning only. */
const likePrefix = (text: string): string => `${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;

export function createTimeZoneRepository(db: Knex): TimeZoneRepository {
  return {
    async findPhoneCodes(query) {
      const where: Record<string, string> = { country_code: query.countryCode };
      if (query.areaCode !== undefined) where.area_code = query.areaCode;
      if (query.state !== undefined) where.state = query.state;
      if (query.timeZoneCode !== undefined) where.time_zone_code = query.timeZoneCode;
      const rows: PhoneCodeRow[] = await db('phone_codes').where(where).orderBy(['area_code', 'state']);
      return rows.map(phoneCodeOf);
    },

    async findPostalCode(countryCode, postalCode) {
      const row: PostalCodeRow | undefined = await db('postal_codes')
        .where({ country_code: countryCode })
        .andWhereRaw("postal_code LIKE ? ESCAPE '\\'", [likePrefix(postalCode)])
        .orderBy('postal_code')
        .first();
      return row ? postalCodeOf(row) : null;
    },

    async listPhoneCodes(page) {
      const rows: PhoneCodeRow[] = await db('phone_codes').orderBy(['country_code', 'area_code', 'state']).offset(page.offset).limit(page.limit);
      return rows.map(phoneCodeOf);
    },

    async getPhoneCode(countryCode, areaCode, state) {
      const row: PhoneCodeRow | undefined = await db('phone_codes').where({ country_code: countryCode, area_code: areaCode, state }).first();
      return row ? phoneCodeOf(row) : null;
    },

    async upsertPhoneCode(code) {
      const row: PhoneCodeRow = {
        country_code: code.countryCode,
        area_code: code.areaCode,
        state: code.state,
        gmt_offset: code.gmtOffset.toFixed(2),
        dst: code.dst,
        dst_range: code.dstRange,
        time_zone_code: code.timeZoneCode,
        country: code.country,
        description: code.description,
      };
      await db('phone_codes').insert(row).onConflict(['country_code', 'area_code', 'state']).merge();
    },

    async listPostalCodes(page) {
      const rows: PostalCodeRow[] = await db('postal_codes').orderBy(['country_code', 'postal_code']).offset(page.offset).limit(page.limit);
      return rows.map(postalCodeOf);
    },

    async getPostalCode(countryCode, postalCode) {
      const row: PostalCodeRow | undefined = await db('postal_codes').where({ country_code: countryCode, postal_code: postalCode }).first();
      return row ? postalCodeOf(row) : null;
    },

    async upsertPostalCode(code) {
      const row: PostalCodeRow = {
        country_code: code.countryCode,
        postal_code: code.postalCode,
        state: code.state,
        gmt_offset: code.gmtOffset.toFixed(2),
        dst: code.dst,
        dst_range: code.dstRange,
        country: code.country,
      };
      await db('postal_codes').insert(row).onConflict(['country_code', 'postal_code']).merge();
    },

    async getNanpaPrefix(areaCode, prefix) {
      const row: NanpaPrefixRow | undefined = await db('nanpa_prefixes').where({ area_code: areaCode, prefix }).first();
      return row ? nanpaPrefixOf(row) : null;
    },

    async countNanpaPrefixes() {
      const [row] = await db('nanpa_prefixes').count<{ count: string }[]>({ count: '*' });
      return Number(row?.count ?? 0);
    },

    async listNanpaPrefixes(page) {
      const rows: NanpaPrefixRow[] = await db('nanpa_prefixes').orderBy(['area_code', 'prefix']).offset(page.offset).limit(page.limit);
      return rows.map(nanpaPrefixOf);
    },

    async upsertNanpaPrefix(code) {
      const row: NanpaPrefixRow = {
        area_code: code.areaCode,
        prefix: code.prefix,
        gmt_offset: code.gmtOffset.toFixed(2),
        dst: code.dst,
        type: code.type,
        city: code.city,
        state: code.state,
      };
      await db('nanpa_prefixes').insert(row).onConflict(['area_code', 'prefix']).merge();
    },
  };
}
