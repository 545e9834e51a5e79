import type { VoicemailBoxRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface VoicemailBoxRow {
  id: string;
  full_name: string;
  email: string;
  active: boolean;
  user_group: string;
}

export function createVoicemailBoxRepository(db: Knex): VoicemailBoxRepository {
  return {
    async list() {
      const rows: VoicemailBoxRow[] = await db('voicemail_boxes').orderBy('id');
      return rows.map((row) => ({ id: row.id, fullName: row.full_name, email: row.email, active: row.active, userGroup: row.user_group }));
    },

    async upsert(box) {
      const row: VoicemailBoxRow = { id: box.id, full_name: box.fullName, email: box.email, active: box.active, user_group: box.userGroup };
      await db('voicemail_boxes').insert(row).onConflict('id').merge();
    },
  };
}
