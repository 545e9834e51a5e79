import type { CoreContext } from '../kernel/context';
import type { TrackWork } from '../kernel/tracked-work';
import { addLead, type AddedLead, type AddLeadRequest } from './add-lead';
import { addLeadToList, type AddedLeadToList, type AddLeadToListRequest } from './add-lead-to-list';
import { addDncNumber } from './add-dnc-number';
import { addLeadList } from './add-lead-list';
import { removeLeadList } from './remove-lead-list';
import { updateLeadList, type LeadListChanges } from './update-lead-list';
import { updateCampaign, type CampaignChanges } from './update-campaign';
import { resetCampaignHopper } from './reset-campaign-hopper';
import type { Callback } from './callback';
import type { DncEntry, DncScope } from './do-not-call';
import { removeDncNumber } from './remove-dnc-number';
import { deleteLead } from './delete-lead';
import { archiveLead } from './archive-lead';
import { dearchiveLead, type LeadDearchive } from './dearchive-lead';
import { addLeadToHopper, type HopperAddition, type HopperRequest } from './add-to-hopper';
import { removeLeadFromHopper, type HopperRemoval } from './remove-from-hopper';
import type { HopperEntry } from './hopper';
import { takeLeadFromHopper } from './take-from-hopper';
import { changeLeadCallback, removeLeadCallbacks, scheduleLeadCallback, type CallbackChanges } from './schedule-callback';
import type { LeadCallback } from './add-lead-to-list';
import type { Campaign, DialableLeadRule, LeadList } from './campaign';
import { resetLeadList, type LeadListResetDone } from './reset-lead-list';
import { dispositionAgentLead, type DispositionOutcome, type DispositionRequest } from './disposition';
import type { Lead, LeadSearch } from './lead';
import { addGroupAlias } from './add-group-alias';
import type { GroupAlias } from './group-alias';
import type { SettingsContainer } from './settings-container';
import type { CallMenu } from './call-menu';
import type { VoicemailBox } from './voicemail-box';
import { numberGmtOffset, type NumberGmtOffset, type NumberToLocate, type TimeZoneMethod } from './number-time-zone';
import type { NanpaPrefix, PhoneCode } from './phone-code';
import type { CallTime, StateCallTime } from './call-time';
import type { PhoneCodeQuery } from '../ports/lead-repositories';
import { previewLead, type LeadPreviewAction } from './lead-preview';
import { queueManualDial, type QueueManualDialOutcome } from './manual-dial-queue-commands';
import type { NewQueuedManualDial, QueuedManualDial } from './manual-dial-queue';
import { updateLead, type LeadChanges } from './update-lead';
import { updateScreenLead, type ScreenLeadUpdate, type ScreenLeadUpdated } from './screen-lead-update';
import { switchAgentLead, type LeadSwitch } from './lead-switch';
import type { LeadCall, LeadCallSearch } from './lead-call';
import { setLeadCallStatus, type LeadCallStatusChange } from './set-lead-call-status';
import type { LeadStatus } from './lead-status';
import type { LeadCustomValues, ListCustomField } from './list-custom-field';
import { setLeadCustomValues, type LeadCustomValuesSet } from './lead-custom-values';
import { copyListCustomFields, type CustomFieldsCopyMethod } from './copy-list-custom-fields';
import { defineListCustomField, removeListCustomField, type ListCustomFieldDefined } from './define-list-custom-field';
import type { VoicemailMessage } from './voicemail-message';
import { setLeadVoicemailMessage, type VoicemailMessageRequest } from './voicemail-message-commands';

