import type { Lead, LeadChanges } from '@pbx-gateway/core';
import { LEAD_PARAM_FILTERS, leadFieldsOf, STORED_LEAD_PARAMS, type StoredLeadParams } from '../agent-api/lead-params';
import type { NonAgentParams } from './params';

/** The value that empties a field (update_lead, batch_update_lead). */
const BLANK = '--BLANK--';

type ChangedParam = Exclude<(typeof STORED_LEAD_PARAMS)[number], 'vendor_id'>;

/** Request parameter → the lead field it changes. */
const FIELD_OF: Readonly<Record<ChangedParam, keyof LeadChanges>> = {
  phone_code: 'phoneCode',
  phone_number: 'phoneNumber',
  vendor_lead_code: 'vendorLeadCode',
  source_id: 'sourceId',
  title: 'title',
  first_name: 'firstName',
  middle_initial: 'middleInitial',
  last_name: 'lastName',
  address1: 'address1',
  address2: 'address2',
  address3: 'address3',
  city: 'city',
  state: 'state',
  province: 'province',
  postal_code: 'postalCode',
  country_code: 'countryCode',
  gender: 'gender',
  date_of_birth: 'dateOfBirth',
  alt_phone: 'altPhone',
  email: 'email',
  security_phrase: 'securityPhrase',
  comments: 'comments',
  rank: 'rank',
  owner: 'owner',
};

/** The lead fields a Non-Agent request gives, each through its filter. */
export function readLeadFieldParams(params: NonAgentParams): StoredLeadParams {
  const lead = {} as StoredLeadParams;
  for (const name of STORED_LEAD_PARAMS) lead[name] = params.read(name, LEAD_PARAM_FILTERS[name]);
  // The Non-Agent API keeps digits only in a phone number.
  lead.phone_number = params.read('phone_number', { keep: '0-9' });
  return lead;
}

/** The fields given (`--BLANK--` empties one) that `wanted` keeps, as the lead's changes. */
export function givenLeadChanges(lead: StoredLeadParams, wanted: (param: ChangedParam, field: keyof LeadChanges) => boolean): LeadChanges {
  const blanked = { ...lead };
  for (const name of STORED_LEAD_PARAMS) if (blanked[name] === BLANK) blanked[name] = '';
  const fields = leadFieldsOf(blanked, blanked.phone_number);
  const changes: Record<string, unknown> = {};
  for (const [param, field] of Object.entries(FIELD_OF) as Array<[ChangedParam, keyof LeadChanges]>) {
    if (lead[param] === '' || !wanted(param, field)) continue;
    changes[field] = fields[field as keyof typeof fields];
  }
  return changes as LeadChanges;
}


/** Whether a change gives the lead a value it does not have (MySQL counts only rows whose values change). */
export const changesLead = (lead: Lead, changes: LeadChanges): boolean =>
  Object.entries(changes).some(([field, value]) => lead[field as keyof Lead] !== value);
