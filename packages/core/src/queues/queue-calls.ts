import type { InboundProgress } from '../calls/call-progress';
import type { CoreContext } from '../kernel/context';

/** A call that entered a queue (VICIdial's closer log): where it came from and what became of it. */
export interface QueueCall {
  callId: string;
  queueName: string;
  /** The public number called; empty for a call put in the queue by a transfer or a dial. */
  did: string;
  fromNumber: string;
  /** The agent who took it; null while nobody has. */
  agentId: string | null;
  arrivedAt: Date;
  stage: InboundProgress['stage'];
  /** The disposition the agent gave the call; null until given. */
  disposition: string | null;
}

export interface QueueCallSearch {
  queueNames: readonly string[];
  /** Arrived at or after. */
  from: Date;
  /** Arrived before. */
  to: Date;
}

/** The calls that entered the queues within the period, each queue's oldest first, queues in the order given. */
export async function findQueueCalls(ctx: CoreContext, search: QueueCallSearch): Promise<QueueCall[]> {
  const direct = ctx.store.direct;
  const found: QueueCall[] = [];
  for (const queueName of new Set(search.queueNames)) {
    for (const call of await direct.calls.listInboundOfQueue(queueName, search.from, search.to)) {
      const logged = await direct.leadCalls.get(call.id);
      found.push({
        callId: call.id,
        queueName,
        did: call.progress.did,
        fromNumber: call.fromNumber,
        agentId: call.agentId,
        arrivedAt: call.createdAt,
        stage: call.progress.stage,
        disposition: logged?.status ?? null,
      });
    }
  }
  return found;
}