/** Campaigns, their leads, dispositions and callbacks. */
export interface LeadCommands {
  getCampaign(campaignId: string): Promise<Campaign | null>;
  /** Every campaign, by id. */
  listCampaigns(): Promise<Campaign[]>;
  getLeadList(listId: number): Promise<LeadList | null>;
  /** The lists of one campaign, by id. */
  leadListsOfCampaign(campaignId: string): Promise<LeadList[]>;
  /** False when a list with that id exists already. */
  addLeadList(list: LeadList): Promise<boolean>;
  /** Null when there is no such list. */
  updateLeadList(request: { listId: number; changes: LeadListChanges }): Promise<LeadList | null>;
  updateCampaign(request: { campaignId: string; changes: CampaignChanges }): Promise<Campaign | null>;
  /** Empties the campaign's hopper; how many entries it held. */
  resetCampaignHopper(campaignId: string): Promise<number>;
  /** False when there was no such list; its leads stay. */
  removeLeadList(listId: number): Promise<boolean>;
  /** The list's own fields, in the order they were defined. */
  customFieldsOfList(listId: number): Promise<ListCustomField[]>;
  /** The lead's values in the list's fields; null when it holds none there. */
  leadCustomValues(listId: number, leadId: number): Promise<LeadCustomValues | null>;
  /** Writes the lead's values in the list's fields, the list becoming its entry list; null when there is no such lead. */
  setLeadCustomValues(request: { leadId: number; listId: number; values: LeadCustomValues }): Promise<LeadCustomValuesSet | null>;
  /** Copies one list's fields onto another; how many fields were written. */
  copyListCustomFields(request: { fromListId: number; toListId: number; method: CustomFieldsCopyMethod }): Promise<number>;
  /** Adds a field to a list, or redefines the one of that label in its place. */
  defineListCustomField(field: ListCustomField): Promise<ListCustomFieldDefined>;
  /** Removes a list's field and the values held in it; false when there is no such field. */
  removeListCustomField(request: { listId: number; label: string }): Promise<boolean>;
  /** How many leads the list holds (with this status only, when given). */
  countLeadsInList(listId: number, status?: string): Promise<number>;
  /** How many of the list's leads the rule would dial. */
  countDialableLeads(listId: number, rule: DialableLeadRule): Promise<number>;
  /** Marks the list's leads not called and counts the reset on that day; null when there is no such list. */
  resetLeadList(request: { listId: number; day: string }): Promise<LeadListResetDone | null>;
  getLead(leadId: number): Promise<Lead | null>;
  /** Leads matching every criterion given, by lead number, at most `limit`. */
  findLeads(criteria: LeadSearch, limit: number): Promise<Lead[]>;
  updateLead(request: { leadId: number; changes: LeadChanges }): Promise<Lead | null>;
  /** Changes fields of the lead on the agent's screen and asks the screen to reload them. */
  updateScreenLead(request: ScreenLeadUpdate): Promise<ScreenLeadUpdated>;
  /** Makes another lead the one of the inbound call the agent is on. */
  switchAgentLead(request: { agentId: string; leadId: number }): Promise<LeadSwitch>;
  findLeadStatus(status: string, campaignId: string | null): Promise<LeadStatus | null>;
  callbacksOfLead(leadId: number): Promise<Callback[]>;
  getLeadCall(callId: string): Promise<LeadCall | null>;
  /** The dialer's call log entries matching every criterion given, the latest started first, at most `limit`. */
  findLeadCalls(criteria: LeadCallSearch, limit: number): Promise<LeadCall[]>;
  /** Sets the status of one call log entry, the lead's own left as it is. */
  setLeadCallStatus(request: { callId: string; status: string }): Promise<LeadCallStatusChange>;
  addLead(request: AddLeadRequest): Promise<AddedLead>;
  addLeadToList(request: AddLeadToListRequest): Promise<AddedLeadToList>;
  dispositionAgentLead(request: DispositionRequest): Promise<DispositionOutcome>;
  findLeadInCampaign(campaignId: string, phoneNumber: string): Promise<Lead | null>;
  nextLeadToDial(campaignId: string, statuses: readonly string[]): Promise<Lead | null>;
  getGroupAlias(id: string): Promise<GroupAlias | null>;
  /** False when the alias id is taken. */
  addGroupAlias(alias: GroupAlias): Promise<boolean>;
  /** The settings containers of one type, by id. */
  listSettingsContainers(type: string): Promise<SettingsContainer[]>;
  /** Every call menu, by id. */
  listCallMenus(): Promise<CallMenu[]>;
  /** Every voicemail box, by id. */
  listVoicemailBoxes(): Promise<VoicemailBox[]>;
  /** A number's GMT offset at `at` (now by default), by the phone and postal codes kept; null when its country has none. */
  numberGmtOffset(number: NumberToLocate, method: TimeZoneMethod, at?: Date): Promise<NumberGmtOffset | null>;
  /** The phone codes that match. */
  findPhoneCodes(query: PhoneCodeQuery): Promise<PhoneCode[]>;
  getCallTime(id: string): Promise<CallTime | null>;
  /** The state call times of those ids that exist. */
  getStateCallTimes(ids: readonly string[]): Promise<StateCallTime[]>;
  /** The NANPA prefix of that exchange, or null. */
  getNanpaPrefix(areaCode: string, prefix: string): Promise<NanpaPrefix | null>;
  /** How many NANPA prefixes are kept (fewer than NANPA_PREFIXES_LOADED: the data is not loaded). */
  countNanpaPrefixes(): Promise<number>;
  previewLead(request: { agentId: string; action: LeadPreviewAction }): Promise<{ leadId: number }>;
  queueManualDial(entry: Omit<NewQueuedManualDial, 'queuedAt'>): Promise<QueueManualDialOutcome>;
  manualDialQueueOf(agentId: string): Promise<QueuedManualDial[]>;
  /** Whether the number is on that do-not-call list. */
  isDncNumber(scope: DncScope, phoneNumber: string): Promise<boolean>;
  /** False when the number is on that list already. */
  addDncNumber(entry: DncEntry): Promise<boolean>;
  /** False when the number was not on that list. */
  removeDncNumber(entry: DncEntry): Promise<boolean>;
  /** Deletes a lead; its callbacks go to the callback archive; null when there is none (LEAD_REJECTED while an agent has it on screen). */
  deleteLead(leadId: number): Promise<{ callbacksRemoved: number } | null>;
  /** Moves a lead to the lead archive, its callbacks to the callback archive; null when there is none (LEAD_REJECTED while an agent has it on screen). */
  archiveLead(leadId: number): Promise<{ lead: Lead; callbacksArchived: number } | null>;
  /** Moves an archived lead of one of these lists (null: any) back to the leads. */
  dearchiveLead(request: { leadId: number; listIds: readonly number[] | null }): Promise<LeadDearchive>;
  getArchivedLead(leadId: number): Promise<Lead | null>;
  /** Archived leads matching every criterion given, by lead number, at most `limit`. */
  findArchivedLeads(criteria: LeadSearch, limit: number): Promise<Lead[]>;
  /** The lead's callbacks in the callback archive, the first scheduled first. */
  archivedCallbacksOfLead(leadId: number): Promise<Callback[]>;
  /** A new callback for an existing lead; null when there is no such lead. */
  scheduleLeadCallback(request: { leadId: number; campaignId: string; callback: LeadCallback }): Promise<Callback | null>;
  /** Changes the lead's (first) callback, which waits again; null when it has none. */
  changeLeadCallback(request: { leadId: number; changes: CallbackChanges }): Promise<Callback | null>;
  removeLeadCallbacks(leadId: number): Promise<number>;
  /** Sets the message the voicemail drop of the lead on the agent's screen leaves. */
  setLeadVoicemailMessage(request: VoicemailMessageRequest): Promise<{ leadId: number }>;
  getLeadVoicemailMessage(leadId: number): Promise<VoicemailMessage | null>;
  /** Queues the lead in its campaign's hopper. */
  addLeadToHopper(request: HopperRequest): Promise<HopperAddition>;
  removeLeadFromHopper(leadId: number): Promise<HopperRemoval>;
  /** The lead's hopper entry; null when it waits in none. */
  hopperEntryOfLead(leadId: number): Promise<HopperEntry | null>;
  /** Takes the campaign's next READY hopper entry and returns its lead (an entry whose lead is gone is skipped); null when none waits. */
  takeLeadFromHopper(campaignId: string): Promise<Lead | null>;
  /** The campaign's hopper, in dialling order. */
  hopperOfCampaign(campaignId: string): Promise<HopperEntry[]>;
}

