import type { OutboxMessage, OutboxRepository, RetryPolicy } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { fromJsonbStrings, toJsonb } from '../support/json-column';
import { isSerialId, toNumber } from '../support/rows';

interface OutboxRow {
  id: string;
  topic: string;
  ordering_key: string | null;
  url: string;
  body: string;
  headers: unknown;
  created_at: Date;
  attempts: number;
  next_attempt_at: Date;
  delivered_at: Date | null;
  last_error: string | null;
  retry: RetryPolicy | string | null;
  signing_key: string | null;
}

const toMessage = (row: OutboxRow): OutboxMessage => ({
  id: String(row.id),
  topic: row.topic,
  orderingKey: row.ordering_key,
  url: row.url,
  body: row.body,
  headers: fromJsonbStrings(row.headers),
  createdAt: row.created_at,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  deliveredAt: row.delivered_at,
  lastError: row.last_error,
  retry: row.retry === null ? null : typeof row.retry === 'string' ? (JSON.parse(row.retry) as RetryPolicy) : row.retry,
  signingKey: row.signing_key,
});

export function createOutboxRepository(db: Knex): OutboxRepository {
  return {
    async add(message, now) {
      const rows: OutboxRow[] = await db('outbox')
        .insert({
          topic: message.topic,
          ordering_key: message.orderingKey ?? null,
          url: message.url,
          body: message.body,
          headers: toJsonb(message.headers),
          created_at: now,
          attempts: 0,
          next_attempt_at: now,
          retry: message.retry ? JSON.stringify(message.retry) : null,
          signing_key: message.signingKey ?? null,
        })
        .returning('*');
      return toMessage(rows[0]!);
    },

    async claimDue(now, limit, leaseUntil) {
      if (limit <= 0) return [];
      // The lease is the due time itself: a claimer that dies without marking
      // its messages leaves them due again at `leaseUntil`. SKIP LOCKED keeps
      // concurrent claimers from taking the same message or waiting on each other.
      const result: { rows: OutboxRow[] } = await db.raw(
        `WITH due AS (
           SELECT id FROM outbox
            WHERE delivered_at IS NULL AND next_attempt_at <= ?
              AND (ordering_key IS NULL OR NOT EXISTS (
                    SELECT 1 FROM outbox AS earlier
                     WHERE earlier.ordering_key = outbox.ordering_key
                       AND earlier.id < outbox.id
                       AND earlier.delivered_at IS NULL))
            ORDER BY next_attempt_at, id
            LIMIT ?
            FOR UPDATE SKIP LOCKED
         )
         UPDATE outbox SET next_attempt_at = ?
           FROM due
          WHERE outbox.id = due.id
         RETURNING outbox.*`,
        [now, Math.floor(limit), leaseUntil],
      );
      return result.rows.map(toMessage).sort((a, b) => toNumber(a.id) - toNumber(b.id));
    },

    async markDelivered(id, at) {
      if (!isSerialId(id)) return;
      await db('outbox').where({ id }).update({ delivered_at: at });
    },

    async markFailed(id, attempts, nextAttemptAt, error) {
      if (!isSerialId(id)) return;
      await db('outbox').where({ id }).update({ attempts, next_attempt_at: nextAttemptAt, last_error: error });
    },

    async discardPending(which) {
      const id = which.id !== undefined && isSerialId(which.id) ? which.id : null;
      const key = which.orderingKey ?? null;
      if (id === null && key === null) return 0;
      return db('outbox')
        .whereNull('delivered_at')
        .andWhere((where) => {
          if (id !== null) void where.orWhere({ id });
          if (key !== null) void where.orWhere({ ordering_key: key });
        })
        .delete();
    },

    async countPending(orderingKey) {
      // One key's count uses outbox_ordering_idx (undelivered rows by key).
      const pending = db('outbox').whereNull('delivered_at');
      if (orderingKey !== undefined) void pending.where({ ordering_key: orderingKey });
      const row = await pending.count({ pending: '*' }).first();
      return row?.pending === undefined ? 0 : toNumber(row.pending);
    },
  };
}
