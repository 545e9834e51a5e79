import { isDomainError, leadFieldsWith, type AgentSession, type Campaign, type Lead, type LeadFields } from '@pbx-gateway/core';
import { readAgentCommandInput } from '../agent-api/agent-command';
import { groupAliasCallerId } from '../agent-api/group-alias';
import { keptByColumns } from '../wire/kept-lead-values';
import { campaignOf, checkManualDialAllowed, notPaused, pausedWithoutLead } from '../agent-api/manual-dial-checks';
import { defineAgentOperation } from '../agent-api/operation';
import { agentIdOf, checkAllowList, liveSession, resolveAgentUser, stopWith, type AgentOperationContext } from '../agent-api/steps';
import { agentNotLoggedIn, ownCheck } from '../errors';
import { bytesToText, utf8ToBytes } from '../wire/php-params';

const MANUAL_NEXT = 'MANUALNEXT';
/** The statuses MANUALNEXT takes a campaign's next lead from [INF]: leads nobody has called yet. */
const NEXT_LEAD_STATUSES = ['NEW'];
/** VICIdial's default country code of a lead. */
const DEFAULT_PHONE_CODE = '1';

/** What the SUCCESS line echoes once the number is settled. */
interface Dialled {
  value: string;
  agentUser: string;
  phoneCode: string;
  groupAlias: string;
  callerId: string;
  altDial: string;
  comment: string;
}

/**
 * The field a lead is dialled on, as `alt_dial` picks it (spec §3.2 step 8),
 * and the `alt_dial` echoed: SEARCH becomes the field found equal to the
 * value (MAIN before ALT before ADDR3, as VICIdial's script settles it);
 * null: SEARCH found none.
 */
function numberOfLead(lead: Lead, altDial: string, value: string): { field: string; altDial: string } | null {
  if (altDial === 'ALT') return { field: lead.altPhone, altDial };
  if (altDial === 'ADDR3') return { field: lead.address3, altDial };
  if (altDial !== 'SEARCH') return { field: lead.phoneNumber, altDial };
  const searched = bytesToText(value);
  const found = (
    [
      ['MAIN', lead.phoneNumber],
      ['ALT', lead.altPhone],
      ['ADDR3', lead.address3],
    ] as const
  ).find(([, field]) => field === searched);
  return found ? { field: found[1], altDial: found[0] } : null;
}

/** A lead's number as VICIdial dials it: digits only. */
const digitsOf = (text: string): string => utf8ToBytes(text).replace(/[^0-9]/g, '');

/**
 * The lead the call is for: the one named by `lead_id`, the campaign's next
 * (MANUALNEXT), one of the campaign's lists with the number (search=YES), or
 * a new lead in the campaign's manual-dial list.
 */
/** MANUALNEXT: the campaign's hopper first (as VICIdial's manual dial takes it), else its first lead nobody has called yet (the gateway fills no hopper by itself). */
async function nextLeadOf(ctx: AgentOperationContext, campaign: Campaign): Promise<Lead | null> {
  return (await ctx.core.takeLeadFromHopper(campaign.id)) ?? (await ctx.core.nextLeadToDial(campaign.id, NEXT_LEAD_STATUSES));
}

/**
 * null: MANUALNEXT and the campaign has no lead left to dial (VICIdial's
 * script answers SUCCESS all the same: its screen finds no lead to dial).
 */
