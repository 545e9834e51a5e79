/**
 * Observations counted into fixed buckets, in place: observing allocates
 * nothing. `counts[i]` holds the observations of bucket i alone; the
 * exposition makes them cumulative.
 */
export class Histogram {
  readonly counts: Float64Array;
  sum = 0;
  total = 0;

  constructor(readonly bounds: readonly number[]) {
    this.counts = new Float64Array(bounds.length + 1);
  }

  observe(value: number): void {
    let i = 0;
    while (i < this.bounds.length && value > this.bounds[i]!) i += 1;
    this.counts[i]! += 1;
    this.sum += value;
    this.total += 1;
  }
}

/** Seconds, from a cached answer to a call placed on the engine. */
export const REQUEST_SECONDS_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
