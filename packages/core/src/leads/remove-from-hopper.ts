import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { HOPPER_KEPT_STATUSES } from './hopper';

export type HopperRemoval = { outcome: 'removed'; status: string } | { outcome: 'kept'; status: string } | { outcome: 'not-queued' };

/**
 * Takes a lead out of the hopper, unless a dialer is working on its entry
 * (INCALL, DONE, HOLD, DNC), which then stays.
 */
export async function removeLeadFromHopper(ctx: CoreContext, leadId: number): Promise<HopperRemoval> {
  return inTransaction(ctx, async ({ tx }) => {
    const entry = Number.isSafeInteger(leadId) ? await tx.hopper.findForLead(leadId) : null;
    if (!entry) return { outcome: 'not-queued' };
    if (HOPPER_KEPT_STATUSES.has(entry.status)) return { outcome: 'kept', status: entry.status };
    await tx.hopper.remove(entry.id);
    return { outcome: 'removed', status: entry.status };
  });
}
