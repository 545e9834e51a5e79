import type { Queue, QueueMember, QueueRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { SEND_WITH_NEXT } from '../support/pipelined-transactions';
import type { TransactionFacts } from './agent-sessions';

interface QueueRow {
  name: string;
  strategy: string;
  active: boolean;
  moh_class: string;
  max_wait_sec: number | null;
}

interface QueueMemberRow {
  queue_name: string;
  agent_id: string;
  penalty: number;
  paused: boolean;
  membership: QueueMember['membership'];
  weight: number;
  grade: number;
  daily_limit: number | null;
  calls_today: number;
  calls_today_on: string | null;
}

const MEMBER_COLUMNS = ['queue_name', 'agent_id', 'penalty', 'paused', 'membership', 'weight', 'grade', 'daily_limit', 'calls_today', 'calls_today_on'];

const toMember = (row: QueueMemberRow): QueueMember => ({
  agentId: row.agent_id,
  penalty: row.penalty,
  paused: row.paused,
  membership: row.membership,
  weight: row.weight,
  grade: row.grade,
  dailyLimit: row.daily_limit,
  callsToday: row.calls_today,
  callsTodayOn: row.calls_today_on,
});

// Every pause and resume of an agent in queues runs it: written once, not built by knex each time.
const SET_PAUSED = 'UPDATE queue_members SET paused = ? WHERE agent_id = ?';

export function createQueueRepository(db: Knex, facts?: TransactionFacts): QueueRepository {
  const membersOf = (names: readonly string[]): Promise<QueueMemberRow[]> =>
    db('queue_members')
      .whereIn('queue_name', names)
      .orderBy('joined')
      // A day, not a moment: read back as the `YYYY-MM-DD` written.
      .select(...MEMBER_COLUMNS.filter((column) => column !== 'calls_today_on'), db.raw(`to_char(calls_today_on, 'YYYY-MM-DD') AS calls_today_on`));

  const assemble = (queues: QueueRow[], members: QueueMemberRow[]): Queue[] =>
    queues.map((queue) => ({
      name: queue.name,
      strategy: queue.strategy,
      active: queue.active,
      mohClass: queue.moh_class,
      maxWaitSec: queue.max_wait_sec,
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
      await db('queues')
        .insert({ name: queue.name, strategy: queue.strategy, active: queue.active, moh_class: queue.mohClass, max_wait_sec: queue.maxWaitSec })
        .onConflict('name')
        .merge(['strategy', 'active', 'moh_class', 'max_wait_sec']);
    },

    async putMember(queueName, member) {
      facts?.inNoQueue.delete(member.agentId);
      const settings = { weight: member.weight, grade: member.grade, daily_limit: member.dailyLimit };
      const given = (Object.keys(settings) as Array<keyof typeof settings>).filter((column) => settings[column] !== undefined);
      // A member keeps its pause, its count and its place in the join order when re-added.
      await db('queue_members')
        .insert({ queue_name: queueName, agent_id: member.agentId, penalty: member.penalty, paused: false, membership: member.membership, ...withoutUndefined(settings) })
        .onConflict(['queue_name', 'agent_id'])
        .merge(['penalty', 'membership', ...given]);
    },

    async countCallTaken(queueName, agentId, day) {
      await db('queue_members')
        .where({ queue_name: queueName, agent_id: agentId })
        .update({
          calls_today: db.raw('CASE WHEN calls_today_on = ?::date THEN calls_today + 1 ELSE 1 END', [day]),
          calls_today_on: day,
        });
    },

    async removeMember(queueName, agentId) {
      const removed = await db('queue_members').where({ queue_name: queueName, agent_id: agentId }).delete();
      return removed > 0;
    },

    async setPausedForAgent(agentId, paused) {
      if (facts?.inNoQueue.has(agentId)) return;
      const statement = db.raw(SET_PAUSED, [paused, agentId]);
      // Under the agent's session lock, nothing waits for the row count: the update travels with the next statement or the COMMIT.
      await (facts?.lockedAgents.has(agentId) === true ? statement.options({ [SEND_WITH_NEXT]: true }) : statement);
    },

    async queuesOfAgent(agentId) {
      const rows: Array<{ queue_name: string }> = await db('queue_members').where({ agent_id: agentId }).orderBy('queue_name').select('queue_name');
      return rows.map((row) => row.queue_name);
    },

    async membershipsOfAgent(agentId) {
      const rows: Array<{ queue_name: string }> = await db('queue_members').where({ agent_id: agentId }).orderBy('joined').select('queue_name');
      return rows.map((row) => row.queue_name);
    },
  };
}

function withoutUndefined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
