import type { CoreContext } from '../kernel/context';
import type { TrackWork } from '../kernel/tracked-work';
import { changeAgentQueues, type AgentQueueChange } from './agent-queue-change';
import type { Queue } from './queue';
import { queueStatistics, type QueueStatistics, type QueueStatisticsRequest } from './queue-statistics';
import { findQueueCalls, type QueueCall, type QueueCallSearch } from './queue-calls';

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
  /** Calls waiting for an agent in any of the queues, and with `forAgentId` those waiting for that agent alone, oldest first. */
  listWaitingCalls(queueNames: readonly string[], forAgentId?: string): Promise<WaitingCall[]>;
  changeAgentQueues(request: AgentQueueChange): Promise<{ queues: string[] }>;
  /** What the queue's calls since a moment came to: completed, abandoned, average wait and talk. */
  queueStatistics(request: QueueStatisticsRequest): Promise<QueueStatistics>;
  /** The calls that entered the queues within a period, with the agent who took each and its disposition. */
  findQueueCalls(search: QueueCallSearch): Promise<QueueCall[]>;
}

export function queueQueries(ctx: CoreContext, track: TrackWork): QueueQueries {
  const direct = ctx.store.direct;
  return {
    getQueue: (name) => direct.queues.get(name),
    listQueues: () => direct.queues.list(),
    queuesOfAgent: (agentId) => direct.queues.queuesOfAgent(agentId),
    async listWaitingCalls(queueNames, forAgentId) {
      if (queueNames.length === 0 && forAgentId === undefined) return [];
      return (await direct.calls.listWaiting(queueNames, forAgentId)).map((call) => ({
        callId: call.id,
        queueName: call.progress.queueName ?? '',
        fromNumber: call.fromNumber,
        did: call.progress.did,
        waitingSince: call.answeredAt ?? call.createdAt,
      }));
    },
    changeAgentQueues: (request) => track(changeAgentQueues(ctx, request)),
    queueStatistics: (request) => queueStatistics(ctx, request),
    findQueueCalls: (search) => findQueueCalls(ctx, search),
  };
}
