import type { LeadArchiveRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { leadTableAccess } from './lead-rows';

export function createLeadArchiveRepository(db: Knex): LeadArchiveRepository {
  const { put, get, lock, search } = leadTableAccess(db, 'archived_leads');
  return {
    put,
    get,
    lock,
    search,

    async delete(id) {
      if (!Number.isSafeInteger(id)) return false;
      return (await db('archived_leads').where({ id }).delete()) > 0;
    },
  };
}
