export interface TimerHandle {
  cancel(): void;
}

/**
 * Deferred work (a voice menu waiting for a key, a poll that times out) goes
 * through this port so that tests can advance time by hand.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
}

export const systemTimers: Timers = {
  setTimeout(callback, ms) {
    const timer = setTimeout(callback, ms);
    timer.unref?.();
    return { cancel: () => clearTimeout(timer) };
  },
};
