/// <reference types="jest" />
import type { WebhookSubscription } from '@pbx-gateway/core';
import { at, freshStore, type MakeStore } from './contract-store';

const subscription = (id: string, fields: Partial<WebhookSubscription> = {}): WebhookSubscription => ({
  id,
  url: 'https://receiver.example/pbx-events',
  filter: { topics: ['agents', 'calls'] },
  signingKey: `webhook/${id}`,
  after: '100-7',
  createdAt: at('2024-05-01T09:00:00.000Z'),
  ...fields,
});

export function webhookContract(makeStore: MakeStore): void {
  describe('webhook subscriptions', () => {
    const store = freshStore(makeStore);

    it('keeps each tenant filter as given: every tenant (none given), no tenant (null), one tenant', async () => {
      const webhooks = store().direct.webhooks;
      await webhooks.insert(subscription('wh_all'));
      await webhooks.insert(subscription('wh_none', { filter: { topics: [], tenant: null } }));
      await webhooks.insert(subscription('wh_one', { filter: { topics: ['queues'], tenant: 'acme' } }));
      expect(await webhooks.get('wh_all')).toEqual(subscription('wh_all'));
      expect((await webhooks.get('wh_none'))?.filter).toEqual({ topics: [], tenant: null });
      expect((await webhooks.get('wh_one'))?.filter).toEqual({ topics: ['queues'], tenant: 'acme' });
      expect((await webhooks.list({ offset: 1, limit: 5 })).map((found) => found.id)).toEqual(['wh_none', 'wh_one']);
      expect(await webhooks.get('wh_other')).toBeNull();
    });

    it('advances in a transaction that holds it, and forgets it on delete', async () => {
      await store().direct.webhooks.insert(subscription('wh_a'));
      await store().transaction(async (tx) => {
        const held = await tx.webhooks.lockForFeeding('wh_a');
        expect(held?.after).toBe('100-7');
        await tx.webhooks.advance('wh_a', '101-9');
      });
      expect((await store().direct.webhooks.get('wh_a'))?.after).toBe('101-9');
      expect(await store().transaction((tx) => tx.webhooks.lockForFeeding('wh_gone'))).toBeNull();
      expect(await store().direct.webhooks.delete('wh_a')).toBe(true);
      expect(await store().direct.webhooks.delete('wh_a')).toBe(false);
      expect(await store().direct.webhooks.get('wh_a')).toBeNull();
    });

    it('a rolled back advance leaves the subscription where it was', async () => {
      await store().direct.webhooks.insert(subscription('wh_b'));
      await expect(
        store().transaction(async (tx) => {
          await tx.webhooks.advance('wh_b', '200-1');
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect((await store().direct.webhooks.get('wh_b'))?.after).toBe('100-7');
    });
  });
}
