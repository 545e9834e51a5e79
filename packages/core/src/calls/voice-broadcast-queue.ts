import type { CheckedBroadcastPlan } from './voice-broadcast-plan';

/** A batch of played calls as the store keeps it until every number is placed or dropped. */
export interface QueuedBroadcastBatch {
  id: string;
  plan: CheckedBroadcastPlan;
  /** Numbers not placed by then are dropped; null: placed whenever their turn comes. */
  dialUntil: Date | null;
  queuedAt: Date;
}

/** What became of a number of a batch: waiting, placed as the call `callId`, or dropped past `dialUntil`. */
export type BroadcastNumberState = 'pending' | 'placed' | 'dropped';

export interface BroadcastNumber {
  batchId: string;
  /** Its place in the batch, from 0: numbers of a batch are placed in this order. */
  position: number;
  number: string;
  state: BroadcastNumberState;
  callId: string | null;
}

/** The next number to place, claimed in the transaction that places it. */
export interface ClaimedBroadcastNumber {
  batch: QueuedBroadcastBatch;
  position: number;
  number: string;
  /** No other number of the batch waits after this one. */
  last: boolean;
}

/**
 * The numbers of batches waiting to be dialled. A number is claimed and
 * marked placed, with its call, in the transaction that records the call
 * and its dial intent: a crash either leaves it pending (nothing was
 * decided) or placed with a call that reconciliation settles, never both.
 */
export interface VoiceBroadcastQueueRepository {
  /** Stores a batch and its numbers (distinct, in order), all pending. */
  insert(batch: QueuedBroadcastBatch, numbers: readonly string[]): Promise<void>;
  /** Pending numbers of all batches. */
  countPending(): Promise<number>;
  /**
   * Locks the batch whose turn it is (the one served longest ago; a new
   * batch after those already waiting) and returns its next pending number;
   * the batch goes to the back of the turns. Null when nothing waits (or
   * every batch with numbers waiting is locked by another transaction).
   * Call `markPlaced` or `dropPending` in the same transaction.
   */
  claimNext(): Promise<ClaimedBroadcastNumber | null>;
  markPlaced(batchId: string, position: number, callId: string): Promise<void>;
  /** One number that could not be placed (no trunk to dial it on): it is not tried again. */
  markDropped(batchId: string, position: number): Promise<void>;
  /** Drops every pending number of the batch; answers how many. */
  dropPending(batchId: string): Promise<number>;
  /** The calls of placed numbers that have not ended (the room they take after a restart). */
  liveCallIds(): Promise<string[]>;
  /** The batch's numbers, by position. */
  numbersOf(batchId: string): Promise<BroadcastNumber[]>;
  /**
   * Removes the batches that are over, with their numbers: nothing pending,
   * every placed number's call ended, queued and ended before `endedBefore`
   * (the calls and their CDRs stay). Answers how many batches went.
   */
  removeFinished(endedBefore: Date): Promise<number>;
}
