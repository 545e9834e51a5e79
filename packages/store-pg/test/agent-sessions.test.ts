import { agent, at, deferred, openStore, session, settledWithin, type OpenStore } from './fixtures';

describe('agent sessions', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
    for (const id of ['1000', '1001', '1002', '1003', '1004', '1005', '1006', '1007']) await ctx.store.direct.agents.upsert(agent(id));
  });
  afterAll(() => ctx.dispose());

  it('round-trips a session with every optional part set', async () => {
    const full = session('1000', {
      state: 'in_call',
      pauseReason: 'LUNCH',
      stateBeforeCall: 'paused',
      conference: { number: '8600051', bridgeId: 'agent-1000.conference', agentLegId: 'agent-1000.c1.1' },
      campaignId: 'TESTCAMP',
      currentCallId: 'agent-1000.c1',
      pendingPause: { reason: 'BREAK' },
      pendingLogout: true,
      afterCall: 'wrap_up',
      loginVia: 'ccgateway',
      loggedInAt: at('2024-05-01T08:00:00.001Z'),
      lastSeenAt: at('2024-05-01T08:05:00.002Z'),
      stateChangedAt: at('2024-05-01T08:06:00.003Z'),
    });
    await ctx.store.direct.sessions.insert(full);
    expect(await ctx.store.direct.sessions.get('1000')).toEqual(full);
  });

  it('keeps the null and near-null shapes apart: no conference, conference without leg, pending pause without reason', async () => {
    const bare = session('1001');
    await ctx.store.direct.sessions.insert(bare);
    expect(await ctx.store.direct.sessions.get('1001')).toEqual(bare);

    const partial = { ...bare, conference: { number: '8600052', bridgeId: 'b', agentLegId: null }, pendingPause: { reason: null } };
    await ctx.store.direct.sessions.update(partial);
    expect(await ctx.store.direct.sessions.get('1001')).toEqual(partial);
    expect(await ctx.store.direct.sessions.get('nobody')).toBeNull();
  });

  it('allows one session per agent, and only for a known agent', async () => {
    await ctx.store.direct.sessions.insert(session('1002'));
    await expect(ctx.store.direct.sessions.insert(session('1002', { sessionId: 'other' }))).rejects.toMatchObject({ code: '23505' });
    await expect(ctx.store.direct.sessions.insert(session('ghost'))).rejects.toMatchObject({ code: '23503' });
  });

  it('updates, touches and deletes', async () => {
    await ctx.store.direct.sessions.insert(session('1003'));
    await ctx.store.direct.sessions.update(session('1003', { state: 'paused', pauseReason: 'P1' }));
    expect(await ctx.store.direct.sessions.get('1003')).toMatchObject({ state: 'paused', pauseReason: 'P1' });
    const seen = at('2024-05-01T09:30:00.000Z');
    await ctx.store.direct.sessions.touch('1003', seen);
    expect((await ctx.store.direct.sessions.get('1003'))?.lastSeenAt).toEqual(seen);
    await ctx.store.direct.sessions.delete('1003', seen);
    expect(await ctx.store.direct.sessions.get('1003')).toBeNull();
    await expect(ctx.store.direct.sessions.delete('1003', seen)).resolves.toBeUndefined();
  });

  it('lists all sessions by agent, and idle ones by login channel and last sign of life', async () => {
    await ctx.store.direct.sessions.insert(session('1005', { loginVia: 'ccgateway', lastSeenAt: at('2024-05-01T10:00:00Z') }));
    await ctx.store.direct.sessions.insert(session('1004', { loginVia: 'ccgateway', lastSeenAt: at('2024-05-01T09:00:00Z') }));
    await ctx.store.direct.sessions.insert(session('1006', { loginVia: 'vicidial', lastSeenAt: at('2024-05-01T09:00:00Z') }));

    const all = await ctx.store.direct.sessions.list();
    expect(all.map((s) => s.agentId)).toEqual(['1000', '1001', '1002', '1004', '1005', '1006']);

    const idle = await ctx.store.direct.sessions.listIdle('ccgateway', at('2024-05-01T10:00:00Z'));
    expect(idle.map((s) => s.agentId)).toEqual(['1000', '1004']);
    expect(await ctx.store.direct.sessions.listIdle('ccgateway', at('2024-05-01T08:00:00Z'))).toEqual([]);
  });

  it('lock holds a second transaction until the first commits, which then sees the committed state', async () => {
    await ctx.store.direct.sessions.insert(session('1007'));
    const firstLocked = deferred();
    const releaseFirst = deferred();
    const first = ctx.store.transaction(async (tx) => {
      const locked = await tx.sessions.lock('1007');
      firstLocked.resolve();
      await releaseFirst.promise;
      await tx.sessions.update({ ...locked!, state: 'paused', pauseReason: 'FIRST' });
    });
    await firstLocked.promise;

    const second = ctx.store.transaction(async (tx) => {
      const seen = await tx.sessions.lock('1007');
      await tx.sessions.update({ ...seen!, pauseReason: `${seen!.pauseReason}+SECOND` });
      return seen;
    });
    expect(await settledWithin(second, 300)).toBe('pending');
    // A plain read is not blocked by the lock.
    expect((await ctx.store.direct.sessions.get('1007'))?.state).toBe('ready');

    releaseFirst.resolve();
    await first;
    expect(await second).toMatchObject({ state: 'paused', pauseReason: 'FIRST' });
    expect(await ctx.store.direct.sessions.get('1007')).toMatchObject({ state: 'paused', pauseReason: 'FIRST+SECOND' });
  });

  it('lock of a missing session returns null', async () => {
    expect(await ctx.store.transaction((tx) => tx.sessions.lock('nobody'))).toBeNull();
  });
});
