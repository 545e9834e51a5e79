import type { Knex } from 'knex';

/**
 * Receivers of the event log as signed webhooks. `after` is the last entry
 * handed to the outbox (an event log id, `<tx>-<id>`), moved in the same
 * transaction as the outbox rows it covers, so a restart neither loses nor
 * repeats one. The secret is not kept: `signing_key` names it, and the
 * gateway derives it from CALLBACK_SIGNING_KEY as for Sip_Call's callbacks.
 * `tenant_scope`: every tenant (`all`), only events of no tenant (`none`),
 * or those of `tenant` (`one`), as a stream reader's filter says.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE webhook_subscriptions (
      id text PRIMARY KEY,
      url text NOT NULL,
      topics text[] NOT NULL DEFAULT '{}',
      tenant_scope text NOT NULL CHECK (tenant_scope IN ('all', 'none', 'one')),
      tenant text CHECK ((tenant_scope = 'one') = (tenant IS NOT NULL)),
      signing_key text NOT NULL,
      after_event text NOT NULL,
      created_at timestamptz NOT NULL
    );
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE webhook_subscriptions');
}
