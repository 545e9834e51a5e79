/// <reference types="jest" />
import type { QueuedBroadcastBatch, Store } from '@pbx-gateway/core';
import { at, freshStore, type MakeStore } from './contract-store';
import { call } from './rows';

const batch = (id: string, overrides: Partial<QueuedBroadcastBatch> = {}): QueuedBroadcastBatch => ({
  id,
  plan: {
    callerId: null,
    media: { uri: 'sound:sipcall/2028/notice', name: 'sipcall/2028/notice' },
    collectKey: true,
    ringSec: 30,
    talkLimitSec: null,
    tenant: '2028',
    data: { customuuid: 'c-1', nationcode: 'in' },
    origin: { dialect: 'sipcall', operation: 'PlayVoice', apiUserId: 'u1' },
  },
  dialUntil: at('2024-05-01T16:00:00.000Z'),
  queuedAt: at('2024-05-01T09:00:00.000Z'),
  ...overrides,
});

const states = async (store: Store, batchId: string): Promise<Array<[string, string, string | null]>> =>
  (await store.direct.voiceBroadcasts.numbersOf(batchId)).map((entry) => [entry.number, entry.state, entry.callId]);

/** Batches of played calls waiting to be dialled: what lets a restarted gateway go on without calling anyone twice. */
export function voiceBroadcastContract(makeStore: MakeStore): void {
  describe('batches of played calls', () => {
    const store = freshStore(makeStore);

    it('keeps a batch with its plan and numbers, hands them out in order with batches taking turns, and records what became of each', async () => {
      const queue = store().direct.voiceBroadcasts;
      expect(await queue.claimNext()).toBeNull();
      await queue.insert(batch('b1'), ['1001', '1002', '1003']);
      await queue.insert(batch('b2', { dialUntil: null }), ['2001', '2002']);
      expect(await queue.countPending()).toBe(5);
      expect(await states(store(), 'b1')).toEqual([
        ['1001', 'pending', null],
        ['1002', 'pending', null],
        ['1003', 'pending', null],
      ]);

      const first = await queue.claimNext();
      expect(first).toEqual({ batch: batch('b1'), position: 0, number: '1001', last: false });
      await queue.markPlaced('b1', 0, 'call-1');
      expect(await queue.claimNext()).toMatchObject({ batch: { id: 'b2', dialUntil: null }, position: 0, number: '2001', last: false });
      await queue.markPlaced('b2', 0, 'call-2');
      expect(await queue.claimNext()).toMatchObject({ batch: { id: 'b1' }, position: 1, number: '1002' });
      await queue.markDropped('b1', 1);
      expect(await queue.countPending()).toBe(2);
      expect(await queue.claimNext()).toMatchObject({ batch: { id: 'b2' }, position: 1, number: '2002', last: true });
      await queue.markPlaced('b2', 1, 'call-3');

      // Past its dialUntil: what is left of b1 is dropped, the claimed number with it.
      expect(await queue.claimNext()).toMatchObject({ batch: { id: 'b1' }, position: 2, number: '1003', last: true });
      expect(await queue.dropPending('b1')).toBe(1);
      expect(await queue.claimNext()).toBeNull();
      expect(await queue.countPending()).toBe(0);
      expect(await states(store(), 'b1')).toEqual([
        ['1001', 'placed', 'call-1'],
        ['1002', 'dropped', null],
        ['1003', 'dropped', null],
      ]);
      expect(await states(store(), 'b2')).toEqual([
        ['2001', 'placed', 'call-2'],
        ['2002', 'placed', 'call-3'],
      ]);
      // A number is settled once: a late second outcome changes nothing.
      await queue.markDropped('b2', 0);
      expect((await states(store(), 'b2'))[0]).toEqual(['2001', 'placed', 'call-2']);
    });

    it('names the calls of placed numbers that have not ended', async () => {
      const direct = store().direct;
      await direct.voiceBroadcasts.insert(batch('live'), ['3001', '3002', '3003']);
      await direct.calls.insert(call('live-call-1'));
      await direct.calls.insert(call('live-call-2', { state: 'ended', endedAt: at('2024-05-01T09:01:00.000Z') }));
      await direct.voiceBroadcasts.markPlaced('live', 0, 'live-call-1');
      await direct.voiceBroadcasts.markPlaced('live', 1, 'live-call-2');
      expect(await direct.voiceBroadcasts.liveCallIds()).toEqual(['live-call-1']);
      await direct.voiceBroadcasts.dropPending('live');
    });

    it('removes the batches that are over before a time, with their numbers: not one with a number waiting, a call up, or a call ended since', async () => {
      const direct = store().direct;
      const queue = direct.voiceBroadcasts;
      const ended = (id: string, endedAt: string) => direct.calls.insert(call(id, { state: 'ended', endedAt: at(endedAt) }));
      // Over at 09:05: one call ended then, one number dropped.
      await queue.insert(batch('over'), ['6001', '6002']);
      await ended('over-call', '2024-05-01T09:05:00.000Z');
      await queue.claimNext();
      await queue.markPlaced('over', 0, 'over-call');
      await queue.dropPending('over');
      // Its last call ended at 11:00.
      await queue.insert(batch('late'), ['7001']);
      await ended('late-call', '2024-05-01T11:00:00.000Z');
      await queue.claimNext();
      await queue.markPlaced('late', 0, 'late-call');
      // A call still up.
      await queue.insert(batch('up'), ['8001']);
      await direct.calls.insert(call('up-call'));
      await queue.claimNext();
      await queue.markPlaced('up', 0, 'up-call');
      // A number still waiting.
      await queue.insert(batch('waiting'), ['9001']);

      // (Batches of the tests before, whose calls the store never had, are over at any time after they were queued.)
      await queue.removeFinished(at('2024-05-01T09:05:00.000Z'));
      expect(await states(store(), 'over')).toEqual([
        ['6001', 'placed', 'over-call'],
        ['6002', 'dropped', null],
      ]);
      expect(await queue.removeFinished(at('2024-05-01T10:00:00.000Z'))).toBe(1);
      expect(await queue.numbersOf('over')).toEqual([]);
      expect(await states(store(), 'late')).toEqual([['7001', 'placed', 'late-call']]);
      expect(await queue.removeFinished(at('2024-05-02T00:00:00.000Z'))).toBe(1);
      expect(await queue.numbersOf('late')).toEqual([]);
      expect(await states(store(), 'up')).toEqual([['8001', 'placed', 'up-call']]);
      expect(await states(store(), 'waiting')).toEqual([['9001', 'pending', null]]);
      expect(await queue.countPending()).toBe(1);
      // The calls stay: only the batches' own rows go.
      expect(await direct.calls.get('over-call')).toMatchObject({ state: 'ended' });
      await queue.dropPending('waiting');
    });
  });

  describe('batches of played calls, claimed by transactions at once', () => {
    const store = freshStore(makeStore);

    it('a claim rolled back leaves the number waiting; a batch being claimed from is passed over, not waited for', async () => {
      const queue = store().direct.voiceBroadcasts;
      await queue.insert(batch('c1'), ['4001', '4002']);
      await queue.insert(batch('c2'), ['5001']);
      await expect(
        store().transaction(async (tx) => {
          expect(await tx.voiceBroadcasts.claimNext()).toMatchObject({ number: '4001' });
          throw new Error('crash before the call was recorded');
        }),
      ).rejects.toThrow('crash');
      expect(await queue.countPending()).toBe(3);

      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let claimedFirst!: () => void;
      const firstClaimed = new Promise<void>((resolve) => (claimedFirst = resolve));
      const slow = store().transaction(async (tx) => {
        const claimed = await tx.voiceBroadcasts.claimNext();
        await tx.voiceBroadcasts.markPlaced('c1', claimed!.position, 'claim-call-1');
        claimedFirst();
        await held;
        return claimed!.number;
      });
      await firstClaimed;
      const other = await store().transaction(async (tx) => {
        const claimed = await tx.voiceBroadcasts.claimNext();
        if (claimed) await tx.voiceBroadcasts.markPlaced(claimed.batch.id, claimed.position, 'claim-call-2');
        return claimed?.number ?? null;
      });
      release();
      expect([await slow, other]).toEqual(['4001', '5001']);
      expect(await states(store(), 'c1')).toEqual([
        ['4001', 'placed', 'claim-call-1'],
        ['4002', 'pending', null],
      ]);
      expect(await queue.countPending()).toBe(1);
    });
  });
}
