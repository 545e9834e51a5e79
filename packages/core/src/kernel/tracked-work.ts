/** Registers a piece of work so that the core's `idle()` waits for it. */
export type TrackWork = <T>(work: Promise<T>) => Promise<T>;
