import { createTestDatabase, type TestDatabase } from '@pbx-gateway/test-support';
import { createPgStore, migrateLatest, migrationNames, type PgStore } from '../src';
import { sql } from './fixtures';

const TABLES = [
  'access_tokens',
  'admin_keys',
  'agent_campaign_ranks',
  'agent_mailbox',
  'agent_multi_dial_requests',
  'agent_notifications',
  'agent_sessions',
  'agent_state_spans',
  'agents',
  'api_log',
  'api_users',
  'archived_callbacks',
  'archived_leads',
  'call_menus',
  'call_times',
  'callbacks',
  'calls',
  'campaigns',
  'cdr_reads',
  'cdrs',
  'did_log',
  'dids',
  'do_not_call',
  'event_log',
  'event_log_pruned',
  'extension_group_members',
  'extension_groups',
  'extensions',
  'group_aliases',
  'lead_calls',
  'lead_custom_values',
  'lead_hopper',
  'lead_list_fields',
  'lead_lists',
  'lead_statuses',
  'lead_voicemail_messages',
  'leads',
  'legs',
  'manual_dial_queue',
  'nanpa_prefixes',
  'outbox',
  'phone_aliases',
  'phone_codes',
  'phones',
  'playbacks',
  'postal_codes',
  'queue_members',
  'queues',
  'recordings',
  'settings_containers',
  'state_call_times',
  'trunk_caller_ids',
  'trunks',
  'user_groups',
  'voice_broadcast_batches',
  'voice_broadcast_numbers',
  'voicemail_boxes',
  'webhook_subscriptions',
];

describe('migrations', () => {
  let database: TestDatabase;
  let store: PgStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    store = createPgStore({ connectionString: database.url });
  });

  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('creates every table and records each migration once, however often and however concurrently they run', async () => {
    await Promise.all([store.migrate(), migrateLatest(database.url), store.migrate()]);
    await store.migrate();

    const tables = await sql<{ table_name: string }>(
      database.url,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT LIKE 'knex_%' ORDER BY table_name",
    );
    expect(tables.map((row) => row.table_name)).toEqual(TABLES);
    const applied = await sql<{ name: string }>(database.url, 'SELECT name FROM knex_migrations ORDER BY id');
    expect(applied.map((row) => row.name)).toEqual([...migrationNames]);
  });

  it('recovers from a migration lock left behind by a process that died while migrating', async () => {
    await sql(database.url, 'UPDATE knex_migrations_lock SET is_locked = 1');
    await expect(store.migrate()).resolves.toBeUndefined();
    const [lock] = await sql<{ is_locked: number }>(database.url, 'SELECT is_locked FROM knex_migrations_lock');
    expect(lock?.is_locked).toBe(0);
  });

  it("enforces the core's enumerations with CHECK constraints, and lists no dialect's words", async () => {
    await expect(
      sql(
        database.url,
        `INSERT INTO calls (id, purpose, direction, state, stage, from_number, to_number, created_at, origin_dialect, origin_operation)
         VALUES ('c', 'teleport', 'outbound', 'setup', 's', '1', '2', now(), 'd', 'o')`,
      ),
    ).rejects.toMatchObject({ code: '23514' });
    // Token kinds, realms and login channels are registered by dialects, not listed by the store.
    await sql(database.url, "INSERT INTO access_tokens (kind, fingerprint, subject, issued_at) VALUES ('another-dialect-token', 'f', 's', now())");
    const checks = await sql<{ conname: string }>(
      database.url,
      "SELECT conname FROM pg_constraint WHERE conname IN ('api_users_realm_check', 'agent_sessions_login_via_check', 'access_tokens_kind_check')",
    );
    expect(checks).toEqual([]);
  });

  it('keeps secrets out of the schema: credential columns hold hashes only', async () => {
    const columns = await sql<{ table_name: string; column_name: string }>(
      database.url,
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND (column_name LIKE '%secret%' OR column_name LIKE '%password%' OR column_name = 'token')",
    );
    expect(columns.map((row) => `${row.table_name}.${row.column_name}`).sort()).toEqual(['agents.secret_hash', 'api_users.secret_hash']);
  });
});
