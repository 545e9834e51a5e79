import type { Knex } from 'knex';

/**
 * Queues take inbound calls: whether a queue takes new ones, the music its
 * callers hear and how long they may wait. Members carry VICIdial's
 * per-in-group facts: weight, grade, a daily limit and the day's count.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE queues
      ADD COLUMN active boolean NOT NULL DEFAULT true,
      ADD COLUMN moh_class text NOT NULL DEFAULT 'default',
      ADD COLUMN max_wait_sec integer CHECK (max_wait_sec > 0);
    ALTER TABLE queue_members
      ADD COLUMN weight integer NOT NULL DEFAULT 0,
      ADD COLUMN grade integer NOT NULL DEFAULT 1,
      ADD COLUMN daily_limit integer CHECK (daily_limit >= 0),
      ADD COLUMN calls_today integer NOT NULL DEFAULT 0 CHECK (calls_today >= 0),
      ADD COLUMN calls_today_on date;
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw(`
    ALTER TABLE queue_members DROP COLUMN weight, DROP COLUMN grade, DROP COLUMN daily_limit, DROP COLUMN calls_today, DROP COLUMN calls_today_on;
    ALTER TABLE queues DROP COLUMN active, DROP COLUMN moh_class, DROP COLUMN max_wait_sec;
  `);
}
