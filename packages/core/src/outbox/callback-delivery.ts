import type { CoreContext } from '../kernel/context';

/**
 * Delivers callbacks that are due, each with its own id as idempotency key so
 * a receiver can drop the repeat of a delivery that was interrupted. A failed
 * delivery is retried with growing delays, forever: a callback is only ever
 * dropped by an operator. Returns how many were delivered.
 */
export async function deliverDueCallbacks(ctx: CoreContext): Promise<number> {
  const { batchSize, leaseMs, retryBaseMs, retryMaxMs } = ctx.config.outbox;
  const now = ctx.clock.now();
  const due = await ctx.store.direct.outbox.claimDue(now, batchSize, new Date(now.getTime() + leaseMs));
  const outcomes = await Promise.all(
    due.map(async (message) => {
      const outcome = await ctx.callbacks.post({
        url: message.url,
        body: message.body,
        headers: { ...message.headers, 'Idempotency-Key': message.id },
      });
      const at = ctx.clock.now();
      if (outcome.delivered) {
        await ctx.store.direct.outbox.markDelivered(message.id, at);
        return true;
      }
      const attempts = message.attempts + 1;
      const delay = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(attempts - 1, 30));
      await ctx.store.direct.outbox.markFailed(message.id, attempts, new Date(at.getTime() + delay), outcome.reason);
      ctx.logger.warn('callback delivery failed; will retry', { id: message.id, topic: message.topic, attempts, status: outcome.status });
      return false;
    }),
  );
  return outcomes.filter(Boolean).length;
}
