import type { Agent, AgentRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { fromJsonbStrings, storableText, toJsonb } from '../support/json-column';
import { releaseLoginAttempt, reserveLoginAttempt } from '../support/login-attempts';

interface AgentRow {
  id: string;
  name: string;
  secret_hash: string | null;
  device: string | null;
  active: boolean;
  attributes: unknown;
}

const toAgent = (row: AgentRow): Agent => ({
  id: row.id,
  name: row.name,
  secretHash: row.secret_hash,
  device: row.device,
  active: row.active,
  attributes: fromJsonbStrings(row.attributes),
});

export function createAgentRepository(db: Knex): AgentRepository {
  return {
    async get(id) {
      const row: AgentRow | undefined = await db('agents').where({ id }).first();
      return row ? toAgent(row) : null;
    },

    reserveLoginAttempt: (id, at, policy) => reserveLoginAttempt(db, 'agents', id, at, policy),

    releaseLoginAttempt: (id, clearFailures) => releaseLoginAttempt(db, 'agents', id, clearFailures),

    async findByAttribute(name, value) {
      const row: AgentRow | undefined = await db('agents')
        .whereRaw('attributes @> jsonb_build_object(?::text, ?::text)', [storableText(name), storableText(value)])
        .orderBy('id')
        .first();
      return row ? toAgent(row) : null;
    },

    async upsert(agent) {
      await db('agents')
        .insert({
          id: agent.id,
          name: agent.name,
          secret_hash: agent.secretHash,
          device: agent.device,
          active: agent.active,
          attributes: toJsonb(agent.attributes),
        })
        .onConflict('id')
        // Provisioning again must not forgive failed logins.
        .merge(['name', 'secret_hash', 'device', 'active', 'attributes']);
    },
  };
}
