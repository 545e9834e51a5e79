import type { CoreLogger } from '../ports/core-logger';
import type { Timers } from '../ports/timers';

/** Wait before the first attempt: lets a store that blinked come back. */
const FIRST_DELAY_MS = 250;
/** Attempts that fail are tried again after a doubling wait, up to this. */
const MAX_DELAY_MS = 5_000;

/**
 * Asterisk does not repeat an event. When handling one failed (the store
 * away, mostly), what it would have recorded is lost: a leg that ended stays
 * up in the gateway's books, with no CDR, and its other party is left on the
 * line. The gateway then reads the engine's state again, as after a
 * reconnection: a reconciliation runs after a short wait and, while it
 * fails, again after a doubling wait until one completes. One reconciliation
 * answers every request made before it started; a request made while one
 * runs (a leg it ended could not be recorded either) gets another after it.
 */
export class ResyncScheduler {
  private state: 'idle' | 'waiting' | 'running' = 'idle';
  private again = false;
  private delayMs: number;

  constructor(
    private readonly reconcile: () => Promise<void>,
    private readonly timers: Timers,
    private readonly logger: CoreLogger,
  ) {
    this.delayMs = FIRST_DELAY_MS;
  }

  request(reason: string): void {
    if (this.state === 'running') {
      this.again = true;
      return;
    }
    if (this.state === 'waiting') return;
    this.logger.warn('reading the engine state again after a lost event', { reason, inMs: this.delayMs });
    this.wait();
  }

  private wait(): void {
    this.state = 'waiting';
    this.timers.setTimeout(() => void this.attempt(), this.delayMs);
  }

  private async attempt(): Promise<void> {
    this.state = 'running';
    this.again = false;
    try {
      await this.reconcile();
    } catch (error) {
      this.retryLater();
      this.logger.warn('reading the engine state again failed; retrying', { inMs: this.delayMs, error: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (this.again) {
      // Something failed again while it ran: wait longer, so that a failure
      // that persists costs one attempt every MAX_DELAY_MS, not a busy loop.
      this.retryLater();
      return;
    }
    this.delayMs = FIRST_DELAY_MS;
    this.state = 'idle';
  }

  private retryLater(): void {
    this.delayMs = Math.min(this.delayMs * 2, MAX_DELAY_MS);
    this.wait();
  }
}
