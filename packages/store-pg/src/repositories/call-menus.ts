import type { CallMenuRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface CallMenuRow {
  id: string;
  name: string;
  prompt: string;
  user_group: string;
}

export function createCallMenuRepository(db: Knex): CallMenuRepository {
  return {
    async list() {
      const rows: CallMenuRow[] = await db('call_menus').orderBy('id');
      return rows.map((row) => ({ id: row.id, name: row.name, prompt: row.prompt, userGroup: row.user_group }));
    },

    async upsert(menu) {
      const row: CallMenuRow = { id: menu.id, name: menu.name, prompt: menu.prompt, user_group: menu.userGroup };
      await db('call_menus').insert(row).onConflict('id').merge();
    },
  };
}
