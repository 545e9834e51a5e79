import type { PageRequest } from './page-request';
import type { Callback, NewCallback } from '../leads/callback';
import type { AgentCampaignRank, RankChange } from '../agents/agent-rank';
import type { Campaign, DialableLeadRule, LeadList } from '../leads/campaign';
import type { DncEntry, DncScope } from '../leads/do-not-call';
import type { GroupAlias } from '../leads/group-alias';
import type { SettingsContainer } from '../leads/settings-container';
import type { CallMenu } from '../leads/call-menu';
import type { VoicemailBox } from '../leads/voicemail-box';
import type { NanpaPrefix, PhoneCode, PostalCode } from '../leads/phone-code';
import type { CallTime, StateCallTime } from '../leads/call-time';
import type { Lead, LeadFieldMatch, LeadSearch, NewLead } from '../leads/lead';
import type { LeadCall, LeadCallSearch } from '../leads/lead-call';
import type { LeadStatus } from '../leads/lead-status';
import type { VoicemailMessage } from '../leads/voicemail-message';
import type { MultiDialRequest } from '../transfers/multi-dial-request';
import type { NewQueuedManualDial, QueuedManualDial } from '../leads/manual-dial-queue';
import type { HopperEntry, NewHopperEntry } from '../leads/hopper';
import type { LeadCustomValues, ListCustomField } from '../leads/list-custom-field';

export interface CampaignRepository {
  get(id: string): Promise<Campaign | null>;
  /** Every campaign, by id. */
  list(): Promise<Campaign[]>;
  upsert(campaign: Campaign): Promise<void>;
  /**
   * Sets the agent's rank and grade (those given) in every campaign, or in
   * `campaignId` only; a campaign without a row for the agent gets one
   * (rank 0, grade 1 for what is not given). Resolves with the campaigns changed.
   */
  putAgentRanks(agentId: string, change: RankChange, campaignId: string | null): Promise<number>;
  /** The agent's rank and grade in each campaign it has one for, by campaign. */
  agentRanks(agentId: string): Promise<AgentCampaignRank[]>;
}

export interface LeadListRepository {
  get(id: number): Promise<LeadList | null>;
  /** The lists of one campaign, by id. */
  listOfCampaign(campaignId: string): Promise<LeadList[]>;
  /** A page of every list, by id. */
  list(page: PageRequest): Promise<LeadList[]>;
  upsert(list: LeadList): Promise<void>;
  /** Notes that a lead of the list was dialled at this time (nothing when there is no such list). */
  markCalled(id: number, at: Date): Promise<void>;
  /** False when there was no such list. */
  delete(id: number): Promise<boolean>;
}

export interface LeadRepository {
  /** Stores a new lead under the next lead number. */
  insert(lead: NewLead): Promise<Lead>;
  /** Creates or replaces the lead with this number (provisioning); later inserts number after it. */
  put(lead: Lead): Promise<void>;
  get(id: number): Promise<Lead | null>;
  lock(id: number): Promise<Lead | null>;
  /** Leads matching every criterion given, by lead number, at most `limit`. */
  search(criteria: LeadSearch, limit: number): Promise<Lead[]>;
  /** How many leads the list holds (with this status only, when given). */
  countInList(listId: number, status?: string): Promise<number>;
  /** How many of the list's leads the rule would dial. */
  countDialable(listId: number, rule: DialableLeadRule): Promise<number>;
  /** Marks every lead of the list not called since the last reset; how many leads were marked otherwise before. */
  resetCalledMarks(listId: number): Promise<number>;
  /** The leads with this phone number, in these lists (null: in any list), oldest first. */
  findByPhoneNumber(phoneNumber: string, listIds: readonly number[] | null): Promise<Lead[]>;
  /** The leads whose every field given equals its value (empty text matches empty), in these lists (null: in any list), oldest first. */
  findByFields(fields: LeadFieldMatch, listIds: readonly number[] | null): Promise<Lead[]>;
  update(lead: Lead): Promise<void>;
  /** Removes the lead (its callbacks must be gone); false when there was none. */
  delete(id: number): Promise<boolean>;
  /** The lead with this number in the campaign's lists (the lowest lead number first), or null. */
  findInCampaign(campaignId: string, phoneNumber: string): Promise<Lead | null>;
  /** The campaign's next lead to dial by hand: the lowest-numbered lead of one of its active lists with one of the statuses. */
  nextToDial(campaignId: string, statuses: readonly string[]): Promise<Lead | null>;
}

