import type { StoreTransaction } from '../ports/store';

/**
 * Takes every callback of the lead out of the waiting ones into the
 * callback archive, as VICIdial moves a callback it removes into
 * `vicidial_callbacks_archive`; how many there were.
 */
export async function archiveCallbacksOfLead(tx: StoreTransaction, leadId: number): Promise<number> {
  const callbacks = await tx.callbacks.listForLead(leadId);
  if (callbacks.length === 0) return 0;
  await tx.callbackArchive.add(callbacks);
  return tx.callbacks.deleteForLead(leadId);
}