export function leadCommands(ctx: CoreContext, track: TrackWork): LeadCommands {
  const direct = ctx.store.direct;
  return {
    getCampaign: (campaignId) => direct.campaigns.get(campaignId),
    listCampaigns: () => direct.campaigns.list(),
    getLeadList: (listId) => direct.leadLists.get(listId),
    leadListsOfCampaign: (campaignId) => direct.leadLists.listOfCampaign(campaignId),
    addLeadList: (list) => track(addLeadList(ctx, list)),
    updateLeadList: (request) => track(updateLeadList(ctx, request)),
    updateCampaign: (request) => track(updateCampaign(ctx, request)),
    resetCampaignHopper: (campaignId) => track(resetCampaignHopper(ctx, campaignId)),
    removeLeadList: (listId) => track(removeLeadList(ctx, listId)),
    customFieldsOfList: (listId) => direct.listCustomFields.listForList(listId),
    leadCustomValues: (listId, leadId) => direct.listCustomFields.valuesOf(listId, leadId),
    setLeadCustomValues: (request) => track(setLeadCustomValues(ctx, request)),
    copyListCustomFields: (request) => track(copyListCustomFields(ctx, request)),
    defineListCustomField: (field) => track(defineListCustomField(ctx, field)),
    removeListCustomField: (request) => track(removeListCustomField(ctx, request)),
    countLeadsInList: (listId, status) => direct.leads.countInList(listId, status),
    countDialableLeads: (listId, rule) => direct.leads.countDialable(listId, rule),
    resetLeadList: (request) => track(resetLeadList(ctx, request)),
    getLead: (leadId) => direct.leads.get(leadId),
    findLeads: (criteria, limit) => direct.leads.search(criteria, limit),
    updateLead: (request) => track(updateLead(ctx, request)),
    updateScreenLead: (request) => track(updateScreenLead(ctx, request)),
    switchAgentLead: (request) => track(switchAgentLead(ctx, request)),
    findLeadStatus: (status, campaignId) => direct.leadStatuses.find(status, campaignId),
    callbacksOfLead: (leadId) => direct.callbacks.listForLead(leadId),
    getLeadCall: (callId) => direct.leadCalls.get(callId),
    findLeadCalls: (criteria, limit) => direct.leadCalls.search(criteria, limit),
    setLeadCallStatus: (request) => track(setLeadCallStatus(ctx, request)),
    addLead: (request) => track(addLead(ctx, request)),
    addLeadToList: (request) => track(addLeadToList(ctx, request)),
    dispositionAgentLead: (request) => track(dispositionAgentLead(ctx, request)),
    findLeadInCampaign: (campaignId, phoneNumber) => direct.leads.findInCampaign(campaignId, phoneNumber),
    nextLeadToDial: (campaignId, statuses) => direct.leads.nextToDial(campaignId, statuses),
    getGroupAlias: (id) => direct.groupAliases.get(id),
    addGroupAlias: (alias) => track(addGroupAlias(ctx, alias)),
    listSettingsContainers: (type) => direct.settingsContainers.listOfType(type),
    listCallMenus: () => direct.callMenus.list(),
    listVoicemailBoxes: () => direct.voicemailBoxes.list(),
    numberGmtOffset: (number, method, at) => numberGmtOffset(direct.timeZones, number, method, at ?? ctx.clock.now()),
    findPhoneCodes: (query) => direct.timeZones.findPhoneCodes(query),
    getCallTime: (id) => direct.callTimes.get(id),
    getStateCallTimes: (ids) => direct.callTimes.getStateCallTimes(ids),
    getNanpaPrefix: (areaCode, prefix) => direct.timeZones.getNanpaPrefix(areaCode, prefix),
    countNanpaPrefixes: () => direct.timeZones.countNanpaPrefixes(),
    previewLead: (request) => track(previewLead(ctx, request)),
    queueManualDial: (entry) => track(queueManualDial(ctx, entry)),
    manualDialQueueOf: (agentId) => direct.manualDialQueue.listForAgent(agentId),
    isDncNumber: (scope, phoneNumber) => direct.dnc.contains(scope, phoneNumber),
    addDncNumber: (entry) => track(addDncNumber(ctx, entry)),
    removeDncNumber: (entry) => track(removeDncNumber(ctx, entry)),
    deleteLead: (leadId) => track(deleteLead(ctx, leadId)),
    archiveLead: (leadId) => track(archiveLead(ctx, leadId)),
    dearchiveLead: (request) => track(dearchiveLead(ctx, request)),
    getArchivedLead: (leadId) => direct.leadArchive.get(leadId),
    findArchivedLeads: (criteria, limit) => direct.leadArchive.search(criteria, limit),
    archivedCallbacksOfLead: (leadId) => direct.callbackArchive.listForLead(leadId),
    scheduleLeadCallback: (request) => track(scheduleLeadCallback(ctx, request)),
    changeLeadCallback: (request) => track(changeLeadCallback(ctx, request)),
    removeLeadCallbacks: (leadId) => track(removeLeadCallbacks(ctx, leadId)),
    setLeadVoicemailMessage: (request) => track(setLeadVoicemailMessage(ctx, request)),
    getLeadVoicemailMessage: (leadId) => direct.voicemailMessages.get(leadId),
    addLeadToHopper: (request) => track(addLeadToHopper(ctx, request)),
    removeLeadFromHopper: (leadId) => track(removeLeadFromHopper(ctx, leadId)),
    hopperEntryOfLead: (leadId) => direct.hopper.findForLead(leadId),
    hopperOfCampaign: (campaignId) => direct.hopper.listForCampaign(campaignId),
    takeLeadFromHopper: (campaignId) => track(takeLeadFromHopper(ctx, campaignId)),
  };
}
