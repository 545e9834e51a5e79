import type { DomainEventProjector } from '../src';
import {
  agent,
  extension,
  trunk,
  createTestCore,
  type TestCore,
} from '@pbx-gateway/test-support';

const message = { topic: 'sipcall.cdr', url: 'https://crm.example.com/cdr', body: '{"id":1}', headers: { 'Content-Type': 'application/json' } };

async function setup(projectors: DomainEventProjector[] = []): Promise<TestCore> {
  return createTestCore({
    config: { outbox: { batchSize: 10, leaseMs: 30_000, retryBaseMs: 1000, retryMaxMs: 5000 } },
    projectors,
    directory: { agents: [agent('1000')], extensions: [extension(5, '100')], trunks: [trunk(1)] },
  });
}

describe('callback delivery', () => {
  it('posts a due callback with its id as idempotency key and marks it delivered', async () => {
    const t = await setup();
    const stored = await t.store.direct.outbox.add(message, t.clock.now());
    await expect(t.core.deliverDueCallbacks()).resolves.toBe(1);
    expect(t.callbacks.attempts).toEqual([
      {
        topic: message.topic,
        url: 'https://crm.example.com/cdr',
        body: '{"id":1}',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': stored.id },
        idempotencyKey: stored.id,
        signingKey: null,
        outcome: { delivered: true, status: 200 },
      },
    ]);
    expect(t.store.outboxMessages()).toEqual([expect.objectContaining({ id: stored.id, deliveredAt: t.clock.now(), attempts: 0 })]);
    expect(await t.store.direct.outbox.countPending()).toBe(0);
  });

  it('hands the transport the name of the secret that signs the message, on every attempt', async () => {
    const t = await setup();
    t.callbacks.failNext(1);
    const stored = await t.store.direct.outbox.add({ ...message, signingKey: 'sipcall/2028' }, t.clock.now());
    await t.core.deliverDueCallbacks();
    await t.advance(1000);
    await t.core.deliverDueCallbacks();
    expect(t.callbacks.attempts.map((attempt) => [attempt.idempotencyKey, attempt.signingKey, attempt.outcome.delivered])).toEqual([
      [stored.id, 'sipcall/2028', false],
      [stored.id, 'sipcall/2028', true],
    ]);
  });

  it('retries a failed delivery with growing delays up to the maximum, then delivers it once', async () => {
    const t = await setup();
    const stored = await t.store.direct.outbox.add(message, t.clock.now());
    t.callbacks.failNext(5, { status: 503, reason: 'HTTP 503' });

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const before = t.clock.nowMs();
      await expect(t.core.deliverDueCallbacks()).resolves.toBe(0);
      const [row] = t.store.outboxMessages();
      expect(row).toMatchObject({ attempts: attempt, deliveredAt: null, lastError: 'HTTP 503' });
      const delay = row!.nextAttemptAt.getTime() - before;
      delays.push(delay);

      await t.advance(delay - 1);
      await expect(t.core.deliverDueCallbacks()).resolves.toBe(0);
      expect(t.callbacks.attempts).toHaveLength(attempt);
      await t.advance(1);
    }
    expect(delays).toEqual([1000, 2000, 4000, 5000, 5000]);

    await expect(t.core.deliverDueCallbacks()).resolves.toBe(1);
    await t.advance(3_600_000);
    await expect(t.core.deliverDueCallbacks()).resolves.toBe(0);
    expect(t.callbacks.attempts).toHaveLength(6);
    expect(t.callbacks.delivered).toHaveLength(1);
    expect(new Set(t.callbacks.attempts.map((attempt) => attempt.headers['Idempotency-Key']))).toEqual(new Set([stored.id]));
    expect(t.logger.messages('warn')).toHaveLength(5);
  });

  it('delivers a callback once when two dispatchers run at the same time', async () => {
    const t = await setup();
    await t.store.direct.outbox.add(message, t.clock.now());
    await t.store.direct.outbox.add({ ...message, body: '{"id":2}' }, t.clock.now());
    const counts = await Promise.all([t.core.deliverDueCallbacks(), t.core.deliverDueCallbacks()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    expect(t.callbacks.attempts.map((attempt) => attempt.body).sort()).toEqual(['{"id":1}', '{"id":2}']);
  });

  it('takes at most a batch per run, oldest first', async () => {
    const t = await setup();
    for (let i = 1; i <= 12; i += 1) await t.store.direct.outbox.add({ ...message, body: String(i) }, t.clock.now());
    await expect(t.core.deliverDueCallbacks()).resolves.toBe(10);
    expect(t.callbacks.attempts.map((attempt) => attempt.body)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    await expect(t.core.deliverDueCallbacks()).resolves.toBe(2);
  });

  it('delivers the callbacks of one call in the order they were written, even across a failed attempt', async () => {
    const t = await setup();
    for (const body of ['ring', 'answer', 'hangup', 'cdr']) await t.store.direct.outbox.add({ ...message, orderingKey: 'call-1', body }, t.clock.now());
    await t.store.direct.outbox.add({ ...message, orderingKey: 'call-2', body: 'other call' }, t.clock.now());
    t.callbacks.failNext(1);
    await t.core.deliverDueCallbacks();
    expect(t.callbacks.attempts.map((attempt) => attempt.body)).toEqual(['ring', 'other call']);
    while ((await t.store.direct.outbox.countPending()) > 0) {
      await t.advance(1000);
      await t.core.deliverDueCallbacks();
    }
    const delivered = t.callbacks.delivered.map((delivery) => delivery.body).filter((body) => body !== 'other call');
    expect(delivered).toEqual(['ring', 'answer', 'hangup', 'cdr']);
  });

  describe('when the store goes away between the post and its outcome', () => {
    const storeAway = (): Error => new Error('connect ECONNREFUSED 127.0.0.1:5432');

    it('writes a delivery the store could not take in the next round, posts it once, and then the next callback of the call', async () => {
      const t = await setup();
      for (const body of ['answer', 'cdr']) await t.store.direct.outbox.add({ ...message, orderingKey: 'call-1', body }, t.clock.now());
      const markDelivered = jest.spyOn(t.store.direct.outbox, 'markDelivered').mockRejectedValueOnce(storeAway());
      const postedAt = t.clock.nowMs();

      await expect(t.core.deliverDueCallbacks()).rejects.toThrow('ECONNREFUSED');
      expect(t.store.outboxMessages().map((row) => row.deliveredAt)).toEqual([null, null]);

      // The store is back well within the first message's lease (30 s).
      await t.advance(1000);
      await expect(t.core.deliverDueCallbacks()).resolves.toBe(1);
      expect(t.callbacks.attempts.map((attempt) => attempt.body)).toEqual(['answer', 'cdr']);
      expect(markDelivered).toHaveBeenCalledTimes(3);
      expect(t.store.outboxMessages().map((row) => row.deliveredAt)).toEqual([new Date(postedAt), new Date(postedAt + 1000)]);
      expect(await t.store.direct.outbox.countPending()).toBe(0);
    });

    it('claims nothing new while an earlier outcome is still unwritten', async () => {
      const t = await setup();
      await t.store.direct.outbox.add({ ...message, body: 'first' }, t.clock.now());
      jest.spyOn(t.store.direct.outbox, 'markDelivered').mockRejectedValueOnce(storeAway()).mockRejectedValueOnce(storeAway());
      await expect(t.core.deliverDueCallbacks()).rejects.toThrow('ECONNREFUSED');
      await t.store.direct.outbox.add({ ...message, body: 'second' }, t.clock.now());

      await expect(t.core.deliverDueCallbacks()).rejects.toThrow('ECONNREFUSED');
      expect(t.callbacks.attempts.map((attempt) => attempt.body)).toEqual(['first']);

      await expect(t.core.deliverDueCallbacks()).resolves.toBe(1);
      expect(t.callbacks.attempts.map((attempt) => attempt.body)).toEqual(['first', 'second']);
      expect(await t.store.direct.outbox.countPending()).toBe(0);
    });

    it('writes a failed attempt in the next round within its lease, and drops it once the lease has passed (the message is due again)', async () => {
      const t = await setup();
      const stored = await t.store.direct.outbox.add(message, t.clock.now());
      t.callbacks.failNext(2, { status: 503, reason: 'HTTP 503' });
      jest.spyOn(t.store.direct.outbox, 'markFailed').mockRejectedValueOnce(storeAway());
      await expect(t.core.deliverDueCallbacks()).rejects.toThrow('ECONNREFUSED');
      await expect(t.core.deliverDueCallbacks()).resolves.toBe(0);
      expect(t.store.outboxMessages()).toEqual([expect.objectContaining({ id: stored.id, attempts: 1, lastError: 'HTTP 503', deliveredAt: null })]);

      jest.spyOn(t.store.direct.outbox, 'markFailed').mockRejectedValueOnce(storeAway());
      await t.advance(1000);
      await expect(t.core.deliverDueCallbacks()).rejects.toThrow('ECONNREFUSED');
      await t.advance(30_000);
      // The lease ended: the unwritten failure is dropped and the message is posted again, this time delivered.
      await expect(t.core.deliverDueCallbacks()).resolves.toBe(1);
      expect(t.callbacks.attempts.map((attempt) => attempt.outcome.delivered)).toEqual([false, false, true]);
      expect(t.store.outboxMessages()).toEqual([expect.objectContaining({ id: stored.id, attempts: 1, deliveredAt: t.clock.now() })]);
    });
  });

  it('delivers the callbacks a projector stored with the change that caused them', async () => {
    const cdrCallbacks: DomainEventProjector = {
      name: 'cdr-callbacks',
      async project(event, tx) {
        if (event.type !== 'CallEnded') return;
        await tx.outbox.add({ topic: 'cdr', url: 'https://crm.example.com/cdr', body: JSON.stringify({ uuid: event.call.id, billsec: event.cdr.billsec }), headers: {} }, event.at);
      },
    };
    const t = await setup([cdrCallbacks]);
    const { callId } = await t.core.startClickToCall({
      source: { by: 'internal_number', value: '100' },
      dialplan: null,
      destination: '800123456',
      sourceCallerId: { number: '800123456', name: '' },
      destinationCallerId: null,
      sourceRingSec: null,
      destinationRingSec: null,
      data: {},
      origin: { dialect: 'sipcall', operation: 'MakeCall', apiUserId: null },
    });
    expect(t.store.outboxMessages()).toEqual([]);
    await t.endLeg(`${callId}.1`, 19, 'No answer');
    await expect(t.core.deliverDueCallbacks()).resolves.toBe(1);
    expect(JSON.parse(t.callbacks.attempts[0]!.body)).toEqual({ uuid: callId, billsec: 0 });
  });

  it('stores neither the change nor its callback when a projector fails', async () => {
    const failing: DomainEventProjector = {
      name: 'failing',
      async project(event, tx) {
        await tx.outbox.add({ topic: 'status', url: 'https://crm.example.com/status', body: event.type, headers: {} }, t.clock.now());
        throw new Error('projection failed');
      },
    };
    const t = await setup([failing]);
    await expect(t.core.loginAgent({ agentId: '1000', via: 'sipcall' })).rejects.toThrow('projection failed');
    expect(await t.core.getAgentSession('1000')).toBeNull();
    expect(t.store.outboxMessages()).toEqual([]);
    expect(t.events).toEqual([]);
  });

  describe('a message with a retry policy of its own (pushed agent events)', () => {
    const push = { url: 'https://crm.example.com/events', headers: { service_token: 'secret-token', Guid: 'g-1' } };
    const retry = { everyMs: 10_000, forMs: 120_000, signOutAgent: '1000' };
    const pushed = (body: string) => ({ topic: 'ccgateway.events', url: push.url, body, headers: push.headers, orderingKey: 'push:1000', retry });

    it('is retried every everyMs for forMs after the first failure, then dropped with the later ones of its key; the agent is signed out', async () => {
      const t = await setup();
      await t.core.loginAgent({ agentId: '1000', via: 'ccgateway', eventPush: push });
      await t.store.direct.outbox.add(pushed('first'), t.clock.now());
      await t.store.direct.outbox.add(pushed('second'), t.clock.now());
      await t.store.direct.outbox.add({ ...message, body: 'unrelated' }, t.clock.now());
      t.callbacks.failNext(1000, { status: 503, reason: 'HTTP 503' });
      t.takeEvents();

      const attemptTimes: number[] = [];
      const start = t.clock.nowMs();
      for (let round = 0; round < 20 && (await t.core.getAgentSession('1000')) !== null; round += 1) {
        const before = t.callbacks.attempts.filter((attempt) => attempt.url === push.url).length;
        await t.core.deliverDueCallbacks();
        if (t.callbacks.attempts.filter((attempt) => attempt.url === push.url).length > before) attemptTimes.push(t.clock.nowMs() - start);
        await t.advance(10_000);
      }
      // The first attempt, then one every 10 s for 120 s: 13 in all, always the oldest message.
      expect(attemptTimes).toEqual(Array.from({ length: 13 }, (_, i) => i * 10_000));
      expect(new Set(t.callbacks.attempts.filter((attempt) => attempt.url === push.url).map((attempt) => attempt.body))).toEqual(new Set(['first']));
      expect(await t.core.getAgentSession('1000')).toBeNull();
      expect(t.events).toEqual([expect.objectContaining({ type: 'AgentLoggedOut', agentId: '1000', reason: 'push_failed', eventPush: push })]);
      expect(t.store.outboxMessages().map((row) => row.body)).toEqual(['unrelated']);
      expect(t.logger.messages('warn')).toContain('callback delivery given up');
      expect(JSON.stringify(t.logger.lines)).not.toContain('secret-token');
    });

    it('is delivered once, then the next of its key, when the receiver recovers within the schedule', async () => {
      const t = await setup();
      await t.core.loginAgent({ agentId: '1000', via: 'ccgateway', eventPush: push });
      await t.store.direct.outbox.add(pushed('first'), t.clock.now());
      await t.store.direct.outbox.add(pushed('second'), t.clock.now());
      t.callbacks.failNext(12);
      for (let round = 0; round < 13; round += 1) {
        await t.core.deliverDueCallbacks();
        await t.advance(10_000);
      }
      while ((await t.store.direct.outbox.countPending()) > 0) await t.core.deliverDueCallbacks();
      expect(t.callbacks.delivered.map((delivery) => delivery.body)).toEqual(['first', 'second']);
      expect(await t.core.getAgentSession('1000')).not.toBeNull();
    });

    it('signs out only the session whose receiver failed', async () => {
      const t = await setup();
      await t.core.loginAgent({ agentId: '1000', via: 'ccgateway', eventPush: { ...push, url: 'https://other.example.com/events' } });
      await t.store.direct.outbox.add({ ...pushed('stale'), retry: { ...retry, forMs: 0 } }, t.clock.now());
      t.callbacks.failNext(1);
      await t.core.deliverDueCallbacks();
      expect(t.store.outboxMessages()).toEqual([]);
      expect(await t.core.getAgentSession('1000')).not.toBeNull();
    });
  });
});
