import type { BroadcastNumber, BroadcastNumberState, CheckedBroadcastPlan, JsonValue, QueuedBroadcastBatch, VoiceBroadcastQueueRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { storableText, toJsonb } from '../support/json-column';
import { toNumber } from '../support/rows';

interface BatchRow {
  id: string;
  plan: unknown;
  dial_until: Date | null;
  queued_at: Date;
  number_count: number;
  next_position: number;
}

interface NumberRow {
  batch_id: string;
  position: number;
  number: string;
  state: string;
  call_id: string | null;
}

/** Numbers per INSERT: 5000 numbers in a handful of statements, well under the protocol's parameter limit. */
const INSERT_CHUNK = 1000;

// Only this repository writes `plan`, from a plan the core checked: it is read back as written.
const toBatch = (row: BatchRow): QueuedBroadcastBatch => ({
  id: row.id,
  plan: row.plan as CheckedBroadcastPlan,
  dialUntil: row.dial_until,
  queuedAt: row.queued_at,
});

// The column's CHECK admits only the three states.
const toNumberEntry = (row: NumberRow): BroadcastNumber => ({
  batchId: row.batch_id,
  position: row.position,
  number: row.number,
  state: row.state as BroadcastNumberState,
  callId: row.call_id,
});

export function createVoiceBroadcastQueueRepository(db: Knex): VoiceBroadcastQueueRepository {
  return {
    async insert(batch, numbers) {
      await db('voice_broadcast_batches').insert({
        id: batch.id,
        plan: toJsonb(batch.plan as unknown as JsonValue),
        dial_until: batch.dialUntil,
        queued_at: batch.queuedAt,
        number_count: numbers.length,
      });
      for (let start = 0; start < numbers.length; start += INSERT_CHUNK) {
        const rows = numbers.slice(start, start + INSERT_CHUNK).map((number, index) => ({ batch_id: batch.id, position: start + index, number: storableText(number) }));
        await db('voice_broadcast_numbers').insert(rows);
      }
    },

    async countPending() {
      const row: { pending: string | number | null } | undefined = await db('voice_broadcast_batches')
        .whereRaw('next_position < number_count')
        .select(db.raw('sum(number_count - next_position) AS pending'))
        .first();
      return toNumber(row?.pending ?? 0);
    },

    async claimNext() {
      // SKIP LOCKED: a batch another transaction is claiming from is not waited for.
      const batch: BatchRow | undefined = await db('voice_broadcast_batches')
        .whereRaw('next_position < number_count')
        .orderBy('turn')
        .forUpdate()
        .skipLocked()
        .first();
      if (!batch) return null;
      const number: NumberRow | undefined = await db('voice_broadcast_numbers').where({ batch_id: batch.id, position: batch.next_position }).first();
      if (!number) throw new Error(`batch ${batch.id} has no number at ${batch.next_position}`);
      await db('voice_broadcast_batches')
        .where({ id: batch.id })
        .update({ next_position: batch.next_position + 1, turn: db.raw("nextval('voice_broadcast_turns')") });
      return { batch: toBatch(batch), position: number.position, number: number.number, last: batch.next_position + 1 === batch.number_count };
    },

    async markPlaced(batchId, position, callId) {
      await db('voice_broadcast_numbers').where({ batch_id: batchId, position, state: 'pending' }).update({ state: 'placed', call_id: callId });
    },

    async markDropped(batchId, position) {
      await db('voice_broadcast_numbers').where({ batch_id: batchId, position, state: 'pending' }).update({ state: 'dropped' });
    },

    async dropPending(batchId) {
      await db('voice_broadcast_batches').where({ id: batchId }).update({ next_position: db.ref('number_count') });
      return db('voice_broadcast_numbers').where({ batch_id: batchId, state: 'pending' }).update({ state: 'dropped' });
    },

    async liveCallIds() {
      // From the calls up (a partial index), not from every number ever placed.
      const rows: Array<{ call_id: string }> = await db('calls')
        .join('voice_broadcast_numbers', 'voice_broadcast_numbers.call_id', 'calls.id')
        .whereNot('calls.state', 'ended')
        .select('voice_broadcast_numbers.call_id')
        .orderBy('voice_broadcast_numbers.call_id');
      return rows.map((row) => row.call_id);
    },

    async numbersOf(batchId) {
      const rows: NumberRow[] = await db('voice_broadcast_numbers').where({ batch_id: batchId }).orderBy('position');
      return rows.map(toNumberEntry);
    },

    async removeFinished(endedBefore) {
      // The numbers go with their batch (ON DELETE CASCADE); a batch with a call up or ended since stays.
      const result = await db.raw<{ rowCount: number | null }>(
        `DELETE FROM voice_broadcast_batches b
          WHERE b.next_position = b.number_count
            AND b.queued_at < ?
            AND NOT EXISTS (
              SELECT 1 FROM voice_broadcast_numbers n JOIN calls c ON c.id = n.call_id
               WHERE n.batch_id = b.id AND (c.state <> 'ended' OR c.ended_at IS NULL OR c.ended_at >= ?))`,
        [endedBefore, endedBefore],
      );
      return result.rowCount ?? 0;
    },
  };
}
