import { DomainError, type AgentSession, type CallControl, type Queue } from '@pbx-gateway/core';
import { defineRoute, type AdminRoute } from '../admin-route';
import { pageQuerySchema, pageSchema, readPage, sliceOf, type PageQuery } from '../admin-paging';
import { bool, dateTime, integer, nameSchema, nullableInteger, nullableText, objectSchema, pathOf, text } from '../admin-schemas';
import { provisionedRoutes } from './provisioned-resource';

const memberSchema = objectSchema({
  agentId: text,
  penalty: integer,
  paused: bool,
  membership: { type: 'string', enum: ['static', 'dynamic'] },
  weight: integer,
  grade: integer,
  dailyLimit: nullableInteger,
});

export const queueSchema = objectSchema({
  name: text,
  strategy: text,
  active: bool,
  mohClass: text,
  maxWaitSec: nullableInteger,
  members: { type: 'array', items: memberSchema },
});

const queueView = (queue: Queue) => ({
  name: queue.name,
  strategy: queue.strategy,
  active: queue.active,
  mohClass: queue.mohClass,
  maxWaitSec: queue.maxWaitSec,
  members: queue.members.map((member) => ({
    agentId: member.agentId,
    penalty: member.penalty,
    paused: member.paused,
    membership: member.membership,
    weight: member.weight,
    grade: member.grade,
    dailyLimit: member.dailyLimit,
  })),
});

const liveQueueSchema = objectSchema({
  name: text,
  active: bool,
  waiting: {
    type: 'array',
    items: objectSchema({ callId: text, fromNumber: text, did: text, waitingSince: dateTime }),
  },
  agents: {
    type: 'array',
    items: objectSchema({ agentId: text, paused: bool, state: { type: 'string', enum: ['logged_out', 'ready', 'paused', 'in_call', 'wrap_up'] }, campaign: nullableText }),
  },
});

/** What a queue is doing now: the calls waiting in it and where each of its agents is. */
async function liveQueueView(core: CallControl, queue: Queue, sessions: ReadonlyMap<string, AgentSession>) {
  const waiting = await core.listWaitingCalls([queue.name]);
  return {
    name: queue.name,
    active: queue.active,
    waiting: waiting.map((call) => ({ callId: call.callId, fromNumber: call.fromNumber, did: call.did, waitingSince: call.waitingSince.toISOString() })),
    agents: queue.members.map((member) => {
      const session = sessions.get(member.agentId);
      return { agentId: member.agentId, paused: member.paused, state: session?.state ?? 'logged_out', campaign: session?.campaignId ?? null };
    }),
  };
}

const sessionsByAgent = async (core: CallControl) => new Map((await core.listAgentSessions()).map((session) => [session.agentId, session]));
const byName = (a: Queue, b: Queue): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Call queues (VICIdial in-groups, Huawei skills): provisioning's `queues:`, and what they do now. */
export const queueRoutes: readonly AdminRoute[] = [
  ...provisionedRoutes<{ queueName: string }, Queue, ReturnType<typeof queueView>>({
    tag: 'queues',
    collection: '/queues',
    singular: 'queue',
    plural: 'queues',
    keyParams: { queueName: nameSchema },
    keyOf: (params) => ({ queueName: String(params.queueName) }),
    section: 'queues',
    keyFields: ['name'],
    entryOf: (key, body) => ({ ...body, name: key.queueName }),
    list: ({ core }, page) => sliceOf(async () => (await core.listQueues()).sort(byName))(page),
    get: ({ core }, key) => core.getQueue(key.queueName),
    async check({ core }, entry) {
      for (const member of (entry.members ?? []) as Array<{ agentId: string }>) {
        if (!(await core.getAgent(member.agentId))) throw new DomainError('AGENT_NOT_FOUND', `agent ${member.agentId} does not exist`);
      }
    },
    putRefusals: ['AGENT_NOT_FOUND'],
    view: queueView,
    viewSchema: queueSchema,
    notFoundCode: 'QUEUE_NOT_FOUND',
  }),
  defineRoute<Record<string, never>, PageQuery>({
    method: 'get',
    path: '/live/queues',
    operationId: 'listLiveQueues',
    summary: 'Every queue now: calls waiting, its agents\' states',
    tag: 'queues',
    scope: 'read',
    query: pageQuerySchema,
    success: { status: 200, description: 'a page of queues, by name', schema: pageSchema(liveQueueSchema) },
    async handle({ core }, { query }) {
      const sessions = await sessionsByAgent(core);
      const all = async () => (await core.listQueues()).sort(byName);
      return { status: 200, body: await readPage(query, sliceOf(all), (queue) => liveQueueView(core, queue, sessions)) };
    },
  }),
  defineRoute<{ queueName: string }>({
    method: 'get',
    path: '/live/queues/{queueName}',
    operationId: 'getLiveQueue',
    summary: 'One queue now',
    tag: 'queues',
    scope: 'read',
    params: pathOf('queueName'),
    success: { status: 200, description: 'the queue now', schema: objectSchema({ queue: liveQueueSchema }) },
    refusals: ['QUEUE_NOT_FOUND'],
    async handle({ core }, { params }) {
      const queue = await core.getQueue(params.queueName);
      if (!queue) throw new DomainError('QUEUE_NOT_FOUND', `queue ${params.queueName} does not exist`);
      return { status: 200, body: { queue: await liveQueueView(core, queue, await sessionsByAgent(core)) } };
    },
  }),
];
