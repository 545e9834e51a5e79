import { at, deferred, openStore, sql, type OpenStore } from './fixtures';

const message = (n: number) => ({
  topic: 'sipcall.cdr',
  url: `https://crm.example/callback/${n}`,
  body: JSON.stringify({ n }),
  headers: { 'content-type': 'application/json', 'x-n': String(n) },
});

const T0 = at('2024-05-01T09:00:00.000Z');
const seconds = (s: number): Date => new Date(T0.getTime() + s * 1000);

describe('outbox', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  beforeEach(() => sql(ctx.url, 'TRUNCATE outbox'));
  afterAll(() => ctx.dispose());

  it('stores a message due at once, with every field', async () => {
    const added = await ctx.store.direct.outbox.add(message(1), T0);
    expect(added).toEqual({
      id: expect.stringMatching(/^[0-9]+$/),
      ...message(1),
      orderingKey: null,
      retry: null,
      signingKey: null,
      createdAt: T0,
      attempts: 0,
      nextAttemptAt: T0,
      deliveredAt: null,
      lastError: null,
    });
    expect(await ctx.store.direct.outbox.countPending()).toBe(1);
  });

  it('claims due messages oldest first, up to the limit, and hides them until the lease ends', async () => {
    const a = await ctx.store.direct.outbox.add(message(1), T0);
    const b = await ctx.store.direct.outbox.add(message(2), seconds(1));
    const c = await ctx.store.direct.outbox.add(message(3), seconds(2));
    await ctx.store.direct.outbox.add(message(4), seconds(100));

    const claimed = await ctx.store.direct.outbox.claimDue(seconds(10), 2, seconds(40));
    expect(claimed).toEqual([
      { ...a, nextAttemptAt: seconds(40) },
      { ...b, nextAttemptAt: seconds(40) },
    ]);
    expect((await ctx.store.direct.outbox.claimDue(seconds(10), 10, seconds(40))).map((m) => m.id)).toEqual([c.id]);
    expect(await ctx.store.direct.outbox.claimDue(seconds(20), 10, seconds(50))).toEqual([]);
    expect(await ctx.store.direct.outbox.claimDue(seconds(20), 0, seconds(50))).toEqual([]);
  });

  it('holds a message back while an earlier one with its ordering key is undelivered', async () => {
    const outbox = ctx.store.direct.outbox;
    const ring = await outbox.add({ ...message(1), orderingKey: 'call-a' }, T0);
    const answer = await outbox.add({ ...message(2), orderingKey: 'call-a' }, T0);
    const other = await outbox.add({ ...message(3), orderingKey: 'call-b' }, T0);
    const loose = await outbox.add(message(4), T0);
    expect((await outbox.claimDue(seconds(1), 10, seconds(31))).map((m) => m.id)).toEqual([ring.id, other.id, loose.id]);
    await outbox.markFailed(ring.id, 1, seconds(2), 'HTTP 503');
    // Its predecessor failed and waits for its retry: the second of call-a still waits too.
    expect((await outbox.claimDue(seconds(5), 10, seconds(35))).map((m) => m.id)).toEqual([ring.id]);
    await outbox.markDelivered(ring.id, seconds(5));
    expect(await outbox.claimDue(seconds(6), 10, seconds(36))).toEqual([expect.objectContaining({ id: answer.id, orderingKey: 'call-a' })]);
  });

  it('gives a claimed message back once its lease has ended without a verdict (a crashed claimer)', async () => {
    const a = await ctx.store.direct.outbox.add(message(1), T0);
    expect((await ctx.store.direct.outbox.claimDue(T0, 10, seconds(30))).map((m) => m.id)).toEqual([a.id]);
    expect(await ctx.store.direct.outbox.claimDue(seconds(29), 10, seconds(60))).toEqual([]);
    const again = await ctx.store.direct.outbox.claimDue(seconds(30), 10, seconds(60));
    expect(again).toEqual([{ ...a, nextAttemptAt: seconds(60) }]);
  });

  it('records failures for a later attempt and stops offering delivered messages', async () => {
    const a = await ctx.store.direct.outbox.add(message(1), T0);
    const b = await ctx.store.direct.outbox.add(message(2), T0);
    await ctx.store.direct.outbox.claimDue(T0, 10, seconds(30));
    await ctx.store.direct.outbox.markDelivered(a.id, seconds(1));
    await ctx.store.direct.outbox.markFailed(b.id, 1, seconds(5), 'HTTP 503');
    expect(await ctx.store.direct.outbox.countPending()).toBe(1);

    expect(await ctx.store.direct.outbox.claimDue(seconds(4), 10, seconds(60))).toEqual([]);
    expect(await ctx.store.direct.outbox.claimDue(seconds(100), 10, seconds(160))).toEqual([
      { ...b, attempts: 1, nextAttemptAt: seconds(160), lastError: 'HTTP 503' },
    ]);
    const [delivered] = await sql<{ delivered_at: Date }>(ctx.url, 'SELECT delivered_at FROM outbox WHERE id = $1', [a.id]);
    expect(delivered?.delivered_at).toEqual(seconds(1));
  });

  it('ignores verdicts on ids that name no message', async () => {
    await ctx.store.direct.outbox.add(message(1), T0);
    await expect(ctx.store.direct.outbox.markDelivered('not-a-number', T0)).resolves.toBeUndefined();
    await expect(ctx.store.direct.outbox.markFailed('99999', 1, T0, 'x')).resolves.toBeUndefined();
    expect(await ctx.store.direct.outbox.countPending()).toBe(1);
  });

  it('lets two concurrent claimers take disjoint messages without waiting on each other', async () => {
    for (let n = 0; n < 6; n += 1) await ctx.store.direct.outbox.add(message(n), T0);
    const firstClaimed = deferred<string[]>();
    const release = deferred();
    const first = ctx.store.transaction(async (tx) => {
      const claimed = await tx.outbox.claimDue(seconds(1), 3, seconds(30));
      firstClaimed.resolve(claimed.map((m) => m.id));
      // Holds its row locks, as a slow claimer would.
      await release.promise;
    });
    const firstIds = await firstClaimed.promise;

    const second = ctx.store.transaction((tx) => tx.outbox.claimDue(seconds(1), 10, seconds(30)));
    expect(await Promise.race([second.then(() => 'done'), new Promise((r) => setTimeout(() => r('blocked'), 2_000))])).toBe('done');
    const secondIds = (await second).map((m) => m.id);
    release.resolve();
    await first;

    expect(firstIds).toHaveLength(3);
    expect(secondIds).toHaveLength(3);
    expect(new Set([...firstIds, ...secondIds]).size).toBe(6);
  });

  it('hands each message to exactly one of many claimers racing on the pool', async () => {
    for (let n = 0; n < 40; n += 1) await ctx.store.direct.outbox.add(message(n), T0);
    const claims = await Promise.all(Array.from({ length: 8 }, () => ctx.store.direct.outbox.claimDue(seconds(1), 7, seconds(30))));
    const ids = claims.flat().map((m) => m.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });

  it('redelivers the messages of a claimer whose transaction rolled back', async () => {
    const a = await ctx.store.direct.outbox.add(message(1), T0);
    await expect(
      ctx.store.transaction(async (tx) => {
        expect(await tx.outbox.claimDue(T0, 10, seconds(30))).toHaveLength(1);
        throw new Error('crashed');
      }),
    ).rejects.toThrow('crashed');
    expect((await ctx.store.direct.outbox.claimDue(T0, 10, seconds(30))).map((m) => m.id)).toEqual([a.id]);
  });
});
