import type { LeadArchiveRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { DATE_OF_BIRTH_AS_TEXT, numberAfterStoredLeads, searchLeadRows, toLead, toLeadColumns, type LeadRow } from './lead-rows';

export function createLeadArchiveRepository(db: Knex): LeadArchiveRepository {
  const select = (): Knex.QueryBuilder => db('archived_leads').select(db.raw('archived_leads.*'), db.raw(DATE_OF_BIRTH_AS_TEXT));
  return {
    async put(lead) {
      await db('archived_leads').insert({ id: lead.id, ...toLeadColumns(lead) }).onConflict('id').merge();
      await numberAfterStoredLeads(db);
    },

    async get(id) {
      if (!Number.isSafeInteger(id)) return null;
      const row: LeadRow | undefined = await select().where({ id }).first();
      return row ? toLead(row) : null;
    },

    async lock(id) {
      if (!Number.isSafeInteger(id)) return null;
      const row: LeadRow | undefined = await select().where({ id }).forUpdate().first();
      return row ? toLead(row) : null;
    },

    async search(criteria, limit) {
      if (criteria.leadId !== undefined && !Number.isSafeInteger(criteria.leadId)) return [];
      const rows: LeadRow[] = await searchLeadRows(select(), criteria, limit);
      return rows.map(toLead);
    },

    async delete(id) {
      if (!Number.isSafeInteger(id)) return false;
      return (await db('archived_leads').where({ id }).delete()) > 0;
    },
  };
}
