import type { Lead, LeadArchiveRepository, LeadSearch, NewLead } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { storableText } from '../support/json-column';
import { toNumber } from '../support/rows';

/** A row of `leads` or of `archived_leads`, which have the same columns. */
export interface LeadRow {
  id: string | number;
  list_id: string | number;
  entry_list_id: string | number;
  status: string;
  user: string;
  entry_date: Date;
  modify_date: Date;
  called_count: number;
  called_since_last_reset: string;
  phone_code: string;
  phone_number: string;
  vendor_lead_code: string;
  source_id: string;
  gmt_offset_now: string;
  title: string;
  first_name: string;
  middle_initial: string;
  last_name: string;
  address1: string;
  address2: string;
  address3: string;
  city: string;
  state: string;
  province: string;
  postal_code: string;
  country_code: string;
  gender: string;
  date_of_birth: string | null;
  alt_phone: string;
  email: string;
  security_phrase: string;
  comments: string;
  rank: number;
  owner: string;
}

// `date_of_birth` is read as text: the driver would turn a date into a Date at local midnight.
const DATE_OF_BIRTH_AS_TEXT = 'date_of_birth::text AS date_of_birth';

export const toLead = (row: LeadRow): Lead => ({
  id: toNumber(row.id),
  listId: toNumber(row.list_id),
  entryListId: toNumber(row.entry_list_id),
  status: row.status,
  user: row.user,
  entryDate: row.entry_date,
  modifyDate: row.modify_date,
  calledCount: row.called_count,
  calledSinceLastReset: row.called_since_last_reset,
  phoneCode: row.phone_code,
  phoneNumber: row.phone_number,
  vendorLeadCode: row.vendor_lead_code,
  sourceId: row.source_id,
  gmtOffsetNow: row.gmt_offset_now,
  title: row.title,
  firstName: row.first_name,
  middleInitial: row.middle_initial,
  lastName: row.last_name,
  address1: row.address1,
  address2: row.address2,
  address3: row.address3,
  city: row.city,
  state: row.state,
  province: row.province,
  postalCode: row.postal_code,
  countryCode: row.country_code,
  gender: row.gender,
  dateOfBirth: row.date_of_birth,
  altPhone: row.alt_phone,
  email: row.email,
  securityPhrase: row.security_phrase,
  comments: row.comments,
  rank: row.rank,
  owner: row.owner,
});

/** Every column but the key. Client text goes in as data (parameters), never into the statement. */
export const toLeadColumns = (lead: NewLead): Omit<LeadRow, 'id'> => ({
  list_id: lead.listId,
  entry_list_id: lead.entryListId,
  status: storableText(lead.status),
  user: storableText(lead.user),
  entry_date: lead.entryDate,
  modify_date: lead.modifyDate,
  called_count: lead.calledCount,
  called_since_last_reset: storableText(lead.calledSinceLastReset),
  phone_code: storableText(lead.phoneCode),
  phone_number: storableText(lead.phoneNumber),
  vendor_lead_code: storableText(lead.vendorLeadCode),
  source_id: storableText(lead.sourceId),
  gmt_offset_now: storableText(lead.gmtOffsetNow),
  title: storableText(lead.title),
  first_name: storableText(lead.firstName),
  middle_initial: storableText(lead.middleInitial),
  last_name: storableText(lead.lastName),
  address1: storableText(lead.address1),
  address2: storableText(lead.address2),
  address3: storableText(lead.address3),
  city: storableText(lead.city),
  state: storableText(lead.state),
  province: storableText(lead.province),
  postal_code: storableText(lead.postalCode),
  country_code: storableText(lead.countryCode),
  gender: storableText(lead.gender),
  date_of_birth: lead.dateOfBirth,
  alt_phone: storableText(lead.altPhone),
  email: storableText(lead.email),
  security_phrase: storableText(lead.securityPhrase),
  comments: storableText(lead.comments),
  rank: lead.rank,
  owner: storableText(lead.owner),
});

/** Narrows a query of lead rows to a search's criteria, in its order, at most `limit`. */
function searchLeadRows(query: Knex.QueryBuilder, criteria: LeadSearch, limit: number): Knex.QueryBuilder {
  if (criteria.leadId !== undefined) query.where('id', criteria.leadId);
  // One array parameter: a batch may name more leads than a statement takes parameters.
  if (criteria.leadIds !== undefined) query.whereRaw('id = ANY(?::bigint[])', [criteria.leadIds.filter((id) => Number.isSafeInteger(id))]);
  if (criteria.vendorLeadCode !== undefined) query.where('vendor_lead_code', storableText(criteria.vendorLeadCode));
  if (criteria.phoneNumber !== undefined) query.where('phone_number', storableText(criteria.phoneNumber));
  if (criteria.listIds !== undefined) query.whereIn('list_id', [...criteria.listIds]);
  return query.orderBy('id', criteria.newestFirst === true ? 'desc' : 'asc').offset(criteria.offset ?? 0).limit(limit);
}

/**
 * Leads numbered by hand (provisioning, a lead brought back from the
 * archive) must not be numbered again by the sequence, nor may a new lead
 * take an archived lead's number (lead_dearchive would find it taken).
 */
async function numberAfterStoredLeads(db: Knex): Promise<void> {
  await db.raw("SELECT setval(pg_get_serial_sequence('leads', 'id'), GREATEST((SELECT max(id) FROM leads), (SELECT max(id) FROM archived_leads), 1))");
}

/** What the lead table and its archive do alike: the archive keeps leads whole, under their own numbers. */
export type LeadTableAccess = Pick<LeadArchiveRepository, 'put' | 'get' | 'lock' | 'search'> & {
  /** Every column of the table, `date_of_birth` as text. */
  select(): Knex.QueryBuilder;
};

export function leadTableAccess(db: Knex, table: 'leads' | 'archived_leads'): LeadTableAccess {
  const select = (): Knex.QueryBuilder => db(table).select(db.raw(`${table}.*`), db.raw(DATE_OF_BIRTH_AS_TEXT));
  return {
    select,

    async put(lead) {
      await db(table).insert({ id: lead.id, ...toLeadColumns(lead) }).onConflict('id').merge();
      await numberAfterStoredLeads(db);
    },

    async get(id) {
      if (!Number.isSafeInteger(id)) return null;
      const row: LeadRow | undefined = await select().where({ id }).first();
      return row ? toLead(row) : null;
    },

    async lock(id) {
      if (!Number.isSafeInteger(id)) return null;
      const row: LeadRow | undefined = await select().where({ id }).forUpdate().first();
      return row ? toLead(row) : null;
    },

    async search(criteria, limit) {
      if (criteria.leadId !== undefined && !Number.isSafeInteger(criteria.leadId)) return [];
      const rows: LeadRow[] = await searchLeadRows(select(), criteria, limit);
      return rows.map(toLead);
    },
  };
}
