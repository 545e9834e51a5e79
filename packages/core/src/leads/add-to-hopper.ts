import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { HOPPER_READY, type HopperEntry } from './hopper';

export interface HopperRequest {
  leadId: number;
  priority: number;
  /** The dialer's letter for who queues it (P: the Non-Agent API). */
  source: string;
}

export type HopperAddition =
  | { outcome: 'added'; entry: HopperEntry }
  | { outcome: 'no-lead' }
  | { outcome: 'queued-already'; entry: HopperEntry }
  /** The lead's list is not defined, so the lead has no campaign to be dialled for. */
  | { outcome: 'no-campaign' };

/**
 * Queues a lead in the hopper of its list's campaign, READY, with the lead's
 * GMT offset, state and vendor code. A lead waits there at most once.
 */
export async function addLeadToHopper(ctx: CoreContext, request: HopperRequest): Promise<HopperAddition> {
  return inTransaction(ctx, async ({ tx, now }) => {
    const lead = Number.isSafeInteger(request.leadId) ? await tx.leads.lock(request.leadId) : null;
    if (!lead) return { outcome: 'no-lead' };
    const queued = await tx.hopper.findForLead(lead.id);
    if (queued) return { outcome: 'queued-already', entry: queued };
    const list = await tx.leadLists.get(lead.listId);
    if (!list) return { outcome: 'no-campaign' };
    const entry = await tx.hopper.add({
      campaignId: list.campaignId,
      leadId: lead.id,
      listId: lead.listId,
      status: HOPPER_READY,
      user: '',
      priority: request.priority,
      source: request.source,
      gmtOffsetNow: lead.gmtOffsetNow,
      state: lead.state,
      vendorLeadCode: lead.vendorLeadCode,
      altDial: '',
      queuedAt: now,
    });
    return { outcome: 'added', entry };
  });
}
