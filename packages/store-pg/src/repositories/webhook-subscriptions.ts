import { isEventTopic, type EventLogFilter, type WebhookSubscription, type WebhookSubscriptionRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface WebhookRow {
  id: string;
  url: string;
  topics: string[];
  tenant_scope: 'all' | 'none' | 'one';
  tenant: string | null;
  signing_key: string;
  after_event: string;
  created_at: Date;
}

function filterOf(row: WebhookRow): EventLogFilter {
  const filter: EventLogFilter = { topics: row.topics.filter(isEventTopic) };
  if (row.tenant_scope === 'none') filter.tenant = null;
  else if (row.tenant_scope === 'one') filter.tenant = row.tenant;
  return filter;
}

const toSubscription = (row: WebhookRow): WebhookSubscription => ({
  id: row.id,
  url: row.url,
  filter: filterOf(row),
  signingKey: row.signing_key,
  after: row.after_event,
  createdAt: row.created_at,
});

export function createWebhookSubscriptionRepository(db: Knex): WebhookSubscriptionRepository {
  return {
    async insert(subscription) {
      const { tenant } = subscription.filter;
      await db('webhook_subscriptions').insert({
        id: subscription.id,
        url: subscription.url,
        topics: [...subscription.filter.topics],
        tenant_scope: tenant === undefined ? 'all' : tenant === null ? 'none' : 'one',
        tenant: tenant ?? null,
        signing_key: subscription.signingKey,
        after_event: subscription.after,
        created_at: subscription.createdAt,
      });
    },

    async get(id) {
      const row: WebhookRow | undefined = await db('webhook_subscriptions').where({ id }).first();
      return row ? toSubscription(row) : null;
    },

    async list(page) {
      const rows: WebhookRow[] = await db('webhook_subscriptions').orderBy('id').offset(page.offset).limit(page.limit);
      return rows.map(toSubscription);
    },

    async lockForFeeding(id) {
      // SKIP LOCKED: a second gateway on the same database moves on rather than queueing behind the first.
      const row: WebhookRow | undefined = await db('webhook_subscriptions').where({ id }).forUpdate().skipLocked().first();
      return row ? toSubscription(row) : null;
    },

    async advance(id, after) {
      await db('webhook_subscriptions').where({ id }).update({ after_event: after });
    },

    async delete(id) {
      return (await db('webhook_subscriptions').where({ id }).delete()) > 0;
    },
  };
}
