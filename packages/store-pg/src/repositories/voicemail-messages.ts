import type { VoicemailMessage, VoicemailMessageRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { toJsonb } from '../support/json-column';

interface VoicemailMessageRow {
  lead_id: string | number;
  files: string[];
  set_by: string;
  set_at: Date;
}

export function createVoicemailMessageRepository(db: Knex): VoicemailMessageRepository {
  return {
    async put(message: VoicemailMessage) {
      await db('lead_voicemail_messages')
        .insert({ lead_id: message.leadId, files: toJsonb(message.files), set_by: message.setBy, set_at: message.setAt })
        .onConflict('lead_id')
        .merge();
    },

    async get(leadId) {
      const row: VoicemailMessageRow | undefined = await db('lead_voicemail_messages').where({ lead_id: leadId }).first();
      return row ? { leadId: Number(row.lead_id), files: row.files, setBy: row.set_by, setAt: row.set_at } : null;
    },
  };
}
