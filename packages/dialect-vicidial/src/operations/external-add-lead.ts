import type { DomainErrorDetails } from '@pbx-gateway/core';
import { inputOf, PATTERNS } from '../agent-api/input-schema';
import { asked, leadFieldsOf, leadInputSchema, STORED_LEAD_PARAMS, type LeadParamName } from '../agent-api/lead-params';
import { keptByColumns } from '../wire/kept-lead-values';
import { defineAgentOperation } from '../agent-api/operation';
import type { AgentRequest } from '../agent-api/request';
import { checkAllowList, liveSession, resolveAgentUser, stopWith, type AgentOperationContext } from '../agent-api/steps';
import { agentNotLoggedIn, echoedAgent, ownCheck, type Refusal } from '../errors';
import { bytesToText, utf8ToBytes } from '../wire/php-params';

/** The lead fields external_add_lead stores (spec §3.2), and the two do-not-call switches. */
const LEAD_FIELDS = [...STORED_LEAD_PARAMS, 'dnc_check', 'campaign_dnc_check'] as const satisfies readonly LeadParamName[];

type AddLeadInput = Pick<AgentRequest, 'value' | 'agent_user' | 'alt_user' | (typeof LEAD_FIELDS)[number]>;

const readInput = inputOf(
  leadInputSchema<AddLeadInput>({ value: PATTERNS.value, agent_user: PATTERNS.identifier, alt_user: PATTERNS.alphanumeric }, LEAD_FIELDS),
  ['value', 'agent_user', 'alt_user', ...LEAD_FIELDS],
);

/**
 * The number the lead is added with, as the lines echo it: `value`, else a
 * `phone_number` of 2 bytes or more (VICIdial's script takes a shorter one
 * not at all: the number stays empty).
 */
const numberOf = (request: AgentRequest): string => (request.value.length < 1 && request.phone_number.length > 1 ? request.phone_number : request.value);

const text = (bytes: string): string => bytesToText(bytes);

const campaignOf = (details: DomainErrorDetails): string => utf8ToBytes(String(details.campaignId ?? ''));

const noManualDialList: Refusal = {
  kind: 'no_manual_dial_list',
  end: 'line',
  text: (ctx) => `ERROR: campaign manual dial list undefined - ${numberOf(ctx.request)}||${echoedAgent(ctx)}`,
};

/** One line per list that holds the number: the system's, then the campaign's. */
const numberInDnc: Refusal = {
  kind: 'number_in_dnc',
  end: 'line',
  text: (ctx, details) =>
    [
      ...(details.system === true ? [`ERROR: add_lead PHONE NUMBER IN DNC - ${numberOf(ctx.request)}|${echoedAgent(ctx)}`] : []),
      ...(details.campaign === true ? [`ERROR: add_lead PHONE NUMBER IN CAMPAIGN DNC - ${numberOf(ctx.request)}|${campaignOf(details)}|${echoedAgent(ctx)}`] : []),
    ].join('\n'),
};

const leadInsertionFailed: Refusal = {
  kind: 'lead_insertion_failed',
  end: 'line',
  text: (ctx, details) => `ERROR: lead insertion failed - ${numberOf(ctx.request)}|${campaignOf(details)}|${String(details.listId ?? '')}|${echoedAgent(ctx)}`,
};

/**
 * external_add_lead (seed 002, spec §3.2): a new lead, status NEW, in the
 * manual-dial list of the agent's campaign, unless its number is on a
 * do-not-call list the request asks to check. No telephony.
 */
export const externalAddLead = defineAgentOperation({
  name: 'external_add_lead',
  function: 'external_add_lead',
  auth: 'allow-list',
  input: readInput,
  async run(ctx: AgentOperationContext, input) {
    const number = numberOf(ctx.request);
    const { agent_user: givenAgent, alt_user: altUser, phone_code: phoneCode } = input;
    if ((givenAgent.length < 2 && altUser.length < 2) || phoneCode.length < 1 || number.length < 2) {
      throw stopWith(ownCheck('exit', `ERROR: external_add_lead not valid - ${number}|${phoneCode}|${givenAgent}|${altUser}`));
    }
    checkAllowList(ctx, number);
    const agentUser = await resolveAgentUser(ctx, `ERROR: no user found - ${altUser}`);
    const session = await liveSession(ctx, agentUser);
    ctx.target = { agentUser };
    if (!session) throw stopWith(agentNotLoggedIn);
    const added = await ctx.core.addLead({
      campaignId: session.campaignId,
      fields: keptByColumns(leadFieldsOf(input, number)),
      addedBy: text(ctx.request.user),
      dncChecks: { system: asked(input.dnc_check), campaign: asked(input.campaign_dnc_check) },
    });
    ctx.answer.actionComment(`external_add_lead: lead ${added.lead.id} added to list ${added.lead.listId}`);
    return { number, campaignId: utf8ToBytes(added.campaignId), listId: added.lead.listId, leadId: added.lead.id, agentUser };
  },
  render: (added, ctx) =>
    ctx.answer.line(`SUCCESS: lead added - ${added.number}|${added.campaignId}|${added.listId}|${added.leadId}|${added.agentUser}`),
  errors: {
    CAMPAIGN_NOT_FOUND: noManualDialList,
    NO_MANUAL_DIAL_LIST: noManualDialList,
    NUMBER_IN_DNC: numberInDnc,
    LEAD_REJECTED: leadInsertionFailed,
  },
});
