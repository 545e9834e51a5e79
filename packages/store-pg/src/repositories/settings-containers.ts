import type { SettingsContainer, SettingsContainerRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface SettingsContainerRow {
  id: string;
  type: string;
  notes: string;
  user_group: string;
  content: string;
}

const toContainer = (row: SettingsContainerRow): SettingsContainer => ({ id: row.id, type: row.type, notes: row.notes, userGroup: row.user_group, content: row.content });

export function createSettingsContainerRepository(db: Knex): SettingsContainerRepository {
  return {
    async listOfType(type) {
      const rows: SettingsContainerRow[] = await db('settings_containers').where({ type }).orderBy('id');
      return rows.map(toContainer);
    },

    async upsert(container) {
      const row: SettingsContainerRow = { id: container.id, type: container.type, notes: container.notes, user_group: container.userGroup, content: container.content };
      await db('settings_containers').insert(row).onConflict('id').merge();
    },
  };
}
