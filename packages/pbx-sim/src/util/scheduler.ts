/**
 * Every delayed behaviour of the simulated network (ringing, playback ends,
 * DTMF tones, timeouts) goes through one scheduler, so that closing the
 * simulator stops all of them and no timer keeps a test process alive.
 */
export interface Timer {
  cancel(): void;
}

export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly immediates = new Set<NodeJS.Immediate>();
  private closed = false;

  constructor(private readonly onError: (error: unknown) => void) {}

  after(ms: number, task: () => void): Timer {
    if (this.closed) return { cancel: () => undefined };
    const handle = setTimeout(() => {
      this.timers.delete(handle);
      this.run(task);
    }, Math.max(0, ms));
    this.timers.add(handle);
    return {
      cancel: () => {
        clearTimeout(handle);
        this.timers.delete(handle);
      },
    };
  }

  /** Runs after the current I/O turn: how a channel thread picks up a queued frame. */
  soon(task: () => void): void {
    if (this.closed) return;
    const handle = setImmediate(() => {
      this.immediates.delete(handle);
      this.run(task);
    });
    this.immediates.add(handle);
  }

  close(): void {
    this.closed = true;
    for (const handle of this.timers) clearTimeout(handle);
    for (const handle of this.immediates) clearImmediate(handle);
    this.timers.clear();
    this.immediates.clear();
  }

  private run(task: () => void): void {
    if (this.closed) return;
    try {
      task();
    } catch (error) {
      this.onError(error);
    }
  }
}