export interface LeadStatusRepository {
  /** The campaign's own status of that name, else the system one. */
  find(status: string, campaignId: string | null): Promise<LeadStatus | null>;
  upsert(status: LeadStatus): Promise<void>;
}

export interface CallbackRepository {
  insert(callback: NewCallback): Promise<Callback>;
  listForLead(leadId: number): Promise<Callback[]>;
  update(callback: Callback): Promise<void>;
  /** Removes every callback of the lead; how many there were. */
  deleteForLead(leadId: number): Promise<number>;
}

/**
 * Leads moved out of the dialer's leads (VICIdial's `vicidial_list_archive`):
 * the same fields under the same lead number, read but never dialled. A lead
 * number is in the leads or in the archive, not both, except where a lead
 * was added under an archived lead's number.
 */
export interface LeadArchiveRepository {
  /** Keeps the lead in the archive, in place of an archived lead of that number. */
  put(lead: Lead): Promise<void>;
  get(id: number): Promise<Lead | null>;
  lock(id: number): Promise<Lead | null>;
  /** Archived leads matching every criterion given, by lead number, at most `limit` (as LeadRepository.search). */
  search(criteria: LeadSearch, limit: number): Promise<Lead[]>;
  /** False when there was no such archived lead. */
  delete(id: number): Promise<boolean>;
}

/**
 * Callbacks taken out of the waiting ones (VICIdial's
 * `vicidial_callbacks_archive`): those removed, and those of leads deleted
 * or archived, as they were, under their own ids.
 */
export interface CallbackArchiveRepository {
  add(callbacks: readonly Callback[]): Promise<void>;
  /** The lead's archived callbacks, by id (the order they were scheduled). */
  listForLead(leadId: number): Promise<Callback[]>;
}

export interface DncRepository {
  contains(scope: DncScope, phoneNumber: string): Promise<boolean>;
  /** Adds the number to the list; adding it again changes nothing. */
  add(entry: DncEntry): Promise<void>;
  /** Takes the number off the list; false when it was not on it. */
  remove(entry: DncEntry): Promise<boolean>;
}

export interface LeadCallRepository {
  insert(call: LeadCall): Promise<void>;
  get(callId: string): Promise<LeadCall | null>;
  update(call: LeadCall): Promise<void>;
  /** The entries matching every criterion given, the latest started first, at most `limit`. */
  search(criteria: LeadCallSearch, limit: number): Promise<LeadCall[]>;
}

export interface GroupAliasRepository {
  get(id: string): Promise<GroupAlias | null>;
  upsert(alias: GroupAlias): Promise<void>;
}

export interface SettingsContainerRepository {
  /** The containers of one type, by id. */
  listOfType(type: string): Promise<SettingsContainer[]>;
  upsert(container: SettingsContainer): Promise<void>;
}

export interface CallMenuRepository {
  /** Every call menu, by id. */
  list(): Promise<CallMenu[]>;
  upsert(menu: CallMenu): Promise<void>;
}

export interface VoicemailBoxRepository {
  /** Every voicemail box, by id. */
  list(): Promise<VoicemailBox[]>;
  upsert(box: VoicemailBox): Promise<void>;
}

/** What phone codes are looked for: each criterion given must hold. */
export interface PhoneCodeQuery {
  countryCode: string;
  areaCode?: string;
  state?: string;
  timeZoneCode?: string;
}

