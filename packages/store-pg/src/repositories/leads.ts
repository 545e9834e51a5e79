import { NOT_CALLED_SINCE_RESET, type LeadFieldMatch, type LeadRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { storableText } from '../support/json-column';
import { toNumber } from '../support/rows';
import { leadTableAccess, toLead, toLeadColumns, type LeadRow } from './lead-rows';

export function createLeadRepository(db: Knex): LeadRepository {
  const MATCHED_COLUMNS: ReadonlyArray<[keyof LeadFieldMatch, string]> = [
    ['phoneNumber', 'phone_number'],
    ['altPhone', 'alt_phone'],
    ['title', 'title'],
    ['firstName', 'first_name'],
    ['lastName', 'last_name'],
  ];
  const { select, put, get, lock, search } = leadTableAccess(db, 'leads');
  return {
    async insert(lead) {
      const [row]: Array<{ id: string | number }> = await db('leads').insert(toLeadColumns(lead)).returning('id');
      return { ...lead, id: toNumber(row!.id) };
    },

    put,
    get,
    lock,
    search,

    async countInList(listId, status) {
      const query = db('leads').where({ list_id: listId });
      if (status !== undefined) query.andWhere({ status: storableText(status) });
      const row = await query.count<{ count: string | number }[]>({ count: '*' }).first();
      return Number(row?.count ?? 0);
    },

    async countDialable(listId, rule) {
      const query = db('leads').where({ list_id: listId, called_since_last_reset: NOT_CALLED_SINCE_RESET }).whereIn('status', rule.statuses.map(storableText));
      if (rule.calledFewerThan !== null) query.andWhere('called_count', '<', rule.calledFewerThan);
      const row = await query.count<{ count: string | number }[]>({ count: '*' }).first();
      return Number(row?.count ?? 0);
    },

    async resetCalledMarks(listId) {
      return db('leads').where({ list_id: listId }).whereNot({ called_since_last_reset: NOT_CALLED_SINCE_RESET }).update({ called_since_last_reset: NOT_CALLED_SINCE_RESET });
    },

    async findByPhoneNumber(phoneNumber, listIds) {
      const query = select().where({ phone_number: storableText(phoneNumber) });
      if (listIds !== null) query.whereIn('list_id', [...listIds]);
      const rows: LeadRow[] = await query.orderBy('id');
      return rows.map(toLead);
    },

    async findByFields(fields, listIds) {
      const columns: Record<string, string> = {};
      for (const [field, column] of MATCHED_COLUMNS) {
        const value = fields[field];
        if (value !== undefined) columns[column] = storableText(value);
      }
      const query = select().where(columns);
      if (listIds !== null) query.whereIn('list_id', [...listIds]);
      const rows: LeadRow[] = await query.orderBy('id');
      return rows.map(toLead);
    },

    async update(lead) {
      await db('leads').where({ id: lead.id }).update(toLeadColumns(lead));
    },

    async delete(id) {
      return (await db('leads').where({ id }).delete()) > 0;
    },

    async findInCampaign(campaignId, phoneNumber) {
      const row: LeadRow | undefined = await select()
        .whereIn('list_id', db('lead_lists').select('id').where({ campaign_id: campaignId }))
        .andWhere({ phone_number: storableText(phoneNumber) })
        .orderBy('id')
        .first();
      return row ? toLead(row) : null;
    },

    async nextToDial(campaignId, statuses) {
      const row: LeadRow | undefined = await select()
        .whereIn('list_id', db('lead_lists').select('id').where({ campaign_id: campaignId, active: true }))
        .whereIn('status', [...statuses])
        .orderBy('id')
        .first();
      return row ? toLead(row) : null;
    },
  };
}
