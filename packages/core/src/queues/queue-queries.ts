import type { CoreContext } from '../kernel/context';
import type { TrackWork } from '../kernel/tracked-work';
import { changeAgentQueues, type AgentQueueChange } from './agent-queue-change';
import type { Queue } from './queue';

/** A call waiting in a queue for an agent. */
export interface WaitingCall {
  callId: string;
  queueName: string;
  /** The caller's number and the public number called. */
  fromNumber: string;
  did: string;
  waitingSince: Date;
}

/** Call queues, the agents serving them and the calls waiting in them. */
export interface QueueQueries {
  getQueue(name: string): Promise<Queue | null>;
  /** Every queue, with its members. */
  listQueues(): Promise<Queue[]>;
  /** The queues the agent is a member of. */
  queuesOfAgent(agentId: string): Promise<string[]>;
  /** Calls waiting for an agent in any of the queues, oldest first. */
  listWaitingCalls(queueNames: readonly string[]): Promise<WaitingCall[]>;
  changeAgentQueues(request: AgentQueueChange): Promise<{ queues: string[] }>;
}

export function queueQueries(ctx: CoreContext, track: TrackWork): QueueQueries {
  const direct = ctx.store.direct;
  return {
    getQueue: (name) => direct.queues.get(name),
    listQueues: () => direct.queues.list(),
    queuesOfAgent: (agentId) => direct.queues.queuesOfAgent(agentId),
    async listWaitingCalls(queueNames) {
      if (queueNames.length === 0) return [];
      return (await direct.calls.listWaiting(queueNames)).map((call) => ({
        callId: call.id,
        queueName: call.progress.queueName ?? '',
        fromNumber: call.fromNumber,
        did: call.progress.did,
        waitingSince: call.answeredAt ?? call.createdAt,
      }));
    },
    changeAgentQueues: (request) => track(changeAgentQueues(ctx, request)),
  };
}
