import { EVENT_LOG_SIGNAL, type EventLogEntry, type EventLogRepository, type EventTopic } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { encodeMailboxNotice, MAILBOX_NOTICE_CHANNEL } from '../mailbox-notice';
import { fromJsonbObject, storableNullableText, storableText, toJsonb } from '../support/json-column';

/**
 * Held from a transaction's first append to its commit: ids are taken one
 * transaction at a time, so they grow in commit order and a reader that has
 * seen id N can never later find an N-1 committed behind it.
 */
const EVENT_LOG_LOCK = 7_146_130;

interface EventLogRow {
  id: string;
  at: Date;
  tenant: string | null;
  topic: string;
  type: string;
  data: unknown;
}

export function createEventLogRepository(db: Knex): EventLogRepository {
  return {
    async append(entry) {
      await db.raw('SELECT pg_advisory_xact_lock(?)', [EVENT_LOG_LOCK]);
      // The notice is held back until commit and dropped on rollback; Postgres sends one per transaction however many entries it adds.
      await db.raw(
        `WITH appended AS (
           INSERT INTO event_log (at, tenant, topic, type, data) VALUES (?, ?, ?, ?, ?::jsonb) RETURNING id
         )
         SELECT pg_notify(?, ?) FROM appended LIMIT 1`,
        [entry.at, storableNullableText(entry.tenant), entry.topic, entry.type, toJsonb(entry.data), MAILBOX_NOTICE_CHANNEL, encodeMailboxNotice(EVENT_LOG_SIGNAL)],
      );
    },

    async readAfter(afterId, filter, limit) {
      const query = db<EventLogRow>('event_log').where('id', '>', afterId).orderBy('id').limit(limit);
      if (filter.topics.length > 0) query.whereIn('topic', [...filter.topics]);
      if (filter.tenant === null) query.whereNull('tenant');
      else if (filter.tenant !== undefined) query.where('tenant', storableText(filter.tenant));
      const [rows, pruned] = await Promise.all([query.select('id', 'at', 'tenant', 'topic', 'type', 'data'), db('event_log_pruned').first('pruned_through')]);
      return { entries: rows.map(entryOf), prunedThrough: String((pruned as { pruned_through?: string } | undefined)?.pruned_through ?? '0') };
    },

    async lastId() {
      const row = (await db('event_log').max('id as id').first()) as { id: string | null } | undefined;
      return row?.id ?? '0';
    },

    async prune(before) {
      const result: { rows: Array<{ removed: string }> } = await db.raw(
        `WITH gone AS (DELETE FROM event_log WHERE at < ? RETURNING id),
              horizon AS (
                UPDATE event_log_pruned SET pruned_through = GREATEST(pruned_through, (SELECT max(id) FROM gone))
                 WHERE EXISTS (SELECT 1 FROM gone)
              )
         SELECT count(*)::text AS removed FROM gone`,
        [before],
      );
      return Number(result.rows[0]?.removed ?? 0);
    },
  };
}

const entryOf = (row: EventLogRow): EventLogEntry => ({
  id: String(row.id),
  at: row.at,
  tenant: row.tenant,
  topic: row.topic as EventTopic,
  type: row.type,
  data: fromJsonbObject(row.data),
});
