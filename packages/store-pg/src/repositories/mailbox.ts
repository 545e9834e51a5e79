import type { MailboxRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import type { Announce } from '../commit-notices';
import { fromJsonb, storableText, toJsonb } from '../support/json-column';

/** `announce`: told of each append, to wake its waiters once the append has committed. */
export function createMailboxRepository(db: Knex, announce: Announce): MailboxRepository {
  return {
    async append(agentId, channel, message) {
      const address = { agentId: storableText(agentId), channel: storableText(channel) };
      await db.raw('INSERT INTO agent_mailbox (agent_id, channel, message) VALUES (?, ?, ?::jsonb)', [address.agentId, address.channel, toJsonb(message)]);
      announce(address);
    },

    async takeNext(agentId, channel) {
      // SKIP LOCKED: two pollers of one mailbox take different messages instead of queueing behind each other.
      const result: { rows: Array<{ message: unknown }> } = await db.raw(
        `DELETE FROM agent_mailbox
          WHERE id = (
            SELECT id FROM agent_mailbox
             WHERE agent_id = ? AND channel = ?
             ORDER BY id
             LIMIT 1
             FOR UPDATE SKIP LOCKED
          )
          RETURNING message`,
        [storableText(agentId), storableText(channel)],
      );
      const row = result.rows[0];
      return row ? fromJsonb(row.message) : null;
    },

    async clear(agentId, channel) {
      await db('agent_mailbox').where({ agent_id: storableText(agentId), channel: storableText(channel) }).delete();
    },
  };
}
