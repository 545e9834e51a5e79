import type { AdminKey, AdminKeyRepository, AdminScope } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface AdminKeyRow {
  name: string;
  key_sha256: string;
  scopes: string[];
  created_at: Date;
}

// The column's CHECK admits only the three scopes.
const toAdminKey = (row: AdminKeyRow): AdminKey => ({ name: row.name, keySha256: row.key_sha256, scopes: row.scopes as AdminScope[], createdAt: row.created_at });

export function createAdminKeyRepository(db: Knex): AdminKeyRepository {
  return {
    async findBySha256(keySha256) {
      const row: AdminKeyRow | undefined = await db('admin_keys').where({ key_sha256: keySha256 }).first();
      return row ? toAdminKey(row) : null;
    },

    async get(name) {
      const row: AdminKeyRow | undefined = await db('admin_keys').where({ name }).first();
      return row ? toAdminKey(row) : null;
    },

    async list(page) {
      const rows: AdminKeyRow[] = await db('admin_keys').orderBy('name').offset(page.offset).limit(page.limit);
      return rows.map(toAdminKey);
    },

    async upsert(key) {
      await db('admin_keys')
        .insert({ name: key.name, key_sha256: key.keySha256, scopes: [...key.scopes], created_at: key.createdAt })
        .onConflict('name')
        .merge();
    },

    async delete(name) {
      return (await db('admin_keys').where({ name }).delete()) > 0;
    },
  };
}
