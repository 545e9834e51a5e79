import type { CallHours, CallTime, CallTimeRepository, Weekday } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface CallTimeRow {
  id: string;
  name: string;
  default_start: number;
  default_stop: number;
  days: Partial<Record<Weekday, CallHours>>;
}

const callTimeOf = (row: CallTimeRow): CallTime => ({ id: row.id, name: row.name, defaultHours: { start: row.default_start, stop: row.default_stop }, days: row.days });

export function createCallTimeRepository(db: Knex): CallTimeRepository {
  return {
    async get(id) {
      const row: CallTimeRow | undefined = await db('call_times').where({ id }).first();
      return row ? callTimeOf(row) : null;
    },

    async list(page) {
      const rows: CallTimeRow[] = await db('call_times').orderBy('id').offset(page.offset).limit(page.limit);
      return rows.map(callTimeOf);
    },

    async upsert(callTime) {
      const row = { id: callTime.id, name: callTime.name, default_start: callTime.defaultHours.start, default_stop: callTime.defaultHours.stop, days: JSON.stringify(callTime.days) };
      await db('call_times').insert(row).onConflict('id').merge();
    },
  };
}
