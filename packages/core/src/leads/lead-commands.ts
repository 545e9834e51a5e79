import type { CoreContext } from '../kernel/context';
import type { TrackWork } from '../kernel/tracked-work';
import { addLead, type AddedLead, type AddLeadRequest } from './add-lead';
import { addLeadToList, type AddedLeadToList, type AddLeadToListRequest } from './add-lead-to-list';
import type { Callback } from './callback';
import type { Campaign, LeadList } from './campaign';
import { dispositionAgentLead, type DispositionOutcome, type DispositionRequest } from './disposition';
import type { Lead, LeadSearch } from './lead';
import type { GroupAlias } from './group-alias';
import { previewLead, type LeadPreviewAction } from './lead-preview';
import { queueManualDial, type QueueManualDialOutcome } from './manual-dial-queue-commands';
import type { NewQueuedManualDial, QueuedManualDial } from './manual-dial-queue';
import { updateLead, type LeadChanges } from './update-lead';
import type { LeadCall } from './lead-call';
import type { LeadStatus } from './lead-status';
import type { VoicemailMessage } from './voicemail-message';
import { setLeadVoicemailMessage, type VoicemailMessageRequest } from './voicemail-message-commands';

/** Campaigns, their leads, dispositions and callbacks. */
export interface LeadCommands {
  getCampaign(campaignId: string): Promise<Campaign | null>;
  getLeadList(listId: number): Promise<LeadList | null>;
  /** The lists of one campaign, by id. */
  leadListsOfCampaign(campaignId: string): Promise<LeadList[]>;
  getLead(leadId: number): Promise<Lead | null>;
  /** Leads matching every criterion given, by lead number, at most `limit`. */
  findLeads(criteria: LeadSearch, limit: number): Promise<Lead[]>;
  updateLead(request: { leadId: number; changes: LeadChanges }): Promise<Lead | null>;
  findLeadStatus(status: string, campaignId: string | null): Promise<LeadStatus | null>;
  callbacksOfLead(leadId: number): Promise<Callback[]>;
  getLeadCall(callId: string): Promise<LeadCall | null>;
  addLead(request: AddLeadRequest): Promise<AddedLead>;
  addLeadToList(request: AddLeadToListRequest): Promise<AddedLeadToList>;
  dispositionAgentLead(request: DispositionRequest): Promise<DispositionOutcome>;
  findLeadInCampaign(campaignId: string, phoneNumber: string): Promise<Lead | null>;
  nextLeadToDial(campaignId: string, statuses: readonly string[]): Promise<Lead | null>;
  getGroupAlias(id: string): Promise<GroupAlias | null>;
  previewLead(request: { agentId: string; action: LeadPreviewAction }): Promise<{ leadId: number }>;
  queueManualDial(entry: Omit<NewQueuedManualDial, 'queuedAt'>): Promise<QueueManualDialOutcome>;
  manualDialQueueOf(agentId: string): Promise<QueuedManualDial[]>;
  /** Sets the message the voicemail drop of the lead on the agent's screen leaves. */
  setLeadVoicemailMessage(request: VoicemailMessageRequest): Promise<{ leadId: number }>;
  getLeadVoicemailMessage(leadId: number): Promise<VoicemailMessage | null>;
}

export function leadCommands(ctx: CoreContext, track: TrackWork): LeadCommands {
  const direct = ctx.store.direct;
  return {
    getCampaign: (campaignId) => direct.campaigns.get(campaignId),
    getLeadList: (listId) => direct.leadLists.get(listId),
    leadListsOfCampaign: (campaignId) => direct.leadLists.listOfCampaign(campaignId),
    getLead: (leadId) => direct.leads.get(leadId),
    findLeads: (criteria, limit) => direct.leads.search(criteria, limit),
    updateLead: (request) => track(updateLead(ctx, request)),
    findLeadStatus: (status, campaignId) => direct.leadStatuses.find(status, campaignId),
    callbacksOfLead: (leadId) => direct.callbacks.listForLead(leadId),
    getLeadCall: (callId) => direct.leadCalls.get(callId),
    addLead: (request) => track(addLead(ctx, request)),
    addLeadToList: (request) => track(addLeadToList(ctx, request)),
    dispositionAgentLead: (request) => track(dispositionAgentLead(ctx, request)),
    findLeadInCampaign: (campaignId, phoneNumber) => direct.leads.findInCampaign(campaignId, phoneNumber),
    nextLeadToDial: (campaignId, statuses) => direct.leads.nextToDial(campaignId, statuses),
    getGroupAlias: (id) => direct.groupAliases.get(id),
    previewLead: (request) => track(previewLead(ctx, request)),
    queueManualDial: (entry) => track(queueManualDial(ctx, entry)),
    manualDialQueueOf: (agentId) => direct.manualDialQueue.listForAgent(agentId),
    setLeadVoicemailMessage: (request) => track(setLeadVoicemailMessage(ctx, request)),
    getLeadVoicemailMessage: (leadId) => direct.voicemailMessages.get(leadId),
  };
}
