import type { CoreContext } from '../kernel/context';
import { ownerOf } from '../kernel/owner-queue';
import { inTransaction } from '../kernel/unit-of-work';
import { offerCall } from './call-distribution';
import { inboundCall } from './inbound-call-flow';

/** One distribution pass at a time: two passes would only offer the same calls to the same agents. */
const DISTRIBUTION_OWNER = 'queue-distribution';

/** Starts a pass over the calls waiting in the agent's queues (not waited for). */
export function startDistribution(ctx: CoreContext, agentId: string): void {
  void ctx.queue
    .run(DISTRIBUTION_OWNER, async () => distribute(ctx, await ctx.store.direct.queues.queuesOfAgent(agentId), agentId))
    .catch((error: unknown) => ctx.logger.error('queued calls could not be offered', { agentId, error: String(error) }));
}

/**
 * Offers every waiting call of the queues, and those waiting for the agent
 * alone, oldest first, each in its own owner's queue; a queue whose call
 * found nobody is not tried again in this pass (a call for one agent that
 * found nobody says nothing of the queue's other calls).
 */
async function distribute(ctx: CoreContext, queueNames: readonly string[], agentId: string): Promise<void> {
  const exhausted = new Set<string>();
  for (const waiting of await ctx.store.direct.calls.listWaiting(queueNames, agentId)) {
    const queueName = waiting.progress.queueName;
    if (queueName === null || exhausted.has(queueName)) continue;
    const taken = await ctx.queue.run(ownerOf(waiting.id), () =>
      inTransaction(ctx, async (uow) => {
        const call = await uow.tx.calls.lock(waiting.id);
        if (call?.purpose !== 'inbound' || call.state === 'ended' || call.progress.stage !== 'waiting') return true;
        return (await offerCall(ctx, uow, call, inboundCall)).progress.stage !== 'waiting';
      }),
    );
    if (!taken && !waiting.progress.forAgentId) exhausted.add(queueName);
  }
}