async function leadToDial(
  ctx: AgentOperationContext,
  campaign: Campaign | null,
  session: AgentSession,
  agentUser: string,
  value: string,
): Promise<{ lead: Lead; number: string; phoneCode: string; altDial: string } | null> {
  const { lead_id: leadId, alt_dial: givenAltDial, phone_code: givenCode, search } = ctx.request;
  // A lead_id given at all (even `0`, which names no lead) is looked up, as VICIdial's script does.
  if (leadId.length > 0 || value === MANUAL_NEXT) {
    const lead = leadId.length > 0 ? await ctx.core.getLead(Number(leadId)) : campaign && (await nextLeadOf(ctx, campaign));
    if (!lead) {
      if (leadId.length < 1) return null;
      throw stopWith(ownCheck('exit', `ERROR: lead_id is not valid - ${agentUser}|${leadId}`));
    }
    const picked = numberOfLead(lead, givenAltDial, value);
    if (picked === null) throw stopWith(ownCheck('exit', `ERROR: phone number lead_id search not found - ${agentUser}||${leadId}|`));
    const number = digitsOf(picked.field);
    if (number.length < 2) throw stopWith(ownCheck('exit', `ERROR: phone number is not valid - ${agentUser}|${number}|${leadId}|${picked.altDial}`));
    return { lead, number, phoneCode: utf8ToBytes(lead.phoneCode), altDial: picked.altDial };
  }
  const phoneCode = givenCode === '' ? DEFAULT_PHONE_CODE : givenCode;
  const found = search === 'YES' && campaign ? await ctx.core.findLeadInCampaign(campaign.id, value) : null;
  if (found) return { lead: found, number: value, phoneCode, altDial: givenAltDial };
  const { lead } = await ctx.core.addLead({
    campaignId: session.campaignId,
    fields: newLeadFields(value, phoneCode, bytesToText(ctx.request.vendor_id)),
    addedBy: session.agentId,
    dncChecks: { system: false, campaign: false },
  });
  return { lead, number: value, phoneCode, altDial: givenAltDial };
}

function newLeadFields(number: string, phoneCode: string, vendorLeadCode: string): LeadFields {
  return keptByColumns(leadFieldsWith({ phoneCode, phoneNumber: number, vendorLeadCode }));
}

/** The queue modes of `api_manual_dial`: the number is queued for the agent instead of dialled now. */
const QUEUE_MODES: ReadonlySet<string> = new Set(['QUEUE', 'QUEUE_AND_AUTOCALL']);

const alreadyQueued = (agentUser: string, number: string) =>
  stopWith(ownCheck('line', `ERROR: phone_number is already in this agents manual dial queue - ${agentUser}|${number}`));

/** A number waiting in the agent's queue is refused before a lead is added for it again. */
async function checkNotQueued(ctx: AgentOperationContext, agentUser: string, number: string): Promise<void> {
  const queued = await ctx.core.manualDialQueueOf(agentIdOf(agentUser));
  if (queued.some((entry) => entry.phoneNumber === bytesToText(number))) throw alreadyQueued(agentUser, number);
}

/**
 * external_dial (seed 002, spec §3.2): the agent's manual call, in the
 * script's order of checks. The lead is found or added, then shown
 * (preview=YES), queued (the campaign's queue modes) or dialled into the
 * agent's conference, the agent going INCALL with the lead on the screen.
 */
