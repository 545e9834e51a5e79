import type { ApiRealm, ApiUser, ApiUserRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { fromJsonbStrings, toJsonb } from '../support/json-column';
import { clearLoginFailures, releaseLoginAttempt, reserveLoginAttempt } from '../support/login-attempts';

interface ApiUserRow {
  id: string;
  realm: ApiRealm;
  login: string;
  secret_hash: string;
  active: boolean;
  permissions: string[];
  attributes: unknown;
  failed_logins: number;
  last_failed_login_at: Date | null;
}

const toApiUser = (row: ApiUserRow): ApiUser => ({
  id: row.id,
  realm: row.realm,
  login: row.login,
  secretHash: row.secret_hash,
  active: row.active,
  permissions: row.permissions,
  attributes: fromJsonbStrings(row.attributes),
  failedLogins: row.failed_logins,
  lastFailedLoginAt: row.last_failed_login_at,
});

export function createApiUserRepository(db: Knex): ApiUserRepository {
  return {
    async findByLogin(realm, login) {
      const row: ApiUserRow | undefined = await db('api_users').where({ realm, login }).first();
      return row ? toApiUser(row) : null;
    },

    async get(id) {
      const row: ApiUserRow | undefined = await db('api_users').where({ id }).first();
      return row ? toApiUser(row) : null;
    },

    async list(page) {
      const rows: ApiUserRow[] = await db('api_users').orderBy('id').offset(page.offset).limit(page.limit);
      return rows.map(toApiUser);
    },

    reserveLoginAttempt: (id, at, policy) => reserveLoginAttempt(db, 'api_users', id, at, policy),

    releaseLoginAttempt: (id, clearFailures, at) => releaseLoginAttempt(db, 'api_users', id, clearFailures, at),

    resetFailedLogins: (id, at) => clearLoginFailures(db, 'api_users', id, at),

    async upsert(user) {
      // (realm, login) names the account: a replaced account keeps the id it
      // already had, so that tokens issued to that id stay valid.
      const rows: ApiUserRow[] = await db('api_users')
        .insert({
          id: user.id,
          realm: user.realm,
          login: user.login,
          secret_hash: user.secretHash,
          active: user.active,
          permissions: [...user.permissions],
          attributes: toJsonb(user.attributes),
          failed_logins: user.failedLogins,
          last_failed_login_at: user.lastFailedLoginAt,
        })
        .onConflict(['realm', 'login'])
        // Provisioning again (every start applies its documents) must not forgive failed logins.
        .merge(['secret_hash', 'active', 'permissions', 'attributes'])
        .returning('*');
      return toApiUser(rows[0]!);
    },
  };
}
