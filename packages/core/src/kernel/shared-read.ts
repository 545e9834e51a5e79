/**
 * One read shared by the callers that ask for it at the same time. A caller
 * never gets a result read before it asked: while a read is in flight, new
 * callers wait for the next one, which starts as soon as the current one
 * ends, and share it. Under a burst of identical queries (clients polling a
 * listing on many connections) the database answers once per round instead
 * of once per caller, and every caller still sees what was committed before
 * it asked.
 */
export class SharedRead<T> {
  private inFlight: Promise<T> | null = null;
  private queued: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.inFlight) return this.start();
    if (!this.queued) {
      const settled = this.inFlight.then(
        () => undefined,
        () => undefined,
      );
      this.queued = settled.then(() => {
        this.queued = null;
        return this.start();
      });
    }
    return this.queued;
  }

  private start(): Promise<T> {
    const reading = Promise.resolve().then(this.read);
    this.inFlight = reading;
    const done = (): void => {
      if (this.inFlight === reading) this.inFlight = null;
    };
    reading.then(done, done);
    return reading;
  }
}
