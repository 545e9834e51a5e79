/// <reference types="jest" />
import { agent } from '../test-core/fixtures';
import { freshStore, type MakeStore } from './contract-store';
import { call, cdr, leg } from './rows';

export function transactionContract(makeStore: MakeStore): void {
  describe('transactions', () => {
    const store = freshStore(makeStore);

    it('commits every write of the work and returns its result', async () => {
      const result = await store().transaction(async (tx) => {
        await tx.calls.insert(call('t1'));
        await tx.calls.insertLeg(leg('t1.1', 't1'));
        await tx.cdrs.insert(cdr('t1'));
        return 'done';
      });
      expect(result).toBe('done');
      expect(await store().direct.calls.get('t1')).not.toBeNull();
      expect(await store().direct.calls.getLeg('t1.1')).not.toBeNull();
      expect(await store().direct.cdrs.getByCall('t1')).not.toBeNull();
    });

    it('sees its own writes before commit while others do not', async () => {
      await store().transaction(async (tx) => {
        await tx.agents.upsert(agent('t-own'));
        expect(await tx.agents.get('t-own')).not.toBeNull();
        expect(await store().direct.agents.get('t-own')).toBeNull();
      });
      expect(await store().direct.agents.get('t-own')).not.toBeNull();
    });

    it('writes nothing when the work throws, and rethrows its error', async () => {
      await expect(
        store().transaction(async (tx) => {
          await tx.calls.insert(call('t2'));
          await tx.outbox.add({ topic: 't', url: 'https://crm.example/', body: '{}', headers: {} }, new Date());
          await tx.mailbox.append('t2-agent', 'events', { n: 1 });
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await store().direct.calls.get('t2')).toBeNull();
      expect(await store().direct.outbox.countPending()).toBe(0);
      expect(await store().direct.mailbox.takeNext('t2-agent', 'events')).toBeNull();
    });

    it('writes nothing when a write of the work is refused', async () => {
      await store().direct.calls.insert(call('t3'));
      await expect(
        store().transaction(async (tx) => {
          await tx.calls.insert(call('t4'));
          await tx.calls.insert(call('t3'));
        }),
      ).rejects.toThrow();
      expect(await store().direct.calls.get('t4')).toBeNull();
    });
  });
}
