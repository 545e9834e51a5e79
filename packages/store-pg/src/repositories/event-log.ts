import {
  EVENT_LOG_SIGNAL,
  EVENT_LOG_START,
  eventLogId,
  parseEventLogId,
  type EventLogEntry,
  type EventLogFilter,
  type EventLogRepository,
  type EventTopic,
} from '@pbx-gateway/core';
import type { Knex } from 'knex';
import type { Announce } from '../commit-notices';
import { fromJsonbObject, storableNullableText, storableText, toJsonb } from '../support/json-column';
import { SEND_WITH_NEXT } from '../support/pipelined-transactions';
import type { TransactionFacts } from './agent-sessions';

/**
 * Every transaction still running has a transaction id at least this (the
 * oldest running one's), and so does every transaction yet to start: entries
 * below it can no longer be joined by any that sort before them. Read in the
 * same statement as the entries, so both come from one snapshot.
 */
const FINISHED_BELOW = 'pg_snapshot_xmin(pg_current_snapshot())';

interface PageRow {
  pruned_tx: string;
  pruned_id: string;
  held: boolean;
  tx: string | null;
  id: string | null;
  at: Date | null;
  tenant: string | null;
  topic: string | null;
  type: string | null;
  data: unknown;
}

/**
 * `facts`: what the transaction this repository works in has learnt (none outside a transaction);
 * `announce`: told of each append, to wake the log's readers once it has committed.
 */
export function createEventLogRepository(db: Knex, announce: Announce, facts?: TransactionFacts): EventLogRepository {
  return {
    async append(entries) {
      if (entries.length === 0) return;
      // One statement for the transaction's events: ids in the given order, no lock.
      const values = entries.map(() => '(?, ?, ?, ?, ?::jsonb)').join(', ');
      const bindings = entries.flatMap((entry) => [entry.at, storableNullableText(entry.tenant), entry.topic, entry.type, toJsonb(entry.data)]);
      const statement = db.raw(`INSERT INTO event_log (at, tenant, topic, type, data) VALUES ${values}`, bindings);
      // An entry's place is its transaction's id. Once the transaction has one (a row lock or a write took it),
      // sending the entries later does not move them: they travel with the next statement or the COMMIT, no
      // round trip of their own. Before that, they are sent now, so that the id, and the place, are taken now.
      await (facts?.hasTransactionId === true ? statement.options({ [SEND_WITH_NEXT]: true }) : statement);
      announce(EVENT_LOG_SIGNAL);
    },

    async readAfter(afterId, filter, limit) {
      const after = parseEventLogId(afterId);
      if (!after) throw new Error(`not an event log id: ${afterId}`);
      const where = filterSql(filter);
      const result: { rows: PageRow[] } = await db.raw(
        `SELECT p.pruned_through_tx::text AS pruned_tx, p.pruned_through::text AS pruned_id,
                EXISTS (SELECT 1 FROM event_log WHERE tx >= ${FINISHED_BELOW}) AS held,
                e.tx::text AS tx, e.id::text AS id, e.at, e.tenant, e.topic, e.type, e.data
           FROM event_log_pruned p
           LEFT JOIN LATERAL (
             SELECT tx, id, at, tenant, topic, type, data FROM event_log
              WHERE (tx, id) > (?::xid8, ?::bigint) AND tx < ${FINISHED_BELOW}${where.sql}
              ORDER BY tx, id LIMIT ?
           ) e ON true
          ORDER BY e.tx, e.id`,
        [after.tx.toString(), after.serial.toString(), ...where.bindings, limit],
      );
      const first = result.rows[0];
      return {
        entries: result.rows.filter((row) => row.id !== null).map(entryOf),
        prunedThrough: first ? eventLogId({ tx: BigInt(first.pruned_tx), serial: BigInt(first.pruned_id) }) : EVENT_LOG_START,
        held: first?.held ?? false,
      };
    },

    async lastId() {
      // The newest entry a reader could be given now; the pruned position when retention removed everything.
      const result: { rows: Array<{ tx: string; id: string }> } = await db.raw(
        `SELECT newest.tx::text AS tx, newest.id::text AS id FROM (
           (SELECT tx, id FROM event_log WHERE tx < ${FINISHED_BELOW} ORDER BY tx DESC, id DESC LIMIT 1)
           UNION ALL
           SELECT pruned_through_tx, pruned_through FROM event_log_pruned
         ) newest ORDER BY newest.tx DESC, newest.id DESC LIMIT 1`,
      );
      const row = result.rows[0];
      return row ? eventLogId({ tx: BigInt(row.tx), serial: BigInt(row.id) }) : EVENT_LOG_START;
    },

    async prune(before) {
      // Only entries readers may already have been given: retention never takes one a reader has yet to see in order.
      const result: { rows: Array<{ removed: string }> } = await db.raw(
        `WITH gone AS (DELETE FROM event_log WHERE at < ? AND tx < ${FINISHED_BELOW} RETURNING tx, id),
              newest AS (SELECT tx, id FROM gone ORDER BY tx DESC, id DESC LIMIT 1),
              horizon AS (
                UPDATE event_log_pruned p SET pruned_through_tx = newest.tx, pruned_through = newest.id
                  FROM newest WHERE (newest.tx, newest.id) > (p.pruned_through_tx, p.pruned_through)
              )
         SELECT count(*)::text AS removed FROM gone`,
        [before],
      );
      return Number(result.rows[0]?.removed ?? 0);
    },
  };
}

function filterSql(filter: EventLogFilter): { sql: string; bindings: Array<string | null> } {
  let sql = '';
  const bindings: Array<string | null> = [];
  if (filter.topics.length > 0) {
    sql += ` AND topic IN (${filter.topics.map(() => '?').join(', ')})`;
    bindings.push(...filter.topics);
  }
  if (filter.tenant === null) sql += ' AND tenant IS NULL';
  else if (filter.tenant !== undefined) {
    sql += ' AND tenant = ?';
    bindings.push(storableText(filter.tenant));
  }
  return { sql, bindings };
}

const entryOf = (row: PageRow): EventLogEntry => ({
  id: eventLogId({ tx: BigInt(row.tx!), serial: BigInt(row.id!) }),
  at: row.at!,
  tenant: row.tenant,
  topic: row.topic as EventTopic,
  type: row.type!,
  data: fromJsonbObject(row.data),
});
