import type { Lead, LeadSearch } from '@pbx-gateway/core';
import { LEAD_PARAM_FILTERS } from '../../agent-api/lead-params';
import { bytesToText } from '../../wire/php-params';
import { listAllowed } from '../list-restriction';
import { defineNonAgentFunction, refuse, type NonAgentContext } from '../operation';
import { IDENTIFIER, readWith } from '../params';
import { ARCHIVED_LEAD_FILTER, leadTableOf, type LeadTable } from '../lead-table';

const readInput = readWith((params) => ({
  leadId: params.read('lead_id', { keep: ',0-9' }),
  vendorLeadCode: params.read('vendor_lead_code', LEAD_PARAM_FILTERS.vendor_lead_code),
  phoneNumber: params.read('phone_number', { keep: ',0-9' }),
  listId: params.read('list_id', { keep: '0-9' }),
  searchMethod: params.read('search_method', IDENTIFIER),
  searchLocation: params.read('search_location', { keep: 'A-Z' }),
  records: params.read('records', { keep: '0-9' }),
  header: params.read('header', { keep: '0-9{L}' }),
  archivedLead: params.read('archived_lead', ARCHIVED_LEAD_FILTER),
}));

type LeadSearchInput = ReturnType<typeof readInput>['value'];

/** What the request searches by: each key as given, and the lead field it names. */
interface SearchKeys {
  field: 'leadId' | 'vendorLeadCode' | 'phoneNumber';
  keys: string[];
}

/** LEAD_ID, VENDOR_LEAD_CODE and PHONE_NUMBER keys, comma-separated, those the method names and the request gives. */
function keysOf(input: LeadSearchInput, method: string): { leadIds: SearchKeys | null; vendorCodes: SearchKeys | null; phones: SearchKeys | null } {
  const split = (value: string) => value.split(',').filter((key) => key !== '');
  return {
    leadIds: method.includes('LEAD_ID') && input.leadId !== '' ? { field: 'leadId', keys: split(input.leadId) } : null,
    vendorCodes: method.includes('VENDOR_LEAD_CODE') && input.vendorLeadCode !== '' ? { field: 'vendorLeadCode', keys: split(input.vendorLeadCode) } : null,
    // A number of 6 to 18 digits; the whole parameter must have 6 characters or more.
    phones:
      method.includes('PHONE_NUMBER') && input.phoneNumber.length > 5 ? { field: 'phoneNumber', keys: split(input.phoneNumber).filter((key) => key.length > 5 && key.length < 19) } : null,
  };
}

/** CAMPAIGN: the lists of `list_id`'s campaign (any, when it has none); LIST: `list_id`; else anywhere. */
async function listsToSearch(ctx: NonAgentContext, location: string, listId: string): Promise<number[] | null> {
  if (location.includes('LIST')) return [Number(listId)];
  if (!location.includes('CAMPAIGN')) return null;
  const list = await ctx.core.getLeadList(Number(listId));
  return list ? (await ctx.core.leadListsOfCampaign(list.campaignId)).map((each) => each.id) : null;
}

/** The leads with any of the keys, the newest first, at most `records` in all. */
async function leadsWith(table: LeadTable, search: SearchKeys, lists: number[] | null, records: number): Promise<Lead[]> {
  const criteria = (key: string): LeadSearch => {
    const where: LeadSearch = search.field === 'leadId' ? { leadId: Number(key) } : { [search.field]: bytesToText(key) };
    return { ...where, newestFirst: true, ...(lists === null ? {} : { listIds: lists }) };
  };
  const found = await Promise.all([...new Set(search.keys)].map((key) => table.find(criteria(key), records)));
  const unique = new Map(found.flat().map((lead) => [lead.id, lead]));
  return [...unique.values()].sort((a, b) => b.id - a.id).slice(0, records);
}

/** Each lead's key as VICIdial compares it with the keys asked. */
const keyOf = (lead: Lead, field: SearchKeys['field']): string => (field === 'leadId' ? String(lead.id) : field === 'vendorLeadCode' ? lead.vendorLeadCode : lead.phoneNumber);

/**
 * lead_search: the leads of one or more numbers (or vendor codes, or lead
 * numbers; tried in that order until one finds any), one line per number
 * and vendor code asked: the key, how many leads, their numbers joined by
 * `-`, the newest first; `archived_lead=Y` searches the archived leads.
 */
export const leadSearch = defineNonAgentFunction({
  name: 'lead_search',
  function: 'lead_search',
  auth: {
    allows: (user) => user.level > 7 && user.modifyLeads >= 1 && user.modifyLeads <= 5,
    denied: (user) => `ERROR: lead_search USER DOES NOT HAVE PERMISSION TO SEARCH FOR LEADS: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const listNumber = Number(input.listId);
    const location = input.searchLocation.length < 4 || listNumber < 99 || input.listId.length < 3 ? 'SYSTEM' : input.searchLocation;
    const method = input.searchMethod.length < 6 ? 'PHONE_NUMBER' : input.searchMethod;
    const records = input.records === '' ? 1000 : Number(input.records);
    const { leadIds, vendorCodes, phones } = keysOf(input, method);
    if (!leadIds && !vendorCodes && !phones) {
      const asked = (value: string, used: unknown) => `${value}(${used ? 1 : 0})`;
      throw refuse(
        `ERROR: lead_search NO VALID SEARCH METHOD - ${ctx.user}|${method}|${asked(input.leadId, leadIds)}|${asked(input.vendorLeadCode, vendorCodes)}|${asked(input.phoneNumber, phones)}`,
      );
    }
    if (ctx.apiUser.apiListRestrict && listNumber >= 99 && !(await listAllowed(ctx, listNumber))) {
      throw refuse(`ERROR: lead_search NOT AN ALLOWED LIST ID - ${input.phoneNumber}|${input.listId}`);
    }
    const lists = await listsToSearch(ctx, location, input.listId);
    const table = leadTableOf(ctx, input.archivedLead);
    let found: Lead[] = [];
    let field: SearchKeys['field'] = 'phoneNumber';
    for (const search of [leadIds, vendorCodes, phones]) {
      if (!search || found.length > 0) continue;
      found = await leadsWith(table, search, lists, records);
      field = search.field;
    }
    if (found.length === 0) throw refuse(`ERROR: lead_search NO MATCHES FOUND IN THE SYSTEM: |${ctx.user}|${input.leadId}|${input.vendorLeadCode}|${input.phoneNumber}`);
    const line = (key: string) => {
      const matches = found.filter((lead) => keyOf(lead, field) === bytesToText(key));
      return `${key}|${matches.length}|${matches.map((lead) => lead.id).join('-')}`;
    };
    const lines = [...(phones?.keys ?? []), ...(vendorCodes?.keys ?? [])].map(line);
    // VICIdial joins the header's names with a separator this function never sets: nothing.
    if (input.header === 'YES') lines.unshift('search_keyrecords_foundlead_ids');
    return lines.join('\n');
  },
  render: (lines) => lines,
});
