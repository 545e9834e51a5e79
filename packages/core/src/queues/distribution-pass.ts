import type { CoreContext, QueueDistribution } from '../kernel/context';
import { ownerOf } from '../kernel/owner-queue';
import { inTransaction } from '../kernel/unit-of-work';
import { offerCall } from './call-distribution';
import { inboundCall } from './inbound-call-flow';

/** One distribution pass at a time: two passes would only offer the same calls to the same agents. */
const DISTRIBUTION_OWNER = 'queue-distribution';

/**
 * Starts passes over the calls waiting for agents (not waited for), one at
 * a time. A pass asked for an agent whose earlier pass has not begun yet is
 * that pass: it will read the waiting calls when it begins, after both asks,
 * so a second one would only read them again.
 */
export function distributionPasses(core: () => CoreContext): QueueDistribution {
  const notBegun = new Set<string>();
  return {
    offerWaitingCallsTo(agentId) {
      if (notBegun.has(agentId)) return;
      notBegun.add(agentId);
      const ctx = core();
      void ctx.queue
        .run(DISTRIBUTION_OWNER, async () => {
          notBegun.delete(agentId);
          await distribute(ctx, agentId);
        })
        .catch((error: unknown) => {
          notBegun.delete(agentId);
          ctx.logger.error('queued calls could not be offered', { agentId, error: String(error) });
        });
    },
  };
}

/**
 * Offers every waiting call of the agent's queues, and those waiting for the agent
 * alone, oldest first, each in its own owner's queue; a queue whose call
 * found nobody is not tried again in this pass (a call for one agent that
 * found nobody says nothing of the queue's other calls).
 */
async function distribute(ctx: CoreContext, agentId: string): Promise<void> {
  const exhausted = new Set<string>();
  for (const waiting of await ctx.store.direct.calls.listWaitingForAgent(agentId)) {
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
