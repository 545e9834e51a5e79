import type { StoreTransaction } from '../ports/store';

/** Whether an agent has the lead on screen (shown or previewed): its disposition still needs the lead where it is. */
export async function leadOnScreen(tx: StoreTransaction, leadId: number): Promise<boolean> {
  return (await tx.sessions.list()).some((session) => session.lead?.leadId === leadId || session.previewLeadId === leadId);
}
