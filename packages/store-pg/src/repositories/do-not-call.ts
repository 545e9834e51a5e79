import type { DncRepository, DncScope } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { storableText } from '../support/json-column';

/** The system list is the rows without a campaign. */
const campaignOf = (scope: DncScope): string | null => (scope.kind === 'system' ? null : scope.campaignId);

export function createDncRepository(db: Knex): DncRepository {
  return {
    async contains(scope, phoneNumber) {
      const campaignId = campaignOf(scope);
      const query = db('do_not_call').where({ phone_number: storableText(phoneNumber) });
      const row: unknown = await (campaignId === null ? query.whereNull('campaign_id') : query.where({ campaign_id: campaignId })).first(db.raw('1 AS found'));
      return row !== undefined;
    },

    async add(entry) {
      await db.raw('INSERT INTO do_not_call (campaign_id, phone_number) VALUES (?, ?) ON CONFLICT DO NOTHING', [campaignOf(entry.scope), storableText(entry.phoneNumber)]);
    },

    async remove(entry) {
      const campaignId = campaignOf(entry.scope);
      const query = db('do_not_call').where({ phone_number: storableText(entry.phoneNumber) });
      const removed = await (campaignId === null ? query.whereNull('campaign_id') : query.where({ campaign_id: campaignId })).delete();
      return removed > 0;
    },
  };
}
