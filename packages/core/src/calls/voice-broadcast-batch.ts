import { DomainError } from '../errors/domain-error';
import type { CoreContext } from '../kernel/context';
import type { TrackWork } from '../kernel/tracked-work';
import { inTransaction } from '../kernel/unit-of-work';
import { newCallId } from '../kernel/ids';
import { checkDialableNumber } from '../directory/extension-lookup';
import { checkBroadcastPlan, recordVoiceBroadcastCall } from './voice-broadcast';
import type { VoiceBroadcastPlan } from './voice-broadcast-plan';
import { trunkDial } from './trunk-customer-leg';
import type { QueuedBroadcastBatch } from './voice-broadcast-queue';

export interface VoiceBroadcastBatchRequest extends VoiceBroadcastPlan {
  /** The numbers, each called once (a number listed twice too), in the order given. */
  destinations: readonly string[];
  /** Numbers not dialled by then are dropped (never called, no CDR); null: dialled whenever their turn comes. */
  dialUntil: Date | null;
}

const HOUR_MS = 3_600_000;

/** What one claim of the next number did. */
type Placement =
  | { kind: 'placed'; callId: string; batchId: string; finished: boolean }
  | { kind: 'expired'; batchId: string; dropped: number }
  | { kind: 'no_trunk'; batchId: string; finished: boolean };

/**
 * Dials the numbers of batches at a pace the engine can take: at most
 * `voiceBroadcast.maxLiveCalls` played calls of batches are up at once (all
 * batches together), and every `paceMs` the calls that ended make room for
 * the next numbers, batches served in turn. Each number is an ordinary
 * played call (calls/voice-broadcast-flow) with its own CDR; a number the
 * engine refuses ends as such a call, unanswered.
 *
 * The numbers wait in the store (calls/voice-broadcast-queue): each is
 * claimed, marked placed and recorded as a call with its dial intent in one
 * transaction, so a restart resumes the numbers still pending and never
 * places one twice; a call committed whose dial the engine may not have
 * received is settled by reconciliation like any other.
 */
export class VoiceBroadcastPacer {
  /** Calls of batches up: read from the store on the first pass (they outlive a restart), then kept here. */
  private live: Set<string> | null = null;
  private ticking = false;

  constructor(
    private readonly ctx: CoreContext,
    private readonly track: TrackWork,
  ) {}

  /** Picks up the batches a previous run of the gateway left waiting; with none, no pass is scheduled. */
  resume(): void {
    void this.track(this.ctx.store.direct.voiceBroadcasts.countPending())
      .then((pending) => {
        if (pending > 0) this.schedule(0);
      })
      .catch((error: unknown) => this.ctx.logger.error('batches left waiting could not be read', { error: String(error) }));
  }

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
    const batch: QueuedBroadcastBatch = { id: `batch-${ctx.ids.newId()}`, plan, dialUntil: request.dialUntil, queuedAt: ctx.clock.now() };
    await inTransaction(ctx, async ({ tx }) => {
      if (!(await tx.trunks.preferred())) throw new DomainError('TRUNK_NOT_FOUND', 'no trunk to dial out');
      const queued = await tx.voiceBroadcasts.countPending();
      if (queued + numbers.length > limits.maxQueuedNumbers) {
        throw new DomainError('PBX_REJECTED', 'too many numbers waiting to be dialled', { queued });
      }
      await tx.voiceBroadcasts.insert(batch, numbers);
    });
    ctx.logger.info('batch of played calls queued', { batchId: batch.id, numbers: numbers.length, dialUntil: request.dialUntil?.toISOString() ?? null });
    this.schedule(0);
    return { batchId: batch.id, numbers: numbers.length };
  }

  /**
   * Removes the batches over for longer than `voiceBroadcast.retentionHours`
   * (by the core's clock), with their numbers: the list a batch was given is
   * kept while it may be asked about, not for ever (the calls and their CDRs
   * are the record). Answers how many batches went.
   */
  async removeFinished(): Promise<number> {
    const { ctx } = this;
    const endedBefore = new Date(ctx.clock.now().getTime() - ctx.config.voiceBroadcast.retentionHours * HOUR_MS);
    const removed = await ctx.store.direct.voiceBroadcasts.removeFinished(endedBefore);
    if (removed > 0) ctx.logger.info('finished batches of played calls removed', { removed, endedBefore: endedBefore.toISOString() });
    return removed;
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
    const store = ctx.store.direct;
    const live = (this.live ??= new Set(await store.voiceBroadcasts.liveCallIds()));
    for (const callId of [...live]) {
      const call = await store.calls.get(callId);
      if (!call || call.state === 'ended') live.delete(callId);
    }
    // Without the engine the numbers wait (each would only end as a failed call) and are looked at again.
    const engineAway = !ctx.pbx.isAvailable();
    const waiting = engineAway && (await store.voiceBroadcasts.countPending()) > 0;
    while (!engineAway && live.size < ctx.config.voiceBroadcast.maxLiveCalls) {
      const placement = await this.placeNext();
      if (!placement) break;
      this.report(placement);
      if (placement.kind === 'placed') live.add(placement.callId);
    }
    this.ticking = false;
    // Numbers left while calls are up wait for one of them to end; none up and none claimed: nothing is left.
    if (live.size > 0 || waiting) this.schedule(ctx.config.voiceBroadcast.paceMs);
  }

  /**
   * Claims the next number and, in the same transaction, records its call
   * and the intent to dial it (or drops it): the engine is asked only once
   * that has committed.
   */
  private async placeNext(): Promise<Placement | null> {
    const { ctx } = this;
    const callId = newCallId(ctx.ids, null);
    return ctx.queue.run(callId, () =>
      inTransaction(ctx, async (uow): Promise<Placement | null> => {
        const { tx, now } = uow;
        const claimed = await tx.voiceBroadcasts.claimNext();
        if (!claimed) return null;
        const { batch } = claimed;
        if (batch.dialUntil !== null && now.getTime() >= batch.dialUntil.getTime()) {
          return { kind: 'expired', batchId: batch.id, dropped: await tx.voiceBroadcasts.dropPending(batch.id) };
        }
        const dial = await trunkDial(ctx, tx, batch.plan.callerId).catch((error: unknown) => {
          if (error instanceof DomainError) return null;
          throw error;
        });
        if (!dial) {
          // The trunk went since the batch was queued: the number is dropped, and said so.
          await tx.voiceBroadcasts.markDropped(batch.id, claimed.position);
          return { kind: 'no_trunk', batchId: batch.id, finished: claimed.last };
        }
        await recordVoiceBroadcastCall(ctx, uow, { callId, plan: batch.plan, destination: claimed.number, dial, batchId: batch.id, refusal: 'ordinary' });
        await tx.voiceBroadcasts.markPlaced(batch.id, claimed.position, callId);
        return { kind: 'placed', callId, batchId: batch.id, finished: claimed.last };
      }),
    );
  }

  private report(placement: Placement): void {
    const { logger } = this.ctx;
    if (placement.kind === 'no_trunk') logger.warn('a number of a batch could not be dialled', { batchId: placement.batchId, error: 'no trunk to dial out' });
    if (placement.kind === 'expired') logger.info('batch of played calls all dialled', { batchId: placement.batchId, dropped: placement.dropped });
    else if (placement.finished) logger.info('batch of played calls all dialled', { batchId: placement.batchId, dropped: 0 });
  }
}