/** The dialer's phone-code and postal-code tables, which numbers' time zones are looked up in. */
export interface TimeZoneRepository {
  /** The phone codes that match, by area code then state. */
  findPhoneCodes(query: PhoneCodeQuery): Promise<PhoneCode[]>;
  /** The first postal code of the country that begins with `postalCode` (VICIdial's `LIKE 'code%'`). */
  findPostalCode(countryCode: string, postalCode: string): Promise<PostalCode | null>;
  listPhoneCodes(page: PageRequest): Promise<PhoneCode[]>;
  getPhoneCode(countryCode: string, areaCode: string, state: string): Promise<PhoneCode | null>;
  upsertPhoneCode(code: PhoneCode): Promise<void>;
  listPostalCodes(page: PageRequest): Promise<PostalCode[]>;
  getPostalCode(countryCode: string, postalCode: string): Promise<PostalCode | null>;
  upsertPostalCode(code: PostalCode): Promise<void>;
  /** The NANPA prefix of that exchange, or null. */
  getNanpaPrefix(areaCode: string, prefix: string): Promise<NanpaPrefix | null>;
  countNanpaPrefixes(): Promise<number>;
  listNanpaPrefixes(page: PageRequest): Promise<NanpaPrefix[]>;
  upsertNanpaPrefix(code: NanpaPrefix): Promise<void>;
}

/** The call times (VICIdial's), the standard ones included, and the state call times they name. */
export interface CallTimeRepository {
  get(id: string): Promise<CallTime | null>;
  list(page: PageRequest): Promise<CallTime[]>;
  upsert(callTime: CallTime): Promise<void>;
  /** The state call times of those ids that exist, in no particular order. */
  getStateCallTimes(ids: readonly string[]): Promise<StateCallTime[]>;
  listStateCallTimes(page: PageRequest): Promise<StateCallTime[]>;
  upsertStateCallTime(rule: StateCallTime): Promise<void>;
}

export interface ManualDialQueueRepository {
  add(entry: NewQueuedManualDial): Promise<QueuedManualDial>;
  /** The agent's queued numbers, oldest first. */
  listForAgent(agentId: string): Promise<QueuedManualDial[]>;
  remove(id: number): Promise<void>;
}

export interface VoicemailMessageRepository {
  /** Sets the lead's message, replacing the one it had. */
  put(message: VoicemailMessage): Promise<void>;
  get(leadId: number): Promise<VoicemailMessage | null>;
}

export interface MultiDialRequestRepository {
  /** Keeps the agent's request in place of the one it had. */
  put(request: MultiDialRequest): Promise<void>;
  get(agentId: string): Promise<MultiDialRequest | null>;
}

export interface HopperRepository {
  add(entry: NewHopperEntry): Promise<HopperEntry>;
  findForLead(leadId: number): Promise<HopperEntry | null>;
  remove(id: number): Promise<void>;
  /** Removes the lead's entry, if any (the lead is deleted). */
  removeForLead(leadId: number): Promise<void>;
  /** A campaign's entries in dialling order: the highest priority first, then the first queued. */
  listForCampaign(campaignId: string): Promise<HopperEntry[]>;
  /** Takes out the campaign's first READY entry in dialling order (one taker per entry); null when none waits. */
  takeFirstReady(campaignId: string): Promise<HopperEntry | null>;
}

/**
 * Lists' own fields and the values leads hold in them. A lead's values
 * belong to the list whose fields they fill (its entry list, as a list's
 * custom table in VICIdial), so a lead moved to another list keeps them.
 */
export interface ListCustomFieldRepository {
  /** The list's fields, in the order they were defined. */
  listForList(listId: number): Promise<ListCustomField[]>;
  /** Replaces the list's fields; values of fields no longer defined are removed. */
  replaceForList(listId: number, fields: readonly ListCustomField[]): Promise<void>;
  /** The lead's values in the list's fields; null when it holds none there. */
  valuesOf(listId: number, leadId: number): Promise<LeadCustomValues | null>;
  /** Sets the values given (others stay). */
  putValues(listId: number, leadId: number, values: LeadCustomValues): Promise<void>;
  /** Removes the lead's values in every list (the lead is deleted). */
  removeValuesOfLead(leadId: number): Promise<void>;
}
