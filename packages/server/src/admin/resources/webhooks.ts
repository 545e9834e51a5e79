import { randomBytes } from 'node:crypto';
import { EVENT_TOPICS, parseEventLogId, webhookOutboxKey, type EventLogFilter, type EventTopic, type WebhookSubscription } from '@pbx-gateway/core';
import { callbackSecret } from '../../callbacks/callback-signing';
import { adminError } from '../admin-errors';
import { defineRoute, type AdminRoute } from '../admin-route';
import { pageQuerySchema, pageSchema, readPage, type PageQuery } from '../admin-paging';
import { dateTime, nullableText, objectSchema, pathOf, text } from '../admin-schemas';

/** An event log id as the stream gives it (`<tx>-<id>`). */
const eventIdSchema = { type: 'string', pattern: '^[0-9]{1,20}-[0-9]{1,20}$', description: 'an event id, as the stream gives it; `0-0`: the oldest event kept' } as const;
const topicsSchema = { type: 'array', items: { type: 'string', enum: [...EVENT_TOPICS] }, maxItems: EVENT_TOPICS.length, uniqueItems: true, description: 'empty: every topic' } as const;
const tenantSchema = { ...nullableText, maxLength: 200, description: 'absent: every tenant; a string: events of that tenant only; null: only events that belong to no tenant (agents, queues, calls placed for none)' } as const;
const webhookId = { type: 'string', pattern: '^wh_[0-9a-f]{16}$' } as const;

export const webhookSchema = objectSchema(
  { id: text, url: text, topics: topicsSchema, tenant: tenantSchema, after: { ...text, description: 'the last event handed over for delivery' }, createdAt: dateTime },
  ['id', 'url', 'topics', 'after', 'createdAt'],
);

interface CreateWebhookBody {
  url: string;
  topics?: EventTopic[];
  tenant?: string | null;
  after?: string | null;
}

const createSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['url'],
  properties: {
    url: { type: 'string', minLength: 8, maxLength: 2000, pattern: '^https?://', description: 'where each event is POSTed' },
    topics: topicsSchema,
    tenant: tenantSchema,
    after: { type: ['string', 'null'], pattern: eventIdSchema.pattern, description: 'start after this event id; absent or null: with the events from now on' },
  },
} as const;

function webhookView(subscription: WebhookSubscription) {
  const view: Record<string, unknown> = { id: subscription.id, url: subscription.url, topics: [...subscription.filter.topics] };
  if (subscription.filter.tenant !== undefined) view.tenant = subscription.filter.tenant;
  return { ...view, after: subscription.after, createdAt: subscription.createdAt.toISOString() };
}

function checkedUrl(text: string): string {
  try {
    const url = new URL(text);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '') return url.href;
  } catch {
    // refused below
  }
  throw adminError('INVALID_REQUEST', 'the request body is not valid', ['/url must be an http or https URL']);
}

/**
 * The event stream as signed webhooks (docs/event-stream.md): each receiver
 * gets its own secret, shown once when it is created and never again (the
 * gateway derives it from CALLBACK_SIGNING_KEY and the subscription's name
 * for it, as it does Sip_Call's callback secrets, and keeps neither).
 */
export const webhookRoutes: readonly AdminRoute[] = [
  defineRoute<Record<string, never>, PageQuery>({
    method: 'get',
    path: '/webhooks',
    operationId: 'listWebhooks',
    summary: 'Webhook subscriptions to the event stream, by id',
    tag: 'webhooks',
    scope: 'read',
    query: pageQuerySchema,
    success: { status: 200, description: 'a page of subscriptions', schema: pageSchema(webhookSchema) },
    handle: async ({ store }, { query }) => ({ status: 200, body: await readPage(query, (page) => store.direct.webhooks.list(page), webhookView) }),
  }),
  defineRoute<Record<string, never>, Record<string, never>, CreateWebhookBody>({
    method: 'post',
    path: '/webhooks',
    operationId: 'createWebhook',
    summary: 'Subscribe a receiver to the event stream; the answer holds its signing secret, shown this once',
    tag: 'webhooks',
    scope: 'provision',
    body: { schema: createSchema, presence: 'required' },
    success: {
      status: 201,
      description: 'the subscription and the secret its deliveries are signed with',
      schema: objectSchema({ webhook: webhookSchema, secret: { ...text, description: 'HMAC-SHA256 key of X-Pbx-Signature; not shown again' } }),
    },
    refusals: ['SIGNING_KEY_MISSING'],
    async handle({ store, callbackSigningKey }, { body }) {
      if (!callbackSigningKey) throw adminError('SIGNING_KEY_MISSING', 'webhooks are signed: set CALLBACK_SIGNING_KEY first');
      const url = checkedUrl(body.url);
      if (body.after !== undefined && body.after !== null && parseEventLogId(body.after) === null) {
        throw adminError('INVALID_REQUEST', 'the request body is not valid', ['/after must be an event id']);
      }
      const id = `wh_${randomBytes(8).toString('hex')}`;
      const filter: EventLogFilter = { topics: [...new Set(body.topics ?? [])] };
      if (body.tenant !== undefined) filter.tenant = body.tenant;
      const subscription: WebhookSubscription = {
        id,
        url,
        filter,
        signingKey: webhookOutboxKey(id),
        after: body.after ?? (await store.direct.eventLog.lastId()),
        createdAt: new Date(),
      };
      await store.direct.webhooks.insert(subscription);
      return { status: 201, body: { webhook: webhookView(subscription), secret: callbackSecret(callbackSigningKey, subscription.signingKey) } };
    },
  }),
  defineRoute<{ webhookId: string }>({
    method: 'get',
    path: '/webhooks/{webhookId}',
    operationId: 'getWebhook',
    summary: 'One webhook subscription (never its secret)',
    tag: 'webhooks',
    scope: 'read',
    params: pathOf('webhookId', webhookId),
    success: { status: 200, description: 'the subscription', schema: objectSchema({ webhook: webhookSchema }) },
    refusals: ['NOT_FOUND'],
    async handle({ store }, { params }) {
      const subscription = await store.direct.webhooks.get(params.webhookId);
      if (!subscription) throw adminError('NOT_FOUND', `no webhook ${params.webhookId}`);
      return { status: 200, body: { webhook: webhookView(subscription) } };
    },
  }),
  defineRoute<{ webhookId: string }>({
    method: 'delete',
    path: '/webhooks/{webhookId}',
    operationId: 'deleteWebhook',
    summary: 'End a subscription; its undelivered events are dropped',
    tag: 'webhooks',
    scope: 'provision',
    params: pathOf('webhookId', webhookId),
    success: { status: 200, description: 'the subscription as it was', schema: objectSchema({ webhook: webhookSchema }) },
    refusals: ['NOT_FOUND'],
    async handle({ store }, { params }) {
      const removed = await store.transaction(async (tx) => {
        const subscription = await tx.webhooks.get(params.webhookId);
        if (!subscription) return null;
        await tx.webhooks.delete(subscription.id);
        await tx.outbox.discardPending({ orderingKey: webhookOutboxKey(subscription.id) });
        return subscription;
      });
      if (!removed) throw adminError('NOT_FOUND', `no webhook ${params.webhookId}`);
      return { status: 200, body: { webhook: webhookView(removed) } };
    },
  }),
];
