import type { MailboxRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { encodeMailboxNotice, MAILBOX_NOTICE_CHANNEL } from '../mailbox-notice';
import { fromJsonb, storableText, toJsonb } from '../support/json-column';

export function createMailboxRepository(db: Knex): MailboxRepository {
  return {
    async append(agentId, channel, message) {
      const address = { agentId: storableText(agentId), channel: storableText(channel) };
      // One statement: the row and its notice commit together. Postgres holds
      // a notice back until commit and drops it on rollback, so a waiter is
      // woken only for a message it can actually take.
      await db.raw(
        `WITH appended AS (
           INSERT INTO agent_mailbox (agent_id, channel, message) VALUES (?, ?, ?::jsonb) RETURNING id
         )
         SELECT pg_notify(?, ?) FROM appended`,
        [address.agentId, address.channel, toJsonb(message), MAILBOX_NOTICE_CHANNEL, encodeMailboxNotice(address)],
      );
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
