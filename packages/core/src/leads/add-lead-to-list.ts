import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { inTransaction, type UnitOfWork } from '../kernel/unit-of-work';
import { insertNewLead, refuseDncNumber, type AddLeadRequest } from './add-lead';
import type { LeadList } from './campaign';
import type { NumberGmtOffset } from './number-time-zone';
import type { CallbackRecipient } from './callback';
import { CALLBACK_HOLD_STATUS, MAX_CALLBACK_COMMENTS_LENGTH, MAX_STATUS_LENGTH, type Lead } from './lead';

/** Where an earlier lead with the same number makes a new one a duplicate. */
export type DuplicateScope = 'list' | 'campaign' | 'system';

/**
 * What an earlier lead shares to be a duplicate: the number (as its number,
 * or as either its number or its alternate number), the title and the
 * alternate number, or the first and last names and the number.
 */
export type DuplicateMatch = 'phone' | 'phoneOrAltPhone' | 'titleAltPhone' | 'namePhone';

export interface DuplicateCheck {
  scope: DuplicateScope;
  match: DuplicateMatch;
  /** Only leads entered within this many days count; null: any. */
  withinDays: number | null;
}

export interface AddLeadToListRequest extends Omit<AddLeadRequest, 'campaignId'> {
  listId: number;
  /** Refuse a list that is not defined (LEAD_REJECTED with `listMissing`); otherwise a lead may sit in a list that has no definition. */
  listMustExist: boolean;
  /** Checked in this order; the first that finds an earlier lead refuses. */
  duplicateChecks: readonly DuplicateCheck[];
  /** A callback scheduled with the lead, which is then held (CBHOLD); only for a list of a campaign. */
  callback?: LeadCallback | null;
}

export interface LeadCallback {
  at: Date;
  recipient: CallbackRecipient;
  /** The agent who calls back (USERONLY), or who scheduled it. */
  agentId: string;
  /** The status the lead takes when called back. */
  status: string;
  comments: string;
}

export interface AddedLeadToList {
  lead: Lead;
  /** The callback scheduled with it; null when none was asked or the list has no campaign. */
  callbackId: number | null;
  /** The campaign of the list; null when the list has none (or is not defined). */
  campaignId: string | null;
  /** The number's GMT offset when it was added; null when its country has no phone code. */
  gmtOffset: NumberGmtOffset | null;
}

/**
 * Adds a lead to a given list: the do-not-call lists of the list's campaign
 * apply (checked first), then a lead sharing what a check matches in the list, its campaign's lists
 * or anywhere (as asked) makes it a duplicate (DUPLICATE_LEAD names the
 * earlier lead, its list, the check's scope and match, and whether the
 * number was the earlier lead's own number or its alternate one).
 */
export async function addLeadToList(ctx: CoreContext, request: AddLeadToListRequest): Promise<AddedLeadToList> {
  return inTransaction(ctx, async (uow) => {
    const { tx } = uow;
    const list = await tx.leadLists.get(request.listId);
    if (!list && request.listMustExist) throw new DomainError('LEAD_REJECTED', `no list ${request.listId}`, { listId: request.listId, listMissing: true });
    const campaign = list ? await tx.campaigns.get(list.campaignId) : null;
    await refuseDncNumber(uow, campaign, request);
    for (const check of request.duplicateChecks) await refuseDuplicate(uow, list, request, check);
    const campaignId = list?.campaignId ?? null;
    const callback = campaignId === null ? null : (request.callback ?? null);
    if (callback && (callback.status.length < 1 || [...callback.status].length > MAX_STATUS_LENGTH || [...callback.comments].length > MAX_CALLBACK_COMMENTS_LENGTH)) {
      throw new DomainError('INVALID_ARGUMENT', 'a callback status has 1 to 6 characters, its comments at most 255', { listId: request.listId });
    }
    const { lead: inserted, gmtOffset } = await insertNewLead(uow, campaign, request.listId, request);
    let lead = inserted;
    let callbackId: number | null = null;
    if (callback && campaignId !== null) {
      ({ id: callbackId } = await tx.callbacks.insert({
        leadId: lead.id,
        listId: lead.listId,
        campaignId,
        state: 'ACTIVE',
        status: callback.status,
        callbackAt: callback.at,
        recipient: callback.recipient,
        agentId: callback.agentId,
        comments: callback.comments,
        createdAt: uow.now,
      }));
      lead = { ...inserted, status: CALLBACK_HOLD_STATUS };
      await tx.leads.update(lead);
    }
    uow.publish({ type: 'LeadAdded', leadId: lead.id, listId: request.listId, campaignId, at: uow.now });
    return { lead, campaignId, callbackId, gmtOffset };
  });
}

async function refuseDuplicate(uow: UnitOfWork, list: LeadList | null, request: AddLeadToListRequest, check: DuplicateCheck): Promise<void> {
  const { tx, now } = uow;
  let listIds: number[] | null = null;
  if (check.scope === 'list') listIds = [request.listId];
  if (check.scope === 'campaign') listIds = list ? (await tx.leadLists.listOfCampaign(list.campaignId)).map((each) => each.id) : [request.listId];
  const since = check.withinDays === null ? null : now.getTime() - check.withinDays * 86_400_000;
  const earlier = (await candidates(uow, request.fields, check.match, listIds)).find((lead) => since === null || lead.entryDate.getTime() >= since);
  if (earlier) {
    const matchedAs = earlier.phoneNumber === request.fields.phoneNumber ? 'phone' : 'altPhone';
    throw new DomainError('DUPLICATE_LEAD', `lead ${earlier.id} is a duplicate`, { leadId: earlier.id, listId: earlier.listId, scope: check.scope, match: check.match, matchedAs });
  }
}

async function candidates(uow: UnitOfWork, fields: AddLeadToListRequest['fields'], match: DuplicateMatch, listIds: number[] | null): Promise<Lead[]> {
  const { leads } = uow.tx;
  const { phoneNumber, altPhone, title, firstName, lastName } = fields;
  if (match === 'phone') return leads.findByPhoneNumber(phoneNumber, listIds);
  if (match === 'titleAltPhone') return leads.findByFields({ title, altPhone }, listIds);
  if (match === 'namePhone') return leads.findByFields({ firstName, lastName, phoneNumber }, listIds);
  const both = [...(await leads.findByPhoneNumber(phoneNumber, listIds)), ...(await leads.findByFields({ altPhone: phoneNumber }, listIds))];
  return both.sort((a, b) => a.id - b.id);
}
