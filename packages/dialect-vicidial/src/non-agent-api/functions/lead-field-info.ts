import { leadColumns, leadTableColumn } from '../lead-columns';
import { leadListVisible } from '../list-restriction';
import { defineNonAgentFunction, refuse } from '../operation';
import { readWith } from '../params';

/** A lead number of at most 11 digits, as VICIdial searches by it. */
const LONGEST_LEAD_ID = 11;

const readInput = readWith((params) => ({
  leadId: params.read('lead_id', { keep: '0-9' }),
  // VICIdial's last filter of field_name keeps space, `.`, and `,` to `_` (a range: digits, upper case, `:;<=>?@[\]^` too).
  fieldName: params.read('field_name', { keep: ' .,-_0-9{L}' }),
  customFields: params.read('custom_fields', { keep: '0-9{L}' }),
  archivedLead: params.read('archived_lead', { keep: '0-9{L}' }),
}));

/**
 * The column VICIdial's `SELECT <field_name>` prints: the first of a
 * comma-separated list of columns; null when any is not a column of the
 * lead table (the query fails).
 */
function firstColumnOf(fieldName: string): ReturnType<typeof leadTableColumn> {
  const columns = fieldName.split(',').map((name) => leadTableColumn(name.trim()));
  return columns.some((column) => column === null) ? null : (columns[0] ?? null);
}

/**
 * lead_field_info: the value of one field of a lead, printed alone without
 * a newline. The gateway keeps no custom fields and no archive: with
 * `custom_fields=Y` no field is found, with `archived_lead=Y` no lead.
 */
export const leadFieldInfo = defineNonAgentFunction({
  name: 'lead_field_info',
  partial: 'no custom fields or archived leads are kept: `custom_fields=Y` finds no field, `archived_lead=Y` no lead',
  function: 'lead_field_info',
  auth: {
    allows: (user) => user.level > 6 && user.modifyLeads >= 1 && user.modifyLeads <= 4,
    denied: (user) => `ERROR: lead_field_info USER DOES NOT HAVE PERMISSION TO GET LEAD INFO: |${user}|0|`,
  },
  input: readInput,
  async run(ctx, input) {
    const { leadId, fieldName } = input;
    if (leadId === '' || leadId.length > LONGEST_LEAD_ID || fieldName === '') {
      throw refuse(`ERROR: lead_field_info INVALID SEARCH PARAMETERS: ${ctx.user}|${leadId}|${fieldName}`);
    }
    const lead = input.archivedLead === 'Y' ? null : await ctx.core.getLead(Number(leadId));
    if (!lead) throw refuse(`ERROR: lead_field_info LEAD NOT FOUND: ${ctx.user}|${leadId}`);
    if (!(await (await leadListVisible(ctx))(lead))) throw refuse(`ERROR: lead_field_info LIST NOT FOUND: ${ctx.user}|${leadId}|${lead.listId}`);
    const column = input.customFields === 'Y' ? null : firstColumnOf(fieldName);
    if (!column) throw refuse(`ERROR: lead_field_info LIST FIELD NOT FOUND: ${ctx.user}|${leadId}`);
    return { bare: leadColumns(lead, ctx.settings.timeZone)[column] };
  },
  render: (answer) => answer,
});
