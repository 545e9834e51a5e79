import type { Knex } from 'knex';

/**
 * Login channels, API realms and token kinds are words the dialects register
 * with the core, not a list the store knows: the schema no longer enumerates
 * them, so a dialect added later needs no migration of its own.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE api_users DROP CONSTRAINT IF EXISTS api_users_realm_check');
  await db.raw('ALTER TABLE agent_sessions DROP CONSTRAINT IF EXISTS agent_sessions_login_via_check');
  await db.raw('ALTER TABLE access_tokens DROP CONSTRAINT IF EXISTS access_tokens_kind_check');
}

export async function down(db: Knex): Promise<void> {
  await db.raw("ALTER TABLE api_users ADD CONSTRAINT api_users_realm_check CHECK (realm IN ('vicidial', 'voipsun', 'sipcall'))");
  await db.raw(
    "ALTER TABLE agent_sessions ADD CONSTRAINT agent_sessions_login_via_check CHECK (login_via IN ('vicidial', 'voipsun', 'ccgateway', 'sipcall', 'provisioning'))",
  );
  await db.raw("ALTER TABLE access_tokens ADD CONSTRAINT access_tokens_kind_check CHECK (kind IN ('sipcall-token', 'ccgateway-guid'))");
}
