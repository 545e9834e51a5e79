import { agent, call, cdr, leg, openStore, session, sql, type OpenStore } from './fixtures';

describe('transactions', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
    await ctx.store.direct.agents.upsert(agent('1000'));
  });
  afterAll(() => ctx.dispose());

  it('commits every write of the work and returns its result', async () => {
    const result = await ctx.store.transaction(async (tx) => {
      await tx.calls.insert(call('t1'));
      await tx.calls.insertLeg(leg('t1.1', 't1'));
      await tx.sessions.insert(session('1000', { currentCallId: 't1', state: 'in_call' }));
      await tx.outbox.add({ topic: 't', url: 'https://x.example', body: '{}', headers: {} }, new Date());
      return 'done';
    });
    expect(result).toBe('done');
    expect(await ctx.store.direct.calls.legsOf('t1')).toHaveLength(1);
    expect((await ctx.store.direct.sessions.get('1000'))?.currentCallId).toBe('t1');
    expect(await ctx.store.direct.outbox.countPending()).toBe(1);
  });

  it('sees its own writes before commit while others do not', async () => {
    await ctx.store.transaction(async (tx) => {
      await tx.calls.insert(call('t2'));
      expect(await tx.calls.get('t2')).not.toBeNull();
      expect(await ctx.store.direct.calls.get('t2')).toBeNull();
    });
    expect(await ctx.store.direct.calls.get('t2')).not.toBeNull();
  });

  it('leaves no partial rows when the work throws, and rethrows its error', async () => {
    const failure = new Error('state machine refused');
    await expect(
      ctx.store.transaction(async (tx) => {
        await tx.calls.insert(call('t3'));
        await tx.calls.insertLeg(leg('t3.1', 't3'));
        await tx.cdrs.insert(cdr('t3'));
        await tx.mailbox.append('1000', 'events', { n: 1 });
        await tx.outbox.add({ topic: 't', url: 'https://x.example', body: '{}', headers: {} }, new Date());
        await tx.sessions.update(session('1000', { state: 'paused' }));
        throw failure;
      }),
    ).rejects.toBe(failure);

    const counts = await sql<{ calls: number; legs: number; cdrs: number; mailbox: number; outbox: number }>(
      ctx.url,
      `SELECT (SELECT count(*)::int FROM calls WHERE id = 't3') AS calls,
              (SELECT count(*)::int FROM legs WHERE call_id = 't3') AS legs,
              (SELECT count(*)::int FROM cdrs WHERE call_id = 't3') AS cdrs,
              (SELECT count(*)::int FROM agent_mailbox) AS mailbox,
              (SELECT count(*)::int FROM outbox) AS outbox`,
    );
    expect(counts).toEqual([{ calls: 0, legs: 0, cdrs: 0, mailbox: 0, outbox: 1 }]);
    expect((await ctx.store.direct.sessions.get('1000'))?.state).toBe('in_call');
  });

  it('rolls back everything when a statement fails midway', async () => {
    await expect(
      ctx.store.transaction(async (tx) => {
        await tx.calls.insert(call('t4'));
        await tx.calls.insertLeg(leg('t4.1', 'no-such-call'));
      }),
    ).rejects.toMatchObject({ code: '23503' });
    expect(await ctx.store.direct.calls.get('t4')).toBeNull();
  });

  it('keeps a failed multi-row write atomic outside a transaction too', async () => {
    await ctx.store.direct.trunks.upsert({ id: 1, name: 'main', dialTemplate: 'PJSIP/{number}@m', callerIdPool: ['1'] });
    await ctx.store.direct.trunks.upsert({ id: 2, name: 'backup', dialTemplate: 'PJSIP/{number}@b', callerIdPool: ['2'] });
    await expect(ctx.store.direct.trunks.upsert({ id: 2, name: 'main', dialTemplate: 'x', callerIdPool: [] })).rejects.toMatchObject({ code: '23505' });
    expect(await ctx.store.direct.trunks.get(2)).toEqual({ id: 2, name: 'backup', dialTemplate: 'PJSIP/{number}@b', callerIdPool: ['2'] });
  });

  it('rolls back a group upsert with the transaction around it', async () => {
    await expect(
      ctx.store.transaction(async (tx) => {
        await tx.trunks.upsert({ id: 3, name: 'third', dialTemplate: 'PJSIP/{number}@t', callerIdPool: ['3', '4'] });
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    expect(await ctx.store.direct.trunks.get(3)).toBeNull();
    expect(await sql(ctx.url, 'SELECT * FROM trunk_caller_ids WHERE trunk_id = 3')).toEqual([]);
  });
});
