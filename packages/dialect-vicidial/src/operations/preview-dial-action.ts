import type { LeadPreviewAction } from '@pbx-gateway/core';
import { readAgentCommandInput } from '../agent-api/agent-command';
import { campaignOf, checkManualDialAllowed, notPaused, pausedWithoutLead } from '../agent-api/manual-dial-checks';
import { defineAgentOperation } from '../agent-api/operation';
import { agentIdOf, checkAllowList, liveSession, resolveAgentUser, stopWith, type AgentOperationContext } from '../agent-api/steps';
import { agentNotLoggedIn, ownCheck, type Refusal } from '../errors';
import { vicidialStatusOf } from '../wire/agent-status';
import { utf8ToBytes } from '../wire/php-params';

const ACTIONS: ReadonlySet<string> = new Set(['SKIP', 'DIALONLY', 'ALTDIAL', 'ADR3DIAL', 'FINISH']);
/** Actions that dial or close a lead on another of its numbers: only where alternate-number dialling is on. */
const ALT_NUMBER_ACTIONS: ReadonlySet<string> = new Set(['ALTDIAL', 'ADR3DIAL', 'FINISH']);

const noPreviewedLead: Refusal = { kind: 'agent_not_paused', end: 'line', text: (ctx) => `ERROR: agent_user is not paused - ${ctx.target?.agentUser ?? ctx.request.agent_user}` };

/**
 * preview_dial_action (spec §3.2): what becomes of the lead an agent
 * previews. DIALONLY, ALTDIAL and ADR3DIAL dial it (main, alternate,
 * address3 number) into the conference; SKIP drops it; FINISH closes it
 * without a call, for its disposition. A paused agent previewing no lead
 * gets VICIdial's SUCCESS, with nothing to act on.
 */
export const previewDialAction = defineAgentOperation({
  name: 'preview_dial_action',
  function: 'preview_dial_action',
  auth: 'allow-list',
  input: readAgentCommandInput,
  async run(ctx: AgentOperationContext, input): Promise<{ value: string; agentUser: string }> {
    const value = input.value.replace(/[^A-Z0-9]/g, '');
    const { agent_user: givenAgent, alt_user: altUser } = input;
    if (!ACTIONS.has(value) || (givenAgent.length < 2 && altUser.length < 2)) {
      throw stopWith(ownCheck('line', `ERROR: preview_dial_action not valid - ${value}||${givenAgent}|${altUser}`));
    }
    checkAllowList(ctx, value);
    const agentUser = await resolveAgentUser(ctx, `ERROR: no user found - ${altUser}`);
    const session = await liveSession(ctx, agentUser);
    ctx.target = { agentUser };
    if (!session) throw stopWith(agentNotLoggedIn);
    const campaign = await campaignOf(ctx, session);
    const campaignId = utf8ToBytes(campaign?.id ?? '');
    const previewMode = campaign?.manualPreviewDial ?? 'DISABLED';
    if (previewMode === 'DISABLED') {
      throw stopWith(ownCheck('exit', `ERROR: preview dialing not allowed on this campaign - ${agentUser}|${campaignId}|DISABLED`));
    }
    if (previewMode === 'PREVIEW_ONLY' && value === 'SKIP') {
      throw stopWith(ownCheck('exit', `ERROR: preview dial skipping not allowed on this campaign - ${agentUser}|${campaignId}|PREVIEW_ONLY`));
    }
    if (campaign?.altNumberDialing !== true && ALT_NUMBER_ACTIONS.has(value)) {
      throw stopWith(ownCheck('exit', `ERROR: alt number dialing not allowed on this campaign - ${agentUser}|${campaignId}|N`));
    }
    // VICIdial checks the status alone: PAUSED (in DISPO too, which it shows as PAUSED).
    if (vicidialStatusOf(session) !== 'PAUSED') throw notPaused(agentUser);
    await checkManualDialAllowed(ctx, agentUser);
    if (!pausedWithoutLead(session) || session.previewLeadId === null) {
      // VICIdial's script answers SUCCESS; its screen, previewing no lead, has nothing to act on: neither has the gateway.
      ctx.answer.actionComment(`preview_dial_action: agent ${agentUser} previews no lead, nothing done`);
      return { value, agentUser };
    }
    const agentId = agentIdOf(agentUser);
    if (value === 'SKIP' || value === 'FINISH') {
      const action: LeadPreviewAction = { kind: value === 'SKIP' ? 'skip' : 'finish' };
      const { leadId } = await ctx.core.previewLead({ agentId, action });
      ctx.answer.actionComment(`preview_dial_action: lead ${leadId} ${value === 'SKIP' ? 'skipped' : 'finished without a call'}`);
      return { value, agentUser };
    }
    const lead = await ctx.core.getLead(session.previewLeadId);
    const field = lead === null ? '' : value === 'ALTDIAL' ? lead.altPhone : value === 'ADR3DIAL' ? lead.address3 : lead.phoneNumber;
    const number = field.replace(/[^0-9]/g, '');
    if (lead === null || number.length < 2) {
      throw stopWith(ownCheck('exit', `ERROR: phone number is not valid - ${agentUser}|${number}|${session.previewLeadId}|${value}`));
    }
    const prefix = `${campaign?.dialPrefix ?? ''}${lead.phoneCode}`;
    const origin = { dialect: 'vicidial', operation: 'preview_dial_action', apiUserId: ctx.apiUser.id };
    const { callId } = await ctx.core.startAgentCustomerCall({ agentId, number, callerId: campaign?.campaignCid ?? null, origin, leadId: lead.id, dialPrefix: prefix });
    ctx.answer.actionComment(`preview_dial_action: lead ${lead.id} dialled on ${number}, call ${callId}`);
    return { value, agentUser };
  },
  render: ({ value, agentUser }, ctx) => ctx.answer.line(`SUCCESS: preview_dial_action function set - ${value}|${agentUser}|${value}`),
  errors: { AGENT_NOT_PAUSED: noPreviewedLead, NO_ACTIVE_LEAD: noPreviewedLead, AGENT_BUSY: noPreviewedLead },
});
