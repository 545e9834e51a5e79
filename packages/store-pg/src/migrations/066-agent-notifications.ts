import type { Knex } from 'knex';

/** On-screen alerts queued for agents (VICIdial `send_notification`). */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE agent_notifications (
      id bigserial PRIMARY KEY,
      recipient text NOT NULL,
      recipient_type text NOT NULL CHECK (recipient_type IN ('USER', 'USER_GROUP', 'CAMPAIGN')),
      show_at timestamptz NOT NULL,
      text text NOT NULL,
      style jsonb NOT NULL,
      confetti jsonb,
      retry boolean NOT NULL,
      queued_by text NOT NULL,
      queued_at timestamptz NOT NULL
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE agent_notifications');
}