export const externalDial = defineAgentOperation({
  name: 'external_dial',
  function: 'external_dial',
  auth: 'allow-list',
  input: readAgentCommandInput,
  async run(ctx: AgentOperationContext, input): Promise<Dialled> {
    const request = ctx.request;
    const { agent_user: givenAgent, alt_user: altUser } = input;
    let value = input.value === MANUAL_NEXT ? MANUAL_NEXT : input.value.replace(/[^0-9]/g, '');
    const { phone_code: phoneCode, search, preview, focus, lead_id: leadId } = request;
    if ((value.length < 2 && leadId.length < 1) || (givenAgent.length < 2 && altUser.length < 2) || search.length < 2 || preview.length < 2 || focus.length < 2) {
      throw stopWith(ownCheck('line', `ERROR: external_dial not valid - ${value}|${phoneCode}|${search}|${preview}|${focus}|${leadId}|${givenAgent}|${altUser}`));
    }
    checkAllowList(ctx, value);
    const agentUser = await resolveAgentUser(ctx, `ERROR: no user found - ${altUser}`);
    const session = await liveSession(ctx, agentUser);
    ctx.target = { agentUser };
    if (!session) throw stopWith(agentNotLoggedIn);

    const ingroup = request.dial_ingroup.length > 0 ? await ctx.core.getQueue(bytesToText(request.dial_ingroup)) : null;
    if (request.dial_ingroup.length > 0 && !ingroup) ctx.answer.line(`NOTICE: defined dial_ingroup not found - ${request.dial_ingroup}`);
    const campaign = await campaignOf(ctx, session);
    const mode = campaign?.apiManualDial ?? 'STANDARD';
    const queued = QUEUE_MODES.has(mode);
    // STANDARD: VICIdial's PAUSED with no lead on the screen (its session lead_id < 1), unless dialled for an in-group.
    if (!queued && !ingroup && !pausedWithoutLead(session)) throw notPaused(agentUser);
    await checkManualDialAllowed(ctx, agentUser);

    let groupAlias = request.group_alias;
    let callerId = groupAlias.length > 1 ? await groupAliasCallerId(ctx, agentUser, groupAlias) : '';
    if (request.outbound_cid.length > 1) {
      if (ctx.settings.outboundCidAny !== 'API_ONLY') {
        throw stopWith(ownCheck('exit', `ERROR: outbound_cid is not allowed on this system - ${agentUser}|${request.outbound_cid}|${ctx.settings.outboundCidAny}`));
      }
      callerId = request.outbound_cid;
      groupAlias = '-FORCE-';
    }
    if (request.vtiger_callback === 'YES' && value.startsWith('99')) {
      // The gateway keeps no Vtiger: no callback activity exists there.
      value = value.slice(2);
      throw stopWith(ownCheck('exit', `ERROR: vtiger callback activity does not exist in vtiger system - ${value}`));
    }

    if (queued && value !== MANUAL_NEXT && leadId.length < 1) await checkNotQueued(ctx, agentUser, value);
    const picked = await leadToDial(ctx, campaign, session, agentUser, value);
    if (picked === null) {
      return { value, agentUser, phoneCode, groupAlias, callerId, altDial: request.alt_dial, comment: `external_dial: no lead left to dial in campaign ${campaign?.id ?? ''}, nothing dialled` };
    }
    const { lead, number, phoneCode: dialCode, altDial } = picked;
    // VICIdial echoes what its script settled: a lead_id's number, phone code and field; else the value (MANUALNEXT too) and phone_code as given.
    const byLead = leadId.length > 0;
    const dialPrefix = request.dial_prefix.length > 0 ? request.dial_prefix : utf8ToBytes(campaign?.dialPrefix ?? '');
    const dialled: Omit<Dialled, 'comment'> = { value: byLead ? number : value, agentUser, phoneCode: byLead ? dialCode : phoneCode, groupAlias, callerId, altDial };
    const cid = callerId !== '' ? bytesToText(callerId) : (campaign?.campaignCid ?? null);
    const agentId = agentIdOf(agentUser);
    const origin = { dialect: 'vicidial', operation: 'external_dial', apiUserId: ctx.apiUser.id };

    if (queued) {
      try {
        const { callId } = await ctx.core.queueManualDial({
          agentId,
          phoneNumber: number,
          phoneCode: dialCode,
          leadId: lead.id,
          callerId: cid,
          dialPrefix: bytesToText(dialPrefix),
          whileReady: mode === 'QUEUE_AND_AUTOCALL',
          origin,
        });
        return { ...dialled, comment: `external_dial: ${number} queued for agent ${agentUser}${callId ? ', dialled at once' : ''}` };
      } catch (error) {
        if (isDomainError(error) && error.details?.alreadyQueued === true) throw alreadyQueued(agentUser, number);
        throw error;
      }
    }
    if (preview === 'YES') {
      await ctx.core.previewLead({ agentId, action: { kind: 'show', leadId: lead.id } });
      return { ...dialled, comment: `external_dial: lead ${lead.id} previewed by agent ${agentUser}` };
    }
    const { callId } = await ctx.core.startAgentCustomerCall({ agentId, number, callerId: cid, origin, leadId: lead.id, dialPrefix: bytesToText(`${dialPrefix}${dialCode}`) });
    return { ...dialled, comment: `external_dial: lead ${lead.id} dialled on ${number}, call ${callId}` };
  },
  render: (done, ctx) => {
    const r = ctx.request;
    ctx.answer.actionComment(done.comment);
    ctx.answer.line(
      `SUCCESS: external_dial function set - ${done.value}|${done.agentUser}|${done.phoneCode}|${r.search}|${r.preview}|${r.focus}|${r.vendor_id}|${ctx.epoch}|${r.dial_prefix}|${done.groupAlias}|${done.callerId}|${done.altDial}`,
    );
  },
  errors: {
    AGENT_NOT_PAUSED: { kind: 'agent_not_paused', end: 'line', text: (ctx) => `ERROR: agent_user is not paused - ${ctx.target?.agentUser ?? ctx.request.agent_user}` },
    AGENT_BUSY: { kind: 'agent_not_paused', end: 'line', text: (ctx) => `ERROR: agent_user is not paused - ${ctx.target?.agentUser ?? ctx.request.agent_user}` },
  },
});
