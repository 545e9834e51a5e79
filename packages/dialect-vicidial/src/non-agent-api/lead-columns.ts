import type { Lead } from '@pbx-gateway/core';
import { utf8ToBytes } from '../wire/php-params';
import { serverTime } from '../wire/server-time';

/** The columns of VICIdial's lead table (`vicidial_list`), in its order. */
export const LEAD_TABLE_COLUMNS = [
  'lead_id',
  'entry_date',
  'modify_date',
  'status',
  'user',
  'vendor_lead_code',
  'source_id',
  'list_id',
  'gmt_offset_now',
  'called_since_last_reset',
  'phone_code',
  'phone_number',
  'title',
  'first_name',
  'middle_initial',
  'last_name',
  'address1',
  'address2',
  'address3',
  'city',
  'state',
  'province',
  'postal_code',
  'country_code',
  'gender',
  'date_of_birth',
  'alt_phone',
  'email',
  'security_phrase',
  'comments',
  'called_count',
  'last_local_call_time',
  'rank',
  'owner',
  'entry_list_id',
] as const;

export type LeadTableColumn = (typeof LEAD_TABLE_COLUMNS)[number];

/** Whether a name is a column of the lead table; MySQL compares column names without case. */
export const leadTableColumn = (name: string): LeadTableColumn | null => LEAD_TABLE_COLUMNS.find((column) => column === name.toLowerCase()) ?? null;

/**
 * A lead's values by VICIdial's column names, as byte strings. A lead
 * without a date of birth shows MySQL's zero date, as one added through the
 * API does; the gateway keeps no time of the last call, so that column is
 * empty.
 */
export function leadColumns(lead: Lead, timeZone: string): Record<LeadTableColumn, string> {
  const values: Record<LeadTableColumn, string> = {
    lead_id: String(lead.id),
    entry_date: serverTime(lead.entryDate, timeZone).local,
    modify_date: serverTime(lead.modifyDate, timeZone).local,
    status: lead.status,
    user: lead.user,
    vendor_lead_code: lead.vendorLeadCode,
    source_id: lead.sourceId,
    list_id: String(lead.listId),
    gmt_offset_now: lead.gmtOffsetNow,
    called_since_last_reset: lead.calledSinceLastReset,
    phone_code: lead.phoneCode,
    phone_number: lead.phoneNumber,
    title: lead.title,
    first_name: lead.firstName,
    middle_initial: lead.middleInitial,
    last_name: lead.lastName,
    address1: lead.address1,
    address2: lead.address2,
    address3: lead.address3,
    city: lead.city,
    state: lead.state,
    province: lead.province,
    postal_code: lead.postalCode,
    country_code: lead.countryCode,
    gender: lead.gender,
    date_of_birth: lead.dateOfBirth ?? '0000-00-00',
    alt_phone: lead.altPhone,
    email: lead.email,
    security_phrase: lead.securityPhrase,
    comments: lead.comments,
    called_count: String(lead.calledCount),
    last_local_call_time: '',
    rank: String(lead.rank),
    owner: lead.owner,
    entry_list_id: String(lead.entryListId),
  };
  for (const column of LEAD_TABLE_COLUMNS) values[column] = utf8ToBytes(values[column]);
  return values;
}

/** The table's columns the lead functions do not print among a lead's fields (lead_all_info adds entry_list_id and lead_id itself). */
const NOT_AMONG_LEAD_INFO: ReadonlySet<LeadTableColumn> = new Set(['lead_id', 'entry_date', 'modify_date', 'called_since_last_reset', 'entry_list_id']);

/** The columns the lead functions print of a lead, in the table's order. */
export const LEAD_INFO_COLUMNS: readonly LeadTableColumn[] = LEAD_TABLE_COLUMNS.filter((column) => !NOT_AMONG_LEAD_INFO.has(column));
