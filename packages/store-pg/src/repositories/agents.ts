import type { Agent, AgentRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { fromJsonbStrings, storableNullableText, storableText, toJsonb } from '../support/json-column';
import { releaseLoginAttempt, reserveLoginAttempt } from '../support/login-attempts';

export interface AgentRow {
  id: string;
  name: string;
  secret_hash: string | null;
  device: string | null;
  active: boolean;
  external_id: string | null;
  attributes: unknown;
}

export const toAgent = (row: AgentRow): Agent => ({
  id: row.id,
  name: row.name,
  secretHash: row.secret_hash,
  device: row.device,
  active: row.active,
  externalId: row.external_id,
  attributes: fromJsonbStrings(row.attributes),
});

/** The columns an agent is written with (insert and provisioning's upsert alike). */
const agentRow = (agent: Agent) => ({
  id: agent.id,
  name: agent.name,
  secret_hash: agent.secretHash,
  device: agent.device,
  active: agent.active,
  external_id: storableNullableText(agent.externalId),
  attributes: toJsonb(agent.attributes),
});

export function createAgentRepository(db: Knex): AgentRepository {
  return {
    async get(id) {
      const row: AgentRow | undefined = await db('agents').where({ id }).first();
      return row ? toAgent(row) : null;
    },

    async list(page) {
      const rows: AgentRow[] = await db('agents').orderBy('id').offset(page.offset).limit(page.limit);
      return rows.map(toAgent);
    },

    reserveLoginAttempt: (id, at, policy) => reserveLoginAttempt(db, 'agents', id, at, policy),

    releaseLoginAttempt: (id, clearFailures, at) => releaseLoginAttempt(db, 'agents', id, clearFailures, at),

    async findByExternalId(externalId) {
      const row: AgentRow | undefined = await db('agents').where({ external_id: storableText(externalId) }).first();
      return row ? toAgent(row) : null;
    },

    async findByAttribute(name, value) {
      // Containment, so that the attributes' GIN index answers it.
      const rows: AgentRow[] = await db('agents')
        .whereRaw('attributes @> ?::jsonb', [JSON.stringify({ [name]: value })])
        .orderBy('id');
      return rows.map(toAgent);
    },

    async insert(agent) {
      const rows: Array<{ id: string }> = await db('agents')
        .insert(agentRow(agent))
        .onConflict('id')
        .ignore()
        .returning('id');
      return rows.length > 0;
    },

    async highestNumericId() {
      const row: { highest: string | null } | undefined = await db('agents').whereRaw("id ~ '^[0-9]{1,15}$'").first(db.raw('max(id::bigint)::text AS highest'));
      return row?.highest == null ? null : Number(row.highest);
    },

    async upsert(agent) {
      await db('agents')
        .insert(agentRow(agent))
        .onConflict('id')
        // Provisioning again must not forgive failed logins.
        .merge(['name', 'secret_hash', 'device', 'active', 'external_id', 'attributes']);
    },

    async delete(id) {
      return (await db('agents').where({ id }).delete()) > 0;
    },
  };
}
