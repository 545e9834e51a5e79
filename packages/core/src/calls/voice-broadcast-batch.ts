import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import type { TrackWork } from '../kernel/tracked-work';
import { inTransaction } from '../kernel/unit-of-work';
import { checkDialableNumber } from '../directory/extension-lookup';
import { checkBroadcastPlan, placeVoiceBroadcastCall, type CheckedBroadcastPlan, type VoiceBroadcastPlan } from './voice-broadcast';

export interface VoiceBroadcastBatchRequest extends VoiceBroadcastPlan {
  /** The numbers, each called once (a number listed twice too), in the order given. */
  destinations: readonly string[];
  /** Numbers not dialled by then are dropped (never called, no CDR); null: dialled whenever their turn comes. */
  dialUntil: Date | null;
}

interface QueuedBatch {
  id: string;
  plan: CheckedBroadcastPlan;
  numbers: readonly string[];
  /** The next number to dial (an index, not shifting 5000 numbers one by one). */
  next: number;
  dialUntil: Date | null;
  dropped: number;
}

/**
 * Dials the numbers of batches at a pace the engine can take: at most
 * `voiceBroadcast.maxLiveCalls` played calls of batches are up at once (all
 * batches together), and every `paceMs` the calls that ended make room for
 * the next numbers, batches served in turn. Each number is an ordinary
 * played call (calls/voice-broadcast-flow) with its own CDR; a number the
 * engine refuses ends as such a call, unanswered.
 *
 * The numbers waiting are held in memory: a restart of the gateway forgets
 * those not yet dialled (the calls placed are the store's, as any call).
 */
export class VoiceBroadcastPacer {
  private readonly batches: QueuedBatch[] = [];
  private readonly live = new Set<string>();
  private queued = 0;
  private ticking = false;

  constructor(
    private readonly ctx: CoreContext,
    private readonly track: TrackWork,
  ) {}

  /** Checks the whole batch (numbers, media, limits, a trunk to dial on) and queues it; refusals leave nothing queued. */
  async enqueue(request: VoiceBroadcastBatchRequest): Promise<{ batchId: string; numbers: number }> {
    const { ctx } = this;
    const limits = ctx.config.voiceBroadcast;
    if (request.destinations.length === 0) throw new DomainError('INVALID_ARGUMENT', 'a batch needs at least one number');
    if (request.destinations.length > limits.maxBatchNumbers) {
      throw new DomainError('INVALID_ARGUMENT', `a batch has at most ${limits.maxBatchNumbers} numbers`);
    }
    const numbers = [...new Set(request.destinations.map((number) => checkDialableNumber(number)))];
    const plan = checkBroadcastPlan(ctx, request);
    await inTransaction(ctx, async ({ tx }) => {
      if (!(await tx.trunks.preferred())) throw new DomainError('TRUNK_NOT_FOUND', 'no trunk to dial out');
    });
    if (this.queued + numbers.length > limits.maxQueuedNumbers) {
      throw new DomainError('PBX_REJECTED', 'too many numbers waiting to be dialled', { queued: this.queued });
    }
    const batch: QueuedBatch = { id: `batch-${ctx.ids.newId()}`, plan, numbers, next: 0, dialUntil: request.dialUntil, dropped: 0 };
    this.batches.push(batch);
    this.queued += numbers.length;
    ctx.logger.info('batch of played calls queued', { batchId: batch.id, numbers: numbers.length, dialUntil: request.dialUntil?.toISOString() ?? null });
    this.schedule(0);
    return { batchId: batch.id, numbers: numbers.length };
  }

  private schedule(ms: number): void {
    if (this.ticking) return;
    this.ticking = true;
    this.ctx.timers.setTimeout(() => {
      void this.track(this.tick()).catch((error: unknown) => {
        this.ctx.logger.error('batch dialling pass failed', { error: String(error) });
        this.ticking = false;
        this.schedule(this.ctx.config.voiceBroadcast.paceMs);
      });
    }, ms);
  }

  /** One pass: forget the calls that ended, dial the next numbers into the room left, come back if anything is left. */
  private async tick(): Promise<void> {
    const { ctx } = this;
    for (const callId of [...this.live]) {
      const call = await ctx.store.direct.calls.get(callId);
      if (!call || call.state === 'ended') this.live.delete(callId);
    }
    while (this.live.size < ctx.config.voiceBroadcast.maxLiveCalls) {
      const next = this.nextNumber();
      if (!next) break;
      try {
        const { callId } = await placeVoiceBroadcastCall(ctx, next.batch.plan, next.number, { batchId: next.batch.id, refusal: 'ordinary' });
        this.live.add(callId);
      } catch (error) {
        // No call was recorded (the trunk went since the batch was queued): the number is dropped, and said so.
        ctx.logger.warn('a number of a batch could not be dialled', { batchId: next.batch.id, error: String(error) });
      }
    }
    this.ticking = false;
    if (this.live.size > 0 || this.queued > 0) this.schedule(ctx.config.voiceBroadcast.paceMs);
  }

  /** The next number to dial, batches in turn; numbers past their batch's `dialUntil` are dropped on the way. */
  private nextNumber(): { batch: QueuedBatch; number: string } | null {
    const now = this.ctx.clock.now();
    while (this.batches.length > 0) {
      const batch = this.batches.shift()!;
      const left = batch.numbers.length - batch.next;
      if (batch.dialUntil !== null && now.getTime() >= batch.dialUntil.getTime()) {
        batch.dropped += left;
        this.queued -= left;
        this.finished(batch);
        continue;
      }
      const number = batch.numbers[batch.next]!;
      batch.next += 1;
      this.queued -= 1;
      if (left > 1) this.batches.push(batch);
      else this.finished(batch);
      return { batch, number };
    }
    return null;
  }

  private finished(batch: QueuedBatch): void {
    this.ctx.logger.info('batch of played calls all dialled', { batchId: batch.id, dropped: batch.dropped });
  }
}
