import type { CallControl, CoreLogger } from '@pbx-gateway/core';

export interface OutboxDispatcher {
  stop(): Promise<void>;
}

/**
 * The longest rest after failed rounds. A round against a database that is
 * away costs one refused connection, so resting longer saves nothing, and
 * every second of it delays the callbacks held back once the database is back.
 */
const FAILED_ROUND_REST_MAX_MS = 5000;

/**
 * Delivers callbacks as they become due. After a round that delivered
 * something it goes again at once (the next callback of a call becomes due
 * when the one before it is delivered); otherwise it rests for `idleMs`. A
 * failure (the database away) is logged and tried again later, never fatal.
 */
export function startOutboxDispatcher(core: Pick<CallControl, 'deliverDueCallbacks'>, logger: CoreLogger, options: { idleMs: number }): OutboxDispatcher {
  let running = true;
  let wake: (() => void) | null = null;
  const rest = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const loop = (async () => {
    let failures = 0;
    while (running) {
      try {
        const delivered = await core.deliverDueCallbacks();
        failures = 0;
        if (delivered === 0) await rest(options.idleMs);
      } catch (error) {
        failures += 1;
        logger.warn('callback delivery round failed', { error: error instanceof Error ? error.message : String(error) });
        await rest(Math.min(FAILED_ROUND_REST_MAX_MS, options.idleMs * 2 ** Math.min(failures, 8)));
      }
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
  };
}
