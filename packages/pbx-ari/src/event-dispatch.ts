import type { CoreLogger, PbxEvent } from '@pbx-gateway/core';

/**
 * Hands PbxEvents to the listeners synchronously, in the order they were
 * emitted (which is the order the engine sent them: one WebSocket, read in
 * order). A listener that throws is logged and the others still get the
 * event; the next event still goes out.
 *
 * Events emitted before anyone listens (the first `pbx_connected` when the
 * adapter is started before the core subscribes) are held, up to a bound, and
 * delivered to the first listener, so that none is lost to a start-up race.
 */
export class OrderedEventDispatcher {
  private readonly listeners: Array<(event: PbxEvent) => void> = [];
  private held: PbxEvent[] = [];

  constructor(
    private readonly logger: CoreLogger,
    private readonly maxHeld = 10_000,
  ) {}

  subscribe(listener: (event: PbxEvent) => void): void {
    this.listeners.push(listener);
    if (this.listeners.length === 1 && this.held.length > 0) {
      const held = this.held;
      this.held = [];
      for (const event of held) this.deliver(listener, event);
    }
  }

  emit(event: PbxEvent): void {
    if (this.listeners.length === 0) {
      if (this.held.length >= this.maxHeld) {
        this.logger.warn('pbx-ari: no event listener, dropping the oldest held event', { dropped: this.held[0]?.type });
        this.held.shift();
      }
      this.held.push(event);
      return;
    }
    // A listener added while an event is being delivered gets the next one.
    for (const listener of [...this.listeners]) this.deliver(listener, event);
  }

  private deliver(listener: (event: PbxEvent) => void, event: PbxEvent): void {
    try {
      listener(event);
    } catch (error) {
      this.logger.error('pbx-ari: an event listener threw; the event still reached the other listeners', {
        event: event.type,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
