import type { CallOf } from '../calls/call';
import type { CoreContext } from '../kernel/context';
import type { UnitOfWork } from '../kernel/unit-of-work';
import { offerCall } from './call-distribution';
import { inboundCall, QUEUE_TIMEOUT } from './inbound-call-flow';
import type { Queue } from './queue';

/**
 * A call whose caller now waits in a queue (it came in on a public number,
 * or an agent transferred its customer there): announced, offered to the
 * queue's agents at once, and given the queue's longest wait. The caller's
 * music on hold is started by whoever put it there. The call as it stands
 * afterwards.
 */
export async function enqueueCall(ctx: CoreContext, uow: UnitOfWork, call: CallOf<'inbound'>, queue: Queue): Promise<CallOf<'inbound'>> {
  uow.publish({ type: 'InboundCallQueued', call, queueName: queue.name, at: uow.now });
  const offered = await offerCall(ctx, uow, call, inboundCall);
  // Also while an agent's phone rings: it may not answer, and the caller's wait goes on.
  if (queue.maxWaitSec !== null) ctx.callTimers.schedule(call.id, QUEUE_TIMEOUT, queue.maxWaitSec * 1000);
  return offered;
}
