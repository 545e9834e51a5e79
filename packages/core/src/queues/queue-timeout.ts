import type { CallOf } from '../calls/call';
import type { CoreContext } from '../kernel/context';
import { answerWaitTimer, offersOf } from './call-offer';
import { QUEUE_TIMEOUT } from './inbound-call-flow';

/**
 * Timers live in memory: after a restart a caller still waiting gets the
 * rest of the queue's longest wait (at once, when it is over), and an offer
 * still waiting for its agent's answer the rest of the agent ring time.
 */
export async function rearmQueueTimeout(ctx: CoreContext, call: CallOf<'inbound'>, now: Date): Promise<void> {
  const { stage, queueName } = call.progress;
  if ((stage !== 'waiting' && stage !== 'ringing_agent') || queueName === null) return;
  for (const offer of offersOf(call)) {
    const left = Date.parse(offer.at) + ctx.config.agentRingTimeoutSec * 1000 - now.getTime();
    ctx.callTimers.schedule(call.id, answerWaitTimer(offer.agentId, offer.at), Math.max(0, left));
  }
  const queue = await ctx.store.direct.queues.get(queueName);
  if (queue?.maxWaitSec == null) return;
  const waited = now.getTime() - (call.answeredAt ?? call.createdAt).getTime();
  ctx.callTimers.schedule(call.id, QUEUE_TIMEOUT, Math.max(0, queue.maxWaitSec * 1000 - waited));
}
