import type { Playback, PlaybackRepository, PlaybackTarget } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface PlaybackRow {
  id: string;
  agent_id: string | null;
  call_id: string | null;
  target_kind: PlaybackTarget['kind'] | null;
  target_id: string | null;
  media: string;
  requested_name: string;
  state: Playback['state'];
  finish_cause: Playback['finishCause'];
  offset_ms: number;
  played_ms: number;
  resumed_at: Date | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  continues: string | null;
}

const ACTIVE_STATES: ReadonlyArray<Playback['state']> = ['pending', 'playing', 'paused'];

function toTarget(kind: PlaybackTarget['kind'] | null, id: string | null): PlaybackTarget | null {
  if (kind === 'leg' && id !== null) return { kind: 'leg', legId: id };
  if (kind === 'bridge' && id !== null) return { kind: 'bridge', bridgeId: id };
  return null;
}

const toPlayback = (row: PlaybackRow): Playback => ({
  id: row.id,
  agentId: row.agent_id,
  callId: row.call_id,
  target: toTarget(row.target_kind, row.target_id),
  media: row.media,
  requestedName: row.requested_name,
  state: row.state,
  finishCause: row.finish_cause,
  offsetMs: row.offset_ms,
  playedMs: row.played_ms,
  resumedAt: row.resumed_at,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  continues: row.continues,
});

/** Every column but the key. */
const toColumns = (playback: Playback): Omit<PlaybackRow, 'id'> => ({
  agent_id: playback.agentId,
  call_id: playback.callId,
  target_kind: playback.target?.kind ?? null,
  target_id: playback.target === null ? null : playback.target.kind === 'leg' ? playback.target.legId : playback.target.bridgeId,
  media: playback.media,
  requested_name: playback.requestedName,
  state: playback.state,
  finish_cause: playback.finishCause,
  // Positions are whole milliseconds; a fractional value from arithmetic on times must not fail the write.
  offset_ms: Math.round(playback.offsetMs),
  played_ms: Math.round(playback.playedMs),
  resumed_at: playback.resumedAt,
  created_at: playback.createdAt,
  started_at: playback.startedAt,
  finished_at: playback.finishedAt,
  continues: playback.continues,
});

const NEWEST_FIRST = [{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }];
const OLDEST_FIRST = [{ column: 'created_at' }, { column: 'id' }];

export function createPlaybackRepository(db: Knex): PlaybackRepository {
  const activeWhere = async (column: 'agent_id' | 'call_id', value: string): Promise<Playback | null> => {
    const row: PlaybackRow | undefined = await db('playbacks').where(column, value).whereIn('state', ACTIVE_STATES).orderBy(NEWEST_FIRST).first();
    return row ? toPlayback(row) : null;
  };

  return {
    async insert(playback) {
      await db('playbacks').insert({ id: playback.id, ...toColumns(playback) });
    },

    async update(playback) {
      await db('playbacks').where({ id: playback.id }).update(toColumns(playback));
    },

    async get(id) {
      const row: PlaybackRow | undefined = await db('playbacks').where({ id }).first();
      return row ? toPlayback(row) : null;
    },

    activeForAgent: (agentId) => activeWhere('agent_id', agentId),
    activeForCall: (callId) => activeWhere('call_id', callId),

    async listUnfinishedForCall(callId) {
      const rows: PlaybackRow[] = await db('playbacks').where('call_id', callId).whereNot({ state: 'finished' }).orderBy(OLDEST_FIRST);
      return rows.map(toPlayback);
    },

    async listUnfinished() {
      const rows: PlaybackRow[] = await db('playbacks').whereNot({ state: 'finished' }).orderBy(OLDEST_FIRST);
      return rows.map(toPlayback);
    },
  };
}
