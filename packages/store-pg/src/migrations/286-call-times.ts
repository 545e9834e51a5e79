import { STANDARD_CALL_TIMES } from '@pbx-gateway/core';
import type { Knex } from 'knex';

/**
 * Call times (VICIdial's vicidial_call_times): default hours and each
 * day's own (`hhmm`; a day of 0–0 keeps the default), starting with the
 * standard ones every install has.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE call_times (
      id varchar(10) PRIMARY KEY,
      name text NOT NULL DEFAULT '',
      default_start smallint NOT NULL,
      default_stop smallint NOT NULL,
      days jsonb NOT NULL DEFAULT '{}'
    );
  `);
  await db('call_times').insert(
    STANDARD_CALL_TIMES.map((callTime) => ({ id: callTime.id, name: callTime.name, default_start: callTime.defaultHours.start, default_stop: callTime.defaultHours.stop, days: JSON.stringify(callTime.days) })),
  );
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE call_times');
}
