import type { Cdr, CdrRepository, NewCdr } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { fromJsonbObject, toJsonb } from '../support/json-column';
import { toNumber } from '../support/rows';

interface CdrRow {
  id: string;
  call_id: string;
  purpose: Cdr['purpose'];
  direction: Cdr['direction'];
  tenant: string | null;
  agent_id: string | null;
  from_number: string;
  to_number: string;
  extension: string | null;
  started_at: Date;
  answered_at: Date | null;
  ended_at: Date;
  duration_sec: number;
  billsec: number;
  hangup_cause: number;
  hangup_cause_text: string;
  hangup_side: Cdr['hangupSide'];
  recording_file: string | null;
  pressed_key: string | null;
  lead_id: string | number | null;
  data: unknown;
}

const toCdr = (row: CdrRow): Cdr => ({
  id: toNumber(row.id),
  callId: row.call_id,
  purpose: row.purpose,
  direction: row.direction,
  tenant: row.tenant,
  agentId: row.agent_id,
  fromNumber: row.from_number,
  toNumber: row.to_number,
  extension: row.extension,
  startedAt: row.started_at,
  answeredAt: row.answered_at,
  endedAt: row.ended_at,
  durationSec: row.duration_sec,
  billsec: row.billsec,
  hangupCause: row.hangup_cause,
  hangupCauseText: row.hangup_cause_text,
  hangupSide: row.hangup_side,
  recordingFile: row.recording_file,
  pressedKey: row.pressed_key,
  leadId: row.lead_id === null ? null : Number(row.lead_id),
  data: fromJsonbObject(row.data),
});

const toColumns = (cdr: NewCdr): Omit<CdrRow, 'id' | 'data'> & { data: string } => ({
  call_id: cdr.callId,
  purpose: cdr.purpose,
  direction: cdr.direction,
  tenant: cdr.tenant,
  agent_id: cdr.agentId,
  from_number: cdr.fromNumber,
  to_number: cdr.toNumber,
  extension: cdr.extension,
  started_at: cdr.startedAt,
  answered_at: cdr.answeredAt,
  ended_at: cdr.endedAt,
  duration_sec: cdr.durationSec,
  billsec: cdr.billsec,
  hangup_cause: cdr.hangupCause,
  hangup_cause_text: cdr.hangupCauseText,
  hangup_side: cdr.hangupSide,
  recording_file: cdr.recordingFile,
  pressed_key: cdr.pressedKey,
  lead_id: cdr.leadId,
  data: toJsonb(cdr.data),
});

export function createCdrRepository(db: Knex): CdrRepository {
  return {
    async insert(cdr) {
      // A second CDR for the same call violates cdrs_call_id_key and rejects.
      const rows: CdrRow[] = await db('cdrs').insert(toColumns(cdr)).returning('*');
      return toCdr(rows[0]!);
    },

    async getByCall(callId) {
      const row: CdrRow | undefined = await db('cdrs').where({ call_id: callId }).first();
      return row ? toCdr(row) : null;
    },

    async get(id) {
      if (!Number.isSafeInteger(id)) return null;
      const row: CdrRow | undefined = await db('cdrs').where({ id }).first();
      return row ? toCdr(row) : null;
    },

    async setRecordingFile(id, recordingFile) {
      await db('cdrs').where({ id }).update({ recording_file: recordingFile });
    },

    async list(filter = {}) {
      const query = db('cdrs').orderBy('id');
      if (filter.since) query.where('started_at', '>=', filter.since);
      if (filter.limit !== undefined) query.limit(Math.max(0, Math.floor(filter.limit)));
      const rows: CdrRow[] = await query;
      return rows.map(toCdr);
    },

    async search(criteria) {
      const query = db('cdrs').select('cdrs.*').orderBy('cdrs.id', criteria.newestFirst === true ? 'desc' : 'asc');
      if (criteria.tenant === null) query.whereNull('cdrs.tenant');
      else if (criteria.tenant !== undefined) query.where('cdrs.tenant', criteria.tenant);
      if (criteria.from) query.where('cdrs.started_at', '>=', criteria.from);
      if (criteria.to) query.where('cdrs.started_at', '<=', criteria.to);
      if (criteria.direction) query.where('cdrs.direction', criteria.direction);
      if (criteria.agentId !== undefined) query.where('cdrs.agent_id', criteria.agentId);
      if (criteria.recordingFile !== undefined) query.where('cdrs.recording_file', criteria.recordingFile);
      if (criteria.originOperation) {
        const origin = criteria.originOperation;
        const started = db('calls').select(db.raw('1')).whereRaw('calls.id = cdrs.call_id');
        if ('in' in origin) started.whereIn('calls.origin_operation', [...origin.in]);
        else started.whereNotIn('calls.origin_operation', [...origin.notIn]);
        query.whereExists(started);
      }
      if (criteria.reader !== undefined && criteria.read !== undefined) {
        const marked = db('cdr_reads').select(db.raw('1')).where('cdr_reads.reader', criteria.reader).whereRaw('cdr_reads.cdr_id = cdrs.id');
        if (criteria.read) query.whereExists(marked);
        else query.whereNotExists(marked);
      }
      if (criteria.offset) query.offset(Math.max(0, Math.floor(criteria.offset)));
      if (criteria.limit !== undefined) query.limit(Math.max(0, Math.floor(criteria.limit)));
      const rows: CdrRow[] = await query;
      return rows.map(toCdr);
    },

    async markRead(reader, cdrIds, at) {
      const ids = [...new Set(cdrIds)].filter((id) => Number.isSafeInteger(id));
      if (ids.length === 0) return;
      await db('cdr_reads')
        .insert(ids.map((id) => ({ reader, cdr_id: id, read_at: at })))
        .onConflict(['reader', 'cdr_id'])
        .ignore();
    },
  };
}
