import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import type { LeadCall } from './lead-call';

/** What a status change of a call log entry did, with the entry as it was. */
export type LeadCallStatusChange = { outcome: 'changed'; previous: LeadCall } | { outcome: 'unchanged'; previous: LeadCall } | { outcome: 'no-call' };

/**
 * Sets the status of one entry of the dialer's call log, alone: the lead
 * keeps its own status, as when a report's figures are corrected after the
 * call. The same status again changes nothing.
 */
export async function setLeadCallStatus(ctx: CoreContext, request: { callId: string; status: string }): Promise<LeadCallStatusChange> {
  return inTransaction(ctx, async ({ tx }) => {
    const log = await tx.leadCalls.get(request.callId);
    if (!log) return { outcome: 'no-call' };
    if (log.status === request.status) return { outcome: 'unchanged', previous: log };
    await tx.leadCalls.update({ ...log, status: request.status });
    return { outcome: 'changed', previous: log };
  });
}
