/**
 * A lead waiting in a campaign's hopper (VICIdial's `vicidial_hopper`): the
 * leads queued for dialling, taken by priority (the highest first), then in
 * the order they were queued.
 */
export interface HopperEntry {
  /** From a sequence: the order entries were queued in. */
  id: number;
  campaignId: string;
  leadId: number;
  listId: number;
  /** READY while waiting; a dialer marks an entry it works on (INCALL, DONE, HOLD, DNC ...). */
  status: string;
  /** The agent the entry is reserved for; empty: any. */
  user: string;
  /** -99 to 99, higher dialled first. */
  priority: number;
  /** Who queued it, in the dialer's letters (P: the Non-Agent API, S: the standard load ...). */
  source: string;
  gmtOffsetNow: string;
  state: string;
  vendorLeadCode: string;
  /** Which of the lead's numbers to dial (empty or MAIN: the lead's own). */
  altDial: string;
  queuedAt: Date;
}

export type NewHopperEntry = Omit<HopperEntry, 'id'>;

/** Status of an entry waiting to be dialled. */
export const HOPPER_READY = 'READY';

/** Entries in these statuses are being worked on and stay when a removal is asked (VICIdial's rule). */
export const HOPPER_KEPT_STATUSES: ReadonlySet<string> = new Set(['INCALL', 'DONE', 'HOLD', 'DNC']);
