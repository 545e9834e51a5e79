import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { agentOwner } from '../kernel/ids';
import { endAgentSession } from '../agents/session-end';
import { attemptsAllowed, type OutboxMessage } from './outbox';

/**
 * Delivers callbacks that are due, each with its own id as idempotency key so
 * a receiver can drop the repeat of a delivery that was interrupted. A failed
 * delivery is retried with growing delays, forever: a callback is only ever
 * dropped by an operator, unless it carries a retry policy of its own (pushed
 * agent events), which gives up at the end of its schedule. Returns how many
 * were delivered.
 */
export async function deliverDueCallbacks(ctx: CoreContext): Promise<number> {
  const { batchSize, leaseMs, retryBaseMs, retryMaxMs } = ctx.config.outbox;
  const now = ctx.clock.now();
  const due = await ctx.store.direct.outbox.claimDue(now, batchSize, new Date(now.getTime() + leaseMs));
  const outcomes = await Promise.all(
    due.map(async (message) => {
      const outcome = await ctx.callbacks.post({
        topic: message.topic,
        url: message.url,
        body: message.body,
        headers: { ...message.headers, 'Idempotency-Key': message.id },
        idempotencyKey: message.id,
        signingKey: message.signingKey,
      });
      const at = ctx.clock.now();
      if (outcome.delivered) {
        await ctx.store.direct.outbox.markDelivered(message.id, at);
        return true;
      }
      const attempts = message.attempts + 1;
      if (message.retry && attempts >= attemptsAllowed(message.retry)) {
        await giveUp(ctx, message, attempts);
        return false;
      }
      const delay = message.retry ? message.retry.everyMs : Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(attempts - 1, 30));
      await ctx.store.direct.outbox.markFailed(message.id, attempts, new Date(at.getTime() + delay), outcome.reason);
      // Never the headers: they carry the receiver's credentials.
      ctx.logger.warn('callback delivery failed; will retry', { id: message.id, topic: message.topic, attempts, status: outcome.status });
      return false;
    }),
  );
  return outcomes.filter(Boolean).length;
}

/**
 * The end of a retry policy's schedule: the message goes with every later
 * one of its key, and the agent they were for is signed out, in one
 * transaction. Only the session whose receiver failed is ended: one signed
 * in since with another receiver, or polling, stays.
 */
async function giveUp(ctx: CoreContext, message: OutboxMessage, attempts: number): Promise<void> {
  const agentId = message.retry?.signOutAgent ?? null;
  const work = (): Promise<number> =>
    inTransaction(ctx, async (uow) => {
      const dropped = await uow.tx.outbox.discardPending({ id: message.id, orderingKey: message.orderingKey });
      if (agentId === null) return dropped;
      const session = await uow.tx.sessions.lock(agentId);
      if (session?.eventPush?.url === message.url) await endAgentSession(ctx, uow, session, 'push_failed');
      return dropped;
    });
  const dropped = agentId === null ? await work() : await ctx.queue.run(agentOwner(agentId), work);
  ctx.logger.warn('callback delivery given up', { id: message.id, topic: message.topic, attempts, dropped, agentId });
}
