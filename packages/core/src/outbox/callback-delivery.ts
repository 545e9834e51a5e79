import type { CoreContext } from '../kernel/context';
import { inTransaction } from '../kernel/unit-of-work';
import { agentOwner } from '../kernel/ids';
import { endAgentSession } from '../agents/session-end';
import { attemptsAllowed, type OutboxMessage } from './outbox';

/**
 * The outcome of a post that the store could not take (the database went
 * away between the claim and the answer). Kept until written, because until
 * then the message stays claimed: a delivered callback would be posted again
 * when its lease ends, and every later callback of its key (the same call's)
 * would wait behind it for the whole lease.
 */
interface UnrecordedOutcome {
  delivered: boolean;
  /** Past this another dispatcher may have claimed the message again. */
  leaseUntil: Date;
  write(): Promise<void>;
}

export interface CallbackDelivery {
  /** Delivers the callbacks that are due; returns how many were delivered. */
  deliverDue(): Promise<number>;
}

/**
 * Delivers callbacks that are due, each with its own id as idempotency key so
 * a receiver can drop the repeat of a delivery that was interrupted. A failed
 * delivery is retried with growing delays, forever: a callback is only ever
 * dropped by an operator, unless it carries a retry policy of its own (pushed
 * agent events), which gives up at the end of its schedule.
 *
 * A round first writes the outcomes an earlier round could not, and claims
 * nothing new until they are written: the store is the one record of what
 * was delivered.
 */
export function callbackDelivery(ctx: CoreContext): CallbackDelivery {
  const unrecorded: UnrecordedOutcome[] = [];

  const writeUnrecorded = async (): Promise<void> => {
    const now = ctx.clock.now();
    // A failure's outcome past its lease is moot: the message is due again,
    // and another dispatcher may be retrying it. A delivery's is still worth
    // writing: it spares the receiver a repeat.
    const pending = unrecorded.splice(0).filter((outcome) => outcome.delivered || outcome.leaseUntil > now);
    for (const [index, outcome] of pending.entries()) {
      try {
        await outcome.write();
      } catch (error) {
        // Kept in front of any a concurrent round added meanwhile.
        unrecorded.unshift(...pending.slice(index));
        throw error;
      }
    }
  };

  const deliverOne = async (message: OutboxMessage, leaseUntil: Date): Promise<boolean> => {
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
      await record({ delivered: true, leaseUntil, write: () => ctx.store.direct.outbox.markDelivered(message.id, at) });
      return true;
    }
    const attempts = message.attempts + 1;
    if (message.retry && attempts >= attemptsAllowed(message.retry)) {
      await giveUp(ctx, message, attempts);
      return false;
    }
    const { retryBaseMs, retryMaxMs } = ctx.config.outbox;
    const delay = message.retry ? message.retry.everyMs : Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(attempts - 1, 30));
    const nextAttemptAt = new Date(at.getTime() + delay);
    await record({
      delivered: false,
      leaseUntil,
      write: () => ctx.store.direct.outbox.markFailed(message.id, attempts, nextAttemptAt, outcome.reason),
    });
    // Never the headers: they carry the receiver's credentials.
    ctx.logger.warn('callback delivery failed; will retry', { id: message.id, topic: message.topic, attempts, status: outcome.status });
    return false;
  };

  const record = async (outcome: UnrecordedOutcome): Promise<void> => {
    try {
      await outcome.write();
    } catch (error) {
      unrecorded.push(outcome);
      throw error;
    }
  };

  return {
    async deliverDue() {
      await writeUnrecorded();
      const { batchSize, leaseMs } = ctx.config.outbox;
      const now = ctx.clock.now();
      const leaseUntil = new Date(now.getTime() + leaseMs);
      const due = await ctx.store.direct.outbox.claimDue(now, batchSize, leaseUntil);
      const results = await Promise.allSettled(due.map((message) => deliverOne(message, leaseUntil)));
      const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failure) throw failure.reason;
      return results.filter((result) => result.status === 'fulfilled' && result.value).length;
    },
  };
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
