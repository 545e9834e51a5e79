import { systemTimers, webhookOutboxKey, type NewEventLogEntry } from '@pbx-gateway/core';
import { InMemoryStore } from '@pbx-gateway/test-support';
import { feedWebhooks, WEBHOOK_WINDOW } from '../src/webhooks/webhook-feeder';

// How the event log is handed to the outbox for one subscription: in order,
// filtered, once, and never more than a window of undelivered events at a
// time (a receiver that is down leaves the rest in the log).

const at = new Date('2026-12-06T10:00:00.000Z');
const agentEvent = (n: number): NewEventLogEntry => ({ at, tenant: null, topic: 'agents', type: 'AgentStateChanged', data: { agentId: String(n) } });
const callEvent = (tenant: string): NewEventLogEntry => ({ at, tenant, topic: 'calls', type: 'LegRinging', data: { call: { tenant } } });

async function storeWithSubscription(filter: { topics: Array<'agents' | 'calls'>; tenant?: string | null }): Promise<InMemoryStore> {
  const store = new InMemoryStore({ timers: systemTimers });
  await store.direct.webhooks.insert({ id: 'wh_0123456789abcdef', url: 'https://receiver.example/x', filter, signingKey: 'webhook/wh_0123456789abcdef', after: '0-0', createdAt: at });
  return store;
}

test('only the subscription\'s topics and tenant are queued, in the log\'s order, each once however often it is fed', async () => {
  const store = await storeWithSubscription({ topics: ['calls'], tenant: 'acme' });
  await store.transaction((tx) => tx.eventLog.append([agentEvent(1), callEvent('acme'), callEvent('other'), callEvent('acme')]));
  expect((await feedWebhooks(store, at)).fed).toBe(2);
  expect((await feedWebhooks(store, at)).fed).toBe(0);
  const logged = (await store.direct.eventLog.readAfter('0-0', { topics: ['calls'], tenant: 'acme' }, 10)).entries.map((entry) => entry.id);
  const queued = store.outboxMessages();
  expect(queued.map((message) => JSON.parse(message.body).id)).toEqual(logged);
  expect(queued.every((message) => message.orderingKey === webhookOutboxKey('wh_0123456789abcdef') && message.signingKey === 'webhook/wh_0123456789abcdef')).toBe(true);
  expect((await store.direct.webhooks.get('wh_0123456789abcdef'))?.after).toBe(logged.at(-1));
});

test(`at most ${WEBHOOK_WINDOW} undelivered events wait in the outbox; as they are delivered, the next follow`, async () => {
  const store = await storeWithSubscription({ topics: [] });
  await store.transaction((tx) => tx.eventLog.append(Array.from({ length: WEBHOOK_WINDOW + 20 }, (_, n) => agentEvent(n))));
  let fed = 0;
  for (let round = 0; round < 10; round += 1) fed += (await feedWebhooks(store, at)).fed;
  expect(fed).toBe(WEBHOOK_WINDOW);
  expect(await feedWebhooks(store, at)).toMatchObject({ fed: 0, full: true });
  for (const message of store.outboxMessages().slice(0, 30)) await store.direct.outbox.markDelivered(message.id, at);
  expect((await feedWebhooks(store, at)).fed).toBe(20);
  const bodies = store.outboxMessages().map((message) => (JSON.parse(message.body) as { data: { agentId: string } }).data.agentId);
  expect(bodies).toEqual(Array.from({ length: WEBHOOK_WINDOW + 20 }, (_, n) => String(n)));
});
