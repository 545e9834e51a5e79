import type { Recording, RecordingRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { storableText } from '../support/json-column';

interface RecordingRow {
  id: string;
  name: string;
  format: string;
  location: string;
  agent_id: string | null;
  bridge_id: string;
  call_id: string | null;
  lead_id: string | number | null;
  state: Recording['state'];
  created_at: Date;
  started_at: Date | null;
  ended_at: Date | null;
  duration_sec: number | null;
  paused_at: Date | null;
}

const toRecording = (row: RecordingRow): Recording => ({
  id: row.id,
  name: row.name,
  format: row.format,
  location: row.location,
  agentId: row.agent_id,
  bridgeId: row.bridge_id,
  callId: row.call_id,
  leadId: row.lead_id === null ? null : Number(row.lead_id),
  state: row.state,
  createdAt: row.created_at,
  startedAt: row.started_at,
  endedAt: row.ended_at,
  durationSec: row.duration_sec,
  pausedAt: row.paused_at ?? null,
});

/** Every column but the key. */
const toColumns = (recording: Recording): Omit<RecordingRow, 'id'> => ({
  name: recording.name,
  format: recording.format,
  location: recording.location,
  agent_id: recording.agentId,
  bridge_id: recording.bridgeId,
  call_id: recording.callId,
  lead_id: recording.leadId,
  state: recording.state,
  created_at: recording.createdAt,
  started_at: recording.startedAt,
  ended_at: recording.endedAt,
  duration_sec: recording.durationSec === null ? null : Math.round(recording.durationSec),
  paused_at: recording.pausedAt,
});

const OLDEST_FIRST = [{ column: 'created_at' }, { column: 'id' }];
const LIVE_STATES: ReadonlyArray<Recording['state']> = ['pending', 'recording'];
const ENDED_STATES: ReadonlyArray<Recording['state']> = ['finished', 'failed'];
const UNFINISHED_STATES: ReadonlyArray<Recording['state']> = [...LIVE_STATES, 'stopping'];

export function createRecordingRepository(db: Knex): RecordingRepository {
  const one = async (where: Partial<RecordingRow>): Promise<Recording | null> => {
    const row: RecordingRow | undefined = await db('recordings').where(where).first();
    return row ? toRecording(row) : null;
  };

  return {
    async insert(recording) {
      await db('recordings').insert({ id: recording.id, ...toColumns(recording) });
    },

    async insertIfNameFree(recording) {
      const rows: Array<{ id: string }> = await db('recordings')
        .insert({ id: recording.id, ...toColumns(recording) })
        .onConflict('name')
        .ignore()
        .returning('id');
      return rows.length > 0;
    },

    async update(recording) {
      await db('recordings').where({ id: recording.id }).update(toColumns(recording));
    },

    async updateUnlessEnded(recording) {
      // A concurrent change holds the row until it commits; Postgres then checks the state again on what it committed.
      const changed = await db('recordings').where({ id: recording.id }).whereNotIn('state', ENDED_STATES).update(toColumns(recording));
      return changed > 0;
    },

    get: (id) => one({ id }),
    getByName: (name) => one({ name }),

    async liveForAgent(agentId) {
      const rows: RecordingRow[] = await db('recordings').where('agent_id', agentId).whereIn('state', LIVE_STATES).orderBy(OLDEST_FIRST);
      return rows.map(toRecording);
    },

    async listForCall(callId) {
      const rows: RecordingRow[] = await db('recordings').where('call_id', callId).orderBy(OLDEST_FIRST);
      return rows.map(toRecording);
    },

    async search(criteria) {
      const query = db('recordings');
      if (criteria.agentId !== undefined) query.where('agent_id', storableText(criteria.agentId));
      if (criteria.leadId !== undefined) query.where('lead_id', criteria.leadId);
      if (criteria.callId !== undefined) query.where('call_id', storableText(criteria.callId));
      if (criteria.from !== undefined) query.where('created_at', '>=', criteria.from);
      if (criteria.to !== undefined) query.where('created_at', '<', criteria.to);
      const rows: RecordingRow[] = await query.orderBy(OLDEST_FIRST);
      return rows.map(toRecording);
    },

    async listUnfinished() {
      const rows: RecordingRow[] = await db('recordings').whereIn('state', UNFINISHED_STATES).orderBy(OLDEST_FIRST);
      return rows.map(toRecording);
    },
  };
}
