import type { CoreContext } from '../kernel/context';
import type { Queue } from './queue';

/** Call queues and the agents serving them. */
export interface QueueQueries {
  getQueue(name: string): Promise<Queue | null>;
  /** The queues the agent is a member of. */
  queuesOfAgent(agentId: string): Promise<string[]>;
}

export function queueQueries(ctx: CoreContext): QueueQueries {
  return { getQueue: (name) => ctx.store.direct.queues.get(name), queuesOfAgent: (agentId) => ctx.store.direct.queues.queuesOfAgent(agentId) };
}
