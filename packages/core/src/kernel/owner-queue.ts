/**
 * Runs work for one owner (an agent, or a call without an agent) strictly one
 * piece at a time, in arrival order, while different owners run in parallel.
 *
 * Commands and engine events for the same owner share its queue, so an event
 * caused by a command is handled only after that command's transaction has
 * committed and its rows are visible. A piece of work must never wait for an
 * engine event itself: that event would queue behind it forever.
 */
export class OwnerQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(owner: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(owner) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(owner, tail);
    void tail.then(() => {
      if (this.tails.get(owner) === tail) this.tails.delete(owner);
    });
    return result;
  }

  /** Owners with work queued or running. */
  get busyOwners(): number {
    return this.tails.size;
  }
}

/**
 * Every leg, playback and bridge id the core mints starts with its owner's key
 * and a dot (`agent-1000.…`, `<call uuid>.2`), so an engine event finds its
 * queue without a lookup.
 */
export const ownerOf = (resourceId: string): string => {
  const dot = resourceId.indexOf('.');
  return dot === -1 ? resourceId : resourceId.slice(0, dot);
};
