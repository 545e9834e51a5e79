import type { GroupAlias, GroupAliasRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface GroupAliasRow {
  id: string;
  caller_id_number: string;
  caller_id_name: string;
  active: boolean;
}

export function createGroupAliasRepository(db: Knex): GroupAliasRepository {
  return {
    async get(id) {
      const row: GroupAliasRow | undefined = await db('group_aliases').where({ id }).first();
      return row ? { id: row.id, callerIdNumber: row.caller_id_number, callerIdName: row.caller_id_name, active: row.active } : null;
    },

    async upsert(alias: GroupAlias) {
      const row: GroupAliasRow = { id: alias.id, caller_id_number: alias.callerIdNumber, caller_id_name: alias.callerIdName, active: alias.active };
      await db('group_aliases').insert(row).onConflict('id').merge();
    },
  };
}
