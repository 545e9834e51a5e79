import type { Extension, ExtensionRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface ExtensionRow {
  id: number;
  internal_number: string;
  public_number: string | null;
  sip_username: string;
  dialplan: string;
  endpoint: string;
  caller_id_number: string;
  caller_id_name: string;
  record_calls: boolean;
}

const toExtension = (row: ExtensionRow): Extension => ({
  id: row.id,
  internalNumber: row.internal_number,
  publicNumber: row.public_number,
  sipUsername: row.sip_username,
  dialplan: row.dialplan,
  endpoint: row.endpoint,
  callerIdNumber: row.caller_id_number,
  callerIdName: row.caller_id_name,
  recordCalls: row.record_calls,
});

const toRow = (extension: Extension): ExtensionRow => ({
  id: extension.id,
  internal_number: extension.internalNumber,
  public_number: extension.publicNumber,
  sip_username: extension.sipUsername,
  dialplan: extension.dialplan,
  endpoint: extension.endpoint,
  caller_id_number: extension.callerIdNumber,
  caller_id_name: extension.callerIdName,
  record_calls: extension.recordCalls,
});

export function createExtensionRepository(db: Knex): ExtensionRepository {
  const findAll = async (column: keyof ExtensionRow, value: string): Promise<Extension[]> => {
    const rows: ExtensionRow[] = await db('extensions').where(column, value).orderBy('id');
    return rows.map(toExtension);
  };

  return {
    async get(id) {
      if (!Number.isSafeInteger(id)) return null;
      const row: ExtensionRow | undefined = await db('extensions').where({ id }).first();
      return row ? toExtension(row) : null;
    },

    findByInternalNumber: (internalNumber) => findAll('internal_number', internalNumber),
    findByPublicNumber: (publicNumber) => findAll('public_number', publicNumber),
    findBySipUsername: (sipUsername) => findAll('sip_username', sipUsername),

    async findByEndpoint(endpoint) {
      const [first] = await findAll('endpoint', endpoint);
      return first ?? null;
    },

    async dialplanExists(dialplan) {
      const row: { found: boolean } | undefined = await db('extensions').where({ dialplan }).select(db.raw('true AS found')).first();
      return row !== undefined;
    },

    async list() {
      const rows: ExtensionRow[] = await db('extensions').orderBy('id');
      return rows.map(toExtension);
    },

    async upsert(extension) {
      await db('extensions').insert(toRow(extension)).onConflict('id').merge();
    },
  };
}
