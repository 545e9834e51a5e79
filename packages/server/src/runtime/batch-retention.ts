import type { CallControl } from '@pbx-gateway/core';
import type { Logger } from 'pino';

/**
 * Removes the numbers of finished batches of played calls past their
 * retention (core `voiceBroadcast.retentionHours`), at start and then every
 * `everyMs`; the core decides what is past it by its own clock.
 */
export function startBatchRetention(core: Pick<CallControl, 'removeFinishedVoiceBroadcasts'>, logger: Logger, everyMs = 10 * 60_000): { stop(): void } {
  const prune = (): void => {
    core.removeFinishedVoiceBroadcasts().catch((error: unknown) => logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'finished batches could not be removed'));
  };
  prune();
  const timer = setInterval(prune, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
