import type { CallHours, CallTime, CallTimeRepository, StateCallTime, Weekday } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface HoursRow {
  name: string;
  default_start: number;
  default_stop: number;
  days: Partial<Record<Weekday, CallHours>>;
}

interface CallTimeRow extends HoursRow {
  id: string;
  state_rules: string[];
}

interface StateCallTimeRow extends HoursRow {
  id: string;
  state: string;
}

const hoursOf = (row: HoursRow) => ({ name: row.name, defaultHours: { start: row.default_start, stop: row.default_stop }, days: row.days });
const hoursRow = (hours: Omit<StateCallTime, 'id' | 'state'>): HoursRow => ({ name: hours.name, default_start: hours.defaultHours.start, default_stop: hours.defaultHours.stop, days: hours.days });

const callTimeOf = (row: CallTimeRow): CallTime => ({ id: row.id, ...hoursOf(row), stateRules: row.state_rules });
const stateCallTimeOf = (row: StateCallTimeRow): StateCallTime => ({ id: row.id, state: row.state, ...hoursOf(row) });

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
      const row = { id: callTime.id, ...hoursRow(callTime), days: JSON.stringify(callTime.days), state_rules: JSON.stringify(callTime.stateRules) };
      await db('call_times').insert(row).onConflict('id').merge();
    },

    async getStateCallTimes(ids) {
      if (ids.length === 0) return [];
      const rows: StateCallTimeRow[] = await db('state_call_times').whereIn('id', [...ids]);
      return rows.map(stateCallTimeOf);
    },

    async listStateCallTimes(page) {
      const rows: StateCallTimeRow[] = await db('state_call_times').orderBy('id').offset(page.offset).limit(page.limit);
      return rows.map(stateCallTimeOf);
    },

    async upsertStateCallTime(rule) {
      const row = { id: rule.id, state: rule.state, ...hoursRow(rule), days: JSON.stringify(rule.days) };
      await db('state_call_times').insert(row).onConflict('id').merge();
    },
  };
}
