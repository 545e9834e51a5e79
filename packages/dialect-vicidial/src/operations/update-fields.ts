import type { LeadFields } from '@pbx-gateway/core';
import type { JSONSchemaType } from 'ajv';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { leadParamPattern, type LeadParamName } from '../agent-api/lead-params';
import { keptByColumns } from '../wire/kept-lead-values';
import { defineAgentOperation } from '../agent-api/operation';
import type { AgentRequest } from '../agent-api/request';
import { namesInRequest, SCREEN_RELOADS, screenAgentSession, type NamedInRequest } from '../agent-api/screen-request';
import { agentIdOf, stopWith } from '../agent-api/steps';
import { echoedAgent, noLeadOnScreen, ownCheck, type Refusal } from '../errors';
import { bytesToText } from '../wire/php-params';

/** The lead fields in VICIdial's order, each with the lead's field and how a filtered value becomes it. */
const LEAD_FIELDS = [
  ['phone_code', 'phoneCode'],
  ['address1', 'address1'],
  ['address2', 'address2'],
  ['address3', 'address3'],
  ['alt_phone', 'altPhone'],
  ['city', 'city'],
  ['comments', 'comments'],
  ['country_code', 'countryCode'],
  ['date_of_birth', 'dateOfBirth'],
  ['email', 'email'],
  ['first_name', 'firstName'],
  ['gender', 'gender'],
  ['gmt_offset_now', 'gmtOffsetNow'],
  ['last_name', 'lastName'],
  ['middle_initial', 'middleInitial'],
  ['phone_number', 'phoneNumber'],
  ['postal_code', 'postalCode'],
  ['province', 'province'],
  ['security_phrase', 'securityPhrase'],
  ['source_id', 'sourceId'],
  ['state', 'state'],
  ['title', 'title'],
  ['vendor_lead_code', 'vendorLeadCode'],
  ['rank', 'rank'],
  ['owner', 'owner'],
] as const satisfies ReadonlyArray<readonly [LeadParamName, keyof LeadFields]>;

type LeadFieldParam = (typeof LEAD_FIELDS)[number][0];

/** The script looks for `phone_code` … `phone_number` case-sensitively, for the fields after them in any case. */
const CASE_SENSITIVE_UP_TO = LEAD_FIELDS.findIndex(([name]) => name === 'phone_number');

const SELECTABLE: readonly NamedInRequest[] = [
  ...LEAD_FIELDS.map(([name], index) => ({ name, caseSensitive: index <= CASE_SENSITIVE_UP_TO })),
  ...SCREEN_RELOADS,
];

type UpdateFieldsInput = Pick<AgentRequest, 'value' | 'agent_user' | 'raw_query' | LeadFieldParam>;

const schema = {
  type: 'object',
  properties: {
    value: { type: 'string', pattern: PATTERNS.value },
    agent_user: { type: 'string', pattern: PATTERNS.identifier },
    raw_query: { type: 'string' },
    ...Object.fromEntries(LEAD_FIELDS.map(([name]) => [name, { type: 'string', pattern: leadParamPattern(name) }])),
  },
  required: ['value', 'agent_user', 'raw_query', ...LEAD_FIELDS.map(([name]) => name)],
} as unknown as JSONSchemaType<UpdateFieldsInput>;

const readInput = inputOf(schema, ['value', 'agent_user', 'raw_query', ...LEAD_FIELDS.map(([name]) => name)]);

/** A filtered value as the lead keeps it: no date of birth when empty, rank 0 when empty, gender U unless M or F. */
function leadValueOf(field: keyof LeadFields, bytes: string): LeadFields[keyof LeadFields] {
  const text = bytesToText(bytes);
  if (field === 'dateOfBirth') return text === '' ? null : text;
  if (field === 'rank') return text === '' ? 0 : Number(text);
  if (field === 'gender') return text === 'M' || text === 'F' ? text : 'U';
  return text;
}

/** What the lines echo of the request: the names selected, and the lead fields among them as `name="value"`. */
function fieldsEchoOf(request: UpdateFieldsInput): { names: string[]; fields: typeof LEAD_FIELDS[number][]; assignments: string } {
  const names = namesInRequest(request.raw_query, SELECTABLE);
  const fields = LEAD_FIELDS.filter(([name]) => names.includes(name));
  return { names, fields, assignments: fields.map(([name]) => `${name}="${request[name]}"`).join(',') };
}

/**
 * A value the lead cannot keep (longer than its column, a day that does not
 * exist): nothing changes, and a line of the gateway's own in the SUCCESS
 * line's layout, with no rows changed.
 */
const leadNotUpdated: Refusal = {
  kind: 'own_check',
  end: 'line',
  text: (ctx, details) => {
    const { names, assignments } = fieldsEchoOf(ctx.request);
    return `ERROR: update_fields lead not updated - ${ctx.request.user}|${echoedAgent(ctx)}|${String(details.leadId ?? '')}|0|0|${names.join(',')}|${assignments}|`;
  },
};

/**
 * update_fields (seed 002, spec §3.2): changes fields of the lead on the
 * agent's screen and asks the screen to reload them (and the forms, scripts
 * … named). Which fields: VICIdial's rule, replicated: a field is changed
 * when its name occurs anywhere in the request, to the value given (empty
 * when none is). No alt_user step.
 */
export const updateFields = defineAgentOperation({
  name: 'update_fields',
  function: 'update_fields',
  auth: 'allow-list',
  input: readInput,
  async run(ctx, input): Promise<string> {
    const { value, agent_user: agentUser } = input;
    const session = await screenAgentSession(ctx, agentUser, value);
    const user = ctx.request.user;
    if (ctx.apiUser.modifyLeads < 1 || ctx.apiUser.modifyLeads > 4) {
      throw stopWith(ownCheck('line', `ERROR: user is not allowed to modify lead information - ${agentUser}|${user}`));
    }
    if (!session.lead) throw stopWith(noLeadOnScreen);
    const { names, fields, assignments } = fieldsEchoOf(input);
    if (names.length === 0) throw stopWith(ownCheck('line', `ERROR: no fields have been defined - ${agentUser}`));
    const changes = keptByColumns(Object.fromEntries(fields.map(([name, field]) => [field, leadValueOf(field, input[name])])) as Partial<LeadFields>);
    const list = names.join(',');
    const updated = await ctx.core.updateScreenLead({ agentId: agentIdOf(agentUser), changes, screenRefresh: list });
    ctx.answer.actionComment(`update_fields: lead ${updated.leadId} ${updated.leadChanged ? 'updated' : 'unchanged'}, screen asked to reload ${list}`);
    return `SUCCESS: update_fields lead updated - ${user}|${agentUser}|${updated.leadId}|${updated.leadChanged ? 1 : 0}|${updated.screenChanged ? 1 : 0}|${list}|${assignments}|`;
  },
  render(line, ctx) {
    ctx.answer.line(line);
  },
  errors: { LEAD_REJECTED: leadNotUpdated },
});
