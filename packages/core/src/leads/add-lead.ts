import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';
import { dncCampaignOf, type Campaign } from './campaign';
import type { DncChecks } from './do-not-call';
import { numberGmtOffset, storedGmtOffset, type NumberGmtOffset, type TimeZoneMethod } from './number-time-zone';
import { NEW_LEAD_STATUS, NOT_CALLED_SINCE_RESET, oversizedLeadFields, type Lead, type LeadFields } from './lead';

export interface AddLeadRequest {
  /** The campaign whose manual-dial list takes the lead (an agent's campaign). */
  campaignId: string | null;
  fields: LeadFields;
  /** Who adds it, recorded as the lead's user. */
  addedBy: string;
  dncChecks: DncChecks;
  /** How the number's time zone is looked up; by its area code when absent. */
  timeZoneMethod?: TimeZoneMethod;
}

export interface AddedLead {
  lead: Lead;
  campaignId: string;
  /** The number's GMT offset when it was added (kept as the lead's `gmtOffsetNow`); null when its country has no phone code. */
  gmtOffset: NumberGmtOffset | null;
}

/** A lead just stored, with the GMT offset found for its number. */
export interface StoredNewLead {
  lead: Lead;
  gmtOffset: NumberGmtOffset | null;
}

/**
 * Adds a lead to a campaign's manual-dial list, unless its number is on a
 * do-not-call list that was asked to be checked: NUMBER_IN_DNC then says
 * which (both, when both hold it). A field that does not fit the lead is
 * refused (LEAD_REJECTED), as a store in strict mode refuses the row.
 */
export async function addLead(ctx: CoreContext, request: AddLeadRequest): Promise<AddedLead> {
  return inTransaction(ctx, async (uow) => {
    const { tx } = uow;
    const campaign = request.campaignId === null ? null : await tx.campaigns.get(request.campaignId);
    if (!campaign) throw new DomainError('CAMPAIGN_NOT_FOUND', `no campaign ${request.campaignId ?? ''}`, { campaignId: request.campaignId });
    const listId = campaign.manualDialListId;
    if (listId === null) throw new DomainError('NO_MANUAL_DIAL_LIST', `campaign ${campaign.id} has no manual-dial list`, { campaignId: campaign.id });
    const { lead, gmtOffset } = await storeNewLead(uow, campaign, listId, request);
    uow.publish({ type: 'LeadAdded', leadId: lead.id, listId, campaignId: campaign.id, at: uow.now });
    return { lead, campaignId: campaign.id, gmtOffset };
  });
}

/**
 * Stores a new lead in a list after the do-not-call checks asked for (the
 * campaign's list, when the list belongs to one) and the lengths of its
 * fields.
 */
export async function storeNewLead(uow: UnitOfWork, campaign: Campaign | null, listId: number, request: Omit<AddLeadRequest, 'campaignId'>): Promise<StoredNewLead> {
  await refuseDncNumber(uow, campaign, request);
  return insertNewLead(uow, campaign, listId, request);
}

/** NUMBER_IN_DNC when a list asked to be checked holds the number; it says which (both, when both hold it). */
export async function refuseDncNumber(uow: UnitOfWork, campaign: Campaign | null, request: Omit<AddLeadRequest, 'campaignId'>): Promise<void> {
  const { tx } = uow;
  const number = request.fields.phoneNumber;
  const inSystemDnc = request.dncChecks.system && (await tx.dnc.contains({ kind: 'system' }, number));
  const inCampaignDnc = campaign !== null && request.dncChecks.campaign && (await tx.dnc.contains({ kind: 'campaign', campaignId: dncCampaignOf(campaign) }, number));
  if (inSystemDnc || inCampaignDnc) {
    throw new DomainError('NUMBER_IN_DNC', 'the number is on a do-not-call list', { system: inSystemDnc, campaign: inCampaignDnc, campaignId: campaign?.id ?? null });
  }
}

/**
 * Stores the lead, NEW, unless a field does not fit (LEAD_REJECTED), with
 * its number's GMT offset now as the dialer looks it up (whatever offset
 * the fields carried).
 */
export async function insertNewLead(uow: UnitOfWork, campaign: Campaign | null, listId: number, request: Omit<AddLeadRequest, 'campaignId'>): Promise<StoredNewLead> {
  const { tx, now } = uow;
  const gmtOffset = await numberGmtOffset(tx.timeZones, request.fields, request.timeZoneMethod ?? 'areaCode', now);
  const oversized = oversizedLeadFields(request.fields);
  if (oversized.length > 0) {
    throw new DomainError('LEAD_REJECTED', `fields too long: ${oversized.join(', ')}`, { campaignId: campaign?.id ?? null, listId, fields: oversized.join(',') });
  }
  const lead = await tx.leads.insert({
    ...request.fields,
    gmtOffsetNow: storedGmtOffset(gmtOffset),
    listId,
    entryListId: listId,
    status: NEW_LEAD_STATUS,
    user: request.addedBy,
    entryDate: now,
    modifyDate: now,
    calledCount: 0,
    calledSinceLastReset: NOT_CALLED_SINCE_RESET,
  });
  return { lead, gmtOffset };
}
