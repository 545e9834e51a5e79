import type { Store } from '@pbx-gateway/core';
import type { Logger } from 'pino';

const HOUR_MS = 3_600_000;

/**
 * Removes event-log entries older than the retention period, at start and
 * then every `everyMs`: the log serves readers that come back after a
 * disconnection, not as an archive (CDRs are that).
 */
export function startEventLogRetention(store: Store, options: { retentionHours: number; everyMs?: number; now?: () => Date }, logger: Logger): { stop(): void } {
  const now = options.now ?? (() => new Date());
  const prune = (): void => {
    const before = new Date(now().getTime() - options.retentionHours * HOUR_MS);
    store.direct.eventLog.prune(before).then(
      (removed) => {
        if (removed > 0) logger.info({ removed, before: before.toISOString() }, 'event log pruned');
      },
      (error: unknown) => logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'event log pruning failed'),
    );
  };
  prune();
  const timer = setInterval(prune, options.everyMs ?? 10 * 60_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
