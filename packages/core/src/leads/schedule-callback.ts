import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { LeadCallback } from './add-lead-to-list';
import type { Callback } from './callback';
import { MAX_CALLBACK_COMMENTS_LENGTH, MAX_STATUS_LENGTH } from './lead';
import { archiveCallbacksOfLead } from './archive-callbacks';

export type CallbackChanges = Partial<LeadCallback & { campaignId: string; listId: number }>;

const refuseBadCallback = (status: string | undefined, comments: string | undefined, leadId: number): void => {
  if ((status !== undefined && (status.length < 1 || [...status].length > MAX_STATUS_LENGTH)) || (comments !== undefined && [...comments].length > MAX_CALLBACK_COMMENTS_LENGTH)) {
    throw new DomainError('INVALID_ARGUMENT', 'a callback status has 1 to 6 characters, its comments at most 255', { leadId });
  }
};

/** A new callback for an existing lead, in a campaign; the lead itself is left as it is. Null when there is no such lead. */
export async function scheduleLeadCallback(ctx: CoreContext, request: { leadId: number; campaignId: string; callback: LeadCallback }): Promise<Callback | null> {
  const { callback } = request;
  refuseBadCallback(callback.status, callback.comments, request.leadId);
  return inTransaction(ctx, async (uow) => {
    const lead = await uow.tx.leads.lock(request.leadId);
    if (!lead) return null;
    return uow.tx.callbacks.insert({
      leadId: lead.id,
      listId: lead.listId,
      campaignId: request.campaignId,
      state: 'ACTIVE',
      status: callback.status,
      callbackAt: callback.at,
      recipient: callback.recipient,
      agentId: callback.agentId,
      comments: callback.comments,
      createdAt: uow.now,
    });
  });
}

/** Changes a lead's callback and makes it wait again (ACTIVE, entered now); null when the lead has none. */
export async function changeLeadCallback(ctx: CoreContext, request: { leadId: number; changes: CallbackChanges }): Promise<Callback | null> {
  const { changes } = request;
  refuseBadCallback(changes.status, changes.comments, request.leadId);
  return inTransaction(ctx, async (uow) => {
    if (!(await uow.tx.leads.lock(request.leadId))) return null;
    const [current] = await uow.tx.callbacks.listForLead(request.leadId);
    if (!current) return null;
    const changed: Callback = {
      ...current,
      state: 'ACTIVE',
      createdAt: uow.now,
      callbackAt: changes.at ?? current.callbackAt,
      campaignId: changes.campaignId ?? current.campaignId,
      listId: changes.listId ?? current.listId,
      status: changes.status ?? current.status,
      comments: changes.comments ?? current.comments,
      recipient: changes.recipient ?? current.recipient,
      agentId: changes.agentId ?? current.agentId,
    };
    await uow.tx.callbacks.update(changed);
    return changed;
  });
}

/** Takes every callback of a lead out of the waiting ones into the callback archive; how many there were. */
export async function removeLeadCallbacks(ctx: CoreContext, leadId: number): Promise<number> {
  return inTransaction(ctx, ({ tx }) => (Number.isSafeInteger(leadId) ? archiveCallbacksOfLead(tx, leadId) : Promise.resolve(0)));
}
