import type { Clock, TimerHandle, Timers } from '@pbx-gateway/core';

/** The moment every test starts at unless it says otherwise. */
export const START_TIME = new Date('2024-03-01T09:00:00.000Z');

interface Scheduled {
  id: number;
  dueMs: number;
  callback: () => void;
}

/**
 * A clock that moves only when a test moves it. Timers created through a
 * `FakeTimers` bound to it fire while it is advanced, in order of due time.
 */
export class FakeClock implements Clock {
  private currentMs: number;
  private readonly schedulers: FakeTimers[] = [];

  constructor(start: Date = START_TIME) {
    this.currentMs = start.getTime();
  }

  now(): Date {
    return new Date(this.currentMs);
  }

  nowMs(): number {
    return this.currentMs;
  }

  /**
   * Moves time forward by `ms`, firing each timer that falls due on the way at
   * its own due time. Asynchronous work a timer starts runs after this returns,
   * when the clock already shows the end time: advance in steps to see it run
   * at an earlier one.
   */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error(`a fake clock only moves forward (asked ${ms} ms)`);
    const targetMs = this.currentMs + ms;
    for (;;) {
      const next = this.nextDue(targetMs);
      if (!next) break;
      this.currentMs = Math.max(this.currentMs, next.entry.dueMs);
      next.owner.fire(next.entry.id);
    }
    this.currentMs = targetMs;
  }

  /** @internal */
  attach(timers: FakeTimers): void {
    this.schedulers.push(timers);
  }

  private nextDue(limitMs: number): { owner: FakeTimers; entry: Scheduled } | null {
    let best: { owner: FakeTimers; entry: Scheduled } | null = null;
    for (const owner of this.schedulers) {
      for (const entry of owner.entries()) {
        if (entry.dueMs > limitMs) continue;
        if (!best || entry.dueMs < best.entry.dueMs || (entry.dueMs === best.entry.dueMs && entry.id < best.entry.id)) {
          best = { owner, entry };
        }
      }
    }
    return best;
  }
}

let nextTimerId = 1;

/** `Timers` driven by a `FakeClock`: nothing fires until the clock is advanced past the due time. */
export class FakeTimers implements Timers {
  private readonly scheduled = new Map<number, Scheduled>();
  private disposed = false;

  constructor(private readonly clock: FakeClock) {
    clock.attach(this);
  }

  setTimeout(callback: () => void, ms: number): TimerHandle {
    const id = nextTimerId++;
    if (!this.disposed) this.scheduled.set(id, { id, dueMs: this.clock.nowMs() + Math.max(0, ms), callback });
    return { cancel: () => void this.scheduled.delete(id) };
  }

  /** Timers waiting to fire. */
  get pending(): number {
    return this.scheduled.size;
  }

  /** Drops every timer and ignores new ones, as a stopped process would. */
  dispose(): void {
    this.disposed = true;
    this.scheduled.clear();
  }

  /** @internal */
  entries(): Scheduled[] {
    return [...this.scheduled.values()];
  }

  /** @internal */
  fire(id: number): void {
    const entry = this.scheduled.get(id);
    if (!entry) return;
    this.scheduled.delete(id);
    entry.callback();
  }
}
