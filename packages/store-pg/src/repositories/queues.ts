import type { Queue, QueueMember, QueueRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface QueueRow {
  name: string;
  strategy: string;
}

interface QueueMemberRow {
  queue_name: string;
  agent_id: string;
  penalty: number;
  paused: boolean;
  membership: QueueMember['membership'];
}

const toMember = (row: QueueMemberRow): QueueMember => ({
  agentId: row.agent_id,
  penalty: row.penalty,
  paused: row.paused,
  membership: row.membership,
});

export function createQueueRepository(db: Knex): QueueRepository {
  const membersOf = (names: readonly string[]): Promise<QueueMemberRow[]> =>
    db('queue_members').whereIn('queue_name', names).orderBy('joined').select('queue_name', 'agent_id', 'penalty', 'paused', 'membership');

  const assemble = (queues: QueueRow[], members: QueueMemberRow[]): Queue[] =>
    queues.map((queue) => ({
      name: queue.name,
      strategy: queue.strategy,
      members: members.filter((member) => member.queue_name === queue.name).map(toMember),
    }));

  return {
    async get(name) {
      const row: QueueRow | undefined = await db('queues').where({ name }).first();
      if (!row) return null;
      return assemble([row], await membersOf([name]))[0] ?? null;
    },

    async list() {
      const rows: QueueRow[] = await db('queues').orderBy('name');
      if (rows.length === 0) return [];
      return assemble(rows, await membersOf(rows.map((row) => row.name)));
    },

    async upsert(queue) {
      await db('queues').insert({ name: queue.name, strategy: queue.strategy }).onConflict('name').merge(['strategy']);
    },

    async putMember(queueName, member) {
      // A member keeps its pause and its place in the join order when re-added.
      await db('queue_members')
        .insert({ queue_name: queueName, agent_id: member.agentId, penalty: member.penalty, paused: member.paused, membership: member.membership })
        .onConflict(['queue_name', 'agent_id'])
        .merge(['penalty', 'membership']);
    },

    async removeMember(queueName, agentId) {
      const removed = await db('queue_members').where({ queue_name: queueName, agent_id: agentId }).delete();
      return removed > 0;
    },

    async setPausedForAgent(agentId, paused) {
      await db('queue_members').where({ agent_id: agentId }).update({ paused });
    },

    async queuesOfAgent(agentId) {
      const rows: Array<{ queue_name: string }> = await db('queue_members').where({ agent_id: agentId }).orderBy('queue_name').select('queue_name');
      return rows.map((row) => row.queue_name);
    },
  };
}
