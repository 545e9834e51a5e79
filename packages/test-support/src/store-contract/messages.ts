/// <reference types="jest" />
import type { JsonValue } from '@pbx-gateway/core';
import { at, freshStore, type MakeStore } from './contract-store';

export function mailboxContract(makeStore: MakeStore): void {
  describe('agent mailbox and its signals', () => {
    const store = freshStore(makeStore);

    it('numbers on-screen notifications in increasing order and keeps every field, quotes as data', async () => {
      const notification = {
        recipient: '1000',
        recipientType: 'USER' as const,
        showAt: at('2024-05-01T09:00:00.000Z'),
        text: `Call O'Brien "now"`,
        style: { size: 12, font: 'Arial', weight: 'bold', color: '#FF0000' },
        confetti: { durationSec: 2, maxParticleCount: 2350, particleSpeed: 2 },
        retry: true,
        queuedBy: '6666',
        queuedAt: at('2024-05-01T08:59:00.000Z'),
      };
      const first = await store().direct.notifications.insert(notification);
      const second = await store().direct.notifications.insert({ ...notification, recipientType: 'CAMPAIGN', recipient: 'TESTCAMP', confetti: null, retry: false });
      expect(first).toEqual({ ...notification, id: first.id });
      expect(second.id).toBeGreaterThan(first.id);
      expect(await store().direct.notifications.get(first.id)).toEqual(first);
      expect(await store().direct.notifications.get(second.id)).toEqual(second);
      expect(await store().direct.notifications.get(second.id + 1000)).toBeNull();
    });

    it('hands messages out first in, first out, per agent and channel, any JSON as appended', async () => {
      const box = store().direct.mailbox;
      const values: JsonValue[] = [{ b: 1, a: 2 }, 'text', 42, [1, 'two', { three: 3 }], null];
      for (const value of values) await box.append('m1', 'events', value);
      await box.append('m1', 'other', { other: 'channel' });
      await box.append('m2', 'events', { other: 'agent' });
      const taken: Array<JsonValue | null> = [];
      for (let i = 0; i < values.length - 1; i += 1) taken.push(await box.takeNext('m1', 'events'));
      expect(taken).toEqual(values.slice(0, -1));
      expect(await box.takeNext('m1', 'other')).toEqual({ other: 'channel' });
      expect(await box.takeNext('m2', 'events')).toEqual({ other: 'agent' });
    });

    it('keeps JSON values but not their key order: keys come back shortest first, then by their bytes (as Postgres jsonb)', async () => {
      await store().direct.mailbox.append('m0', 'events', { retcode: '0', message: '', event: { workNo: '101', eventType: 'x', content: null } });
      const taken = (await store().direct.mailbox.takeNext('m0', 'events')) as Record<string, Record<string, unknown>>;
      expect(Object.keys(taken)).toEqual(['event', 'message', 'retcode']);
      expect(Object.keys(taken.event!)).toEqual(['workNo', 'content', 'eventType']);
    });

    it('clears one channel of one agent only', async () => {
      const box = store().direct.mailbox;
      await box.append('m3', 'events', { n: 1 });
      await box.append('m3', 'other', { n: 2 });
      await box.clear('m3', 'events');
      expect(await box.takeNext('m3', 'events')).toBeNull();
      expect(await box.takeNext('m3', 'other')).toEqual({ n: 2 });
    });

    it('gives each message to one of several takers, and keeps the message of a rolled-back take', async () => {
      for (let n = 0; n < 5; n += 1) await store().direct.mailbox.append('m4', 'events', { n });
      const taken = await Promise.all(Array.from({ length: 7 }, () => store().direct.mailbox.takeNext('m4', 'events')));
      expect(taken.filter((message) => message !== null).map((message) => (message as { n: number }).n).sort()).toEqual([0, 1, 2, 3, 4]);
      await store().direct.mailbox.append('m4', 'events', { n: 5 });
      await expect(
        store().transaction(async (tx) => {
          await tx.mailbox.takeNext('m4', 'events');
          throw new Error('delivery failed');
        }),
      ).rejects.toThrow('delivery failed');
      expect(await store().direct.mailbox.takeNext('m4', 'events')).toEqual({ n: 5 });
    });

    it('wakes a waiter when an append commits, and moves the version; a rolled-back append wakes nobody', async () => {
      const signals = store().mailboxSignals;
      const controller = new AbortController();
      // A committed append first: the signals are listening by the time the rolled-back one is made
      // (a store may wake its waiters once when it starts listening, as notices may have been missed).
      const first = signals.version('m5', 'events');
      await store().transaction((tx) => tx.mailbox.append('m5', 'events', { n: 0 }));
      while (signals.version('m5', 'events') === first) await signals.wait('m5', 'events', 60_000, controller.signal, first);
      await store().direct.mailbox.takeNext('m5', 'events');
      const before = signals.version('m5', 'events');
      let woken = false;
      const waiting = signals.wait('m5', 'events', 60_000, controller.signal, before).then(() => {
        woken = true;
      });
      await expect(
        store().transaction(async (tx) => {
          await tx.mailbox.append('m5', 'events', { lost: true });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await store().direct.mailbox.takeNext('m5', 'events');
      expect(woken).toBe(false);
      await store().transaction((tx) => tx.mailbox.append('m5', 'events', { n: 1 }));
      await waiting;
      expect(signals.version('m5', 'events')).not.toBe(before);
      controller.abort();
    });

    it('answers a wait at once when the version already moved past the one given, or when aborted', async () => {
      const signals = store().mailboxSignals;
      const since = signals.version('m6', 'events');
      await store().direct.mailbox.append('m6', 'events', { n: 1 });
      while (signals.version('m6', 'events') === since) await signals.wait('m6', 'events', 60_000, undefined, since);
      await signals.wait('m6', 'events', 60_000, undefined, since);
      const controller = new AbortController();
      controller.abort();
      await signals.wait('m6', 'events', 60_000, controller.signal);
      expect(await store().direct.mailbox.takeNext('m6', 'events')).toEqual({ n: 1 });
    });
  });
}

const T0 = at('2024-05-01T09:00:00.000Z');
const seconds = (s: number): Date => new Date(T0.getTime() + s * 1000);
const message = (n: number, orderingKey?: string) => ({
  topic: 'sipcall.cdr',
  url: `https://crm.example/callback/${n}`,
  body: JSON.stringify({ n }),
  headers: { 'content-type': 'application/json', 'x-n': String(n) },
  ...(orderingKey === undefined ? {} : { orderingKey }),
});

export function outboxContract(makeStore: MakeStore): void {
  describe('outbox', () => {
    const store = freshStore(makeStore);

    it('stores a message due at once, with every field, and counts what is undelivered', async () => {
      const added = await store().direct.outbox.add(message(1), T0);
      expect(added).toEqual({ id: expect.stringMatching(/^[0-9]+$/), ...message(1), orderingKey: null, createdAt: T0, attempts: 0, nextAttemptAt: T0, deliveredAt: null, lastError: null, retry: null, signingKey: null });
      expect(await store().direct.outbox.countPending()).toBe(1);
      expect(await store().direct.outbox.claimDue(T0, 10, seconds(30))).toEqual([{ ...added, nextAttemptAt: seconds(30) }]);
      await store().direct.outbox.markDelivered(added.id, seconds(1));
      expect(await store().direct.outbox.countPending()).toBe(0);
    });

    it('claims due messages by due time up to the limit, hides them until the lease ends, then offers them again', async () => {
      const outbox = store().direct.outbox;
      const a = await outbox.add(message(2), seconds(100));
      const b = await outbox.add(message(3), seconds(101));
      const c = await outbox.add(message(4), seconds(102));
      const later = await outbox.add(message(5), seconds(500));
      expect(await outbox.claimDue(seconds(110), 2, seconds(140))).toEqual([
        { ...a, nextAttemptAt: seconds(140) },
        { ...b, nextAttemptAt: seconds(140) },
      ]);
      expect((await outbox.claimDue(seconds(110), 10, seconds(140))).map((row) => row.id)).toEqual([c.id]);
      expect(await outbox.claimDue(seconds(139), 10, seconds(150))).toEqual([]);
      expect(await outbox.claimDue(seconds(139), 0, seconds(150))).toEqual([]);
      expect((await outbox.claimDue(seconds(140), 10, seconds(170))).map((row) => row.id)).toEqual([a.id, b.id, c.id]);
      for (const row of [a, b, c, later]) await outbox.markDelivered(row.id, seconds(141));
    });

    it('records a failure for a later attempt', async () => {
      const outbox = store().direct.outbox;
      const failed = await outbox.add(message(6), seconds(600));
      await outbox.claimDue(seconds(600), 10, seconds(630));
      await outbox.markFailed(failed.id, 1, seconds(605), 'HTTP 503');
      const [again] = await outbox.claimDue(seconds(605), 10, seconds(635));
      expect(again).toEqual({ ...failed, attempts: 1, lastError: 'HTTP 503', nextAttemptAt: seconds(635) });
      await outbox.markDelivered(failed.id, seconds(606));
    });

    it('holds a message back while an earlier one with its ordering key is undelivered', async () => {
      const outbox = store().direct.outbox;
      const ring = await outbox.add(message(7, 'call-a'), seconds(1000));
      const answer = await outbox.add(message(8, 'call-a'), seconds(1000));
      const other = await outbox.add(message(9, 'call-b'), seconds(1000));
      expect((await outbox.claimDue(seconds(1001), 10, seconds(1031))).map((row) => row.id)).toEqual([ring.id, other.id]);
      await outbox.markFailed(ring.id, 1, seconds(1002), 'HTTP 503');
      expect((await outbox.claimDue(seconds(1005), 10, seconds(1035))).map((row) => row.id)).toEqual([ring.id]);
      await outbox.markDelivered(ring.id, seconds(1005));
      expect((await outbox.claimDue(seconds(1006), 10, seconds(1036))).map((row) => row.id)).toEqual([answer.id]);
    });

    it('never gives one message to two claimers at once', async () => {
      for (let n = 10; n < 16; n += 1) await store().direct.outbox.add(message(n), seconds(2000));
      const batches = await Promise.all([1, 2, 3].map(() => store().transaction((tx) => tx.outbox.claimDue(seconds(2001), 10, seconds(2031)))));
      const ids = batches.flat().map((row) => row.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('keeps a message\'s own retry policy', async () => {
      const retry = { everyMs: 10_000, forMs: 120_000, signOutAgent: '101' };
      const added = await store().direct.outbox.add({ ...message(20, 'push-a'), retry }, seconds(3000));
      expect(added.retry).toEqual(retry);
      expect((await store().direct.outbox.claimDue(seconds(3000), 100, seconds(3030))).find((row) => row.id === added.id)?.retry).toEqual(retry);
    });

    it('keeps the name of the secret that signs a message', async () => {
      const added = await store().direct.outbox.add({ ...message(21, 'signed'), signingKey: 'sipcall/2028' }, seconds(3100));
      expect(added.signingKey).toBe('sipcall/2028');
      expect((await store().direct.outbox.claimDue(seconds(3100), 100, seconds(3130))).find((row) => row.id === added.id)?.signingKey).toBe('sipcall/2028');
    });

    it('discards the undelivered messages of one key, or one message, and nothing delivered', async () => {
      const outbox = store().direct.outbox;
      const sent = await outbox.add(message(30, 'push-b'), seconds(4000));
      await outbox.markDelivered(sent.id, seconds(4000));
      const first = await outbox.add(message(31, 'push-b'), seconds(4001));
      await outbox.add(message(32, 'push-b'), seconds(4002));
      const other = await outbox.add(message(33, 'push-c'), seconds(4003));
      const alone = await outbox.add(message(34), seconds(4004));
      const pending = await outbox.countPending();
      expect(await outbox.discardPending({ id: first.id, orderingKey: 'push-b' })).toBe(2);
      expect(await outbox.discardPending({ id: alone.id })).toBe(1);
      expect(await outbox.discardPending({ id: sent.id })).toBe(0);
      expect(await outbox.discardPending({ orderingKey: 'push-none' })).toBe(0);
      expect(await outbox.countPending()).toBe(pending - 3);
      const claimed = (await outbox.claimDue(seconds(4100), 100, seconds(4130))).map((row) => row.id);
      expect(claimed).toContain(other.id);
      expect(claimed).not.toContain(first.id);
      expect(claimed).not.toContain(alone.id);
    });
  });
}

export function tokenContract(makeStore: MakeStore): void {
  describe('access tokens', () => {
    const store = freshStore(makeStore);
    const token = (fingerprint: string, subject: string, kind = 'sipcall-token') => ({
      fingerprint,
      kind,
      subject,
      issuedAt: at('2024-05-01T09:00:00.000Z'),
      expiresAt: null as Date | null,
    });

    it('round-trips tokens and finds them by kind and fingerprint', async () => {
      const expiring = { ...token('f1', 'u1'), expiresAt: at('2024-05-01T10:00:00.000Z') };
      await store().direct.tokens.insert(expiring);
      await store().direct.tokens.insert(token('f2', 'u1', 'ccgateway-guid'));
      expect(await store().direct.tokens.find('sipcall-token', 'f1')).toEqual(expiring);
      expect(await store().direct.tokens.find('ccgateway-guid', 'f1')).toBeNull();
      expect(await store().direct.tokens.find('ccgateway-guid', 'f2')).toEqual(token('f2', 'u1', 'ccgateway-guid'));
    });

    it('refuses a second token with one kind and fingerprint', async () => {
      await store().direct.tokens.insert(token('f3', 'u3'));
      await expect(store().direct.tokens.insert(token('f3', 'other'))).rejects.toThrow();
    });

    it('deletes one token, or all of a kind for a subject', async () => {
      for (const fingerprint of ['f4', 'f5']) await store().direct.tokens.insert(token(fingerprint, 'u4'));
      await store().direct.tokens.insert(token('f6', 'u4', 'ccgateway-guid'));
      await store().direct.tokens.insert(token('f7', 'u5'));
      await store().direct.tokens.delete('sipcall-token', 'f4');
      expect(await store().direct.tokens.find('sipcall-token', 'f4')).toBeNull();
      await store().direct.tokens.deleteBySubject('sipcall-token', 'u4');
      expect(await store().direct.tokens.find('sipcall-token', 'f5')).toBeNull();
      expect(await store().direct.tokens.find('ccgateway-guid', 'f6')).not.toBeNull();
      expect(await store().direct.tokens.find('sipcall-token', 'f7')).not.toBeNull();
    });
  });
}
