import { agent, at, openStore, session, sql, type OpenStore } from './fixtures';

describe('agent sessions read again in the transaction that holds them', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
    for (const id of ['2000', '2001', '2002', '2003', '2004', '2005', '2006', '2007', '2008']) await ctx.store.direct.agents.upsert(agent(id));
  });
  afterAll(() => ctx.dispose());

  it('sees its own update exactly as the database then holds it', async () => {
    await ctx.store.direct.sessions.insert(session('2000'));
    const written = { ...session('2000'), state: 'paused' as const, pauseReason: 'LUNCH', conference: { number: '8600051', bridgeId: 'b', agentLegId: null }, pendingPause: { reason: null } };
    const seenInside = await ctx.store.transaction(async (tx) => {
      await tx.sessions.lock('2000');
      await tx.sessions.update(written);
      return tx.sessions.get('2000');
    });
    expect(seenInside).toEqual(await ctx.store.direct.sessions.get('2000'));
    expect(seenInside).toMatchObject({ state: 'paused', pauseReason: 'LUNCH' });
  });

  it('sees a touch, a delete and an insert of its own', async () => {
    await ctx.store.direct.sessions.insert(session('2001'));
    const seen = at('2024-06-01T10:00:00.123Z');
    await ctx.store.transaction(async (tx) => {
      await tx.sessions.lock('2001');
      await tx.sessions.touch('2001', seen);
      expect((await tx.sessions.get('2001'))?.lastSeenAt).toEqual(seen);
      await tx.sessions.delete('2001', seen);
      expect(await tx.sessions.get('2001')).toBeNull();
      await tx.sessions.insert(session('2001', { sessionId: 'again' }));
      expect(await tx.sessions.get('2001')).toMatchObject({ sessionId: 'again' });
    });
    expect(await ctx.store.direct.sessions.get('2001')).toMatchObject({ sessionId: 'again', lastSeenAt: session('2001').lastSeenAt });
  });

  it('reads a row it does not hold from the database, whoever changed it meanwhile', async () => {
    await ctx.store.direct.sessions.insert(session('2002'));
    await ctx.store.transaction(async (tx) => {
      expect(await tx.sessions.get('2002')).toMatchObject({ state: 'ready' });
      await sql(ctx.url, "UPDATE agent_sessions SET state = 'paused' WHERE agent_id = '2002'");
      expect(await tx.sessions.get('2002')).toMatchObject({ state: 'paused' });
    });
  });

  it('does not take an update of a session that is not there for a session', async () => {
    await ctx.store.transaction(async (tx) => {
      expect(await tx.sessions.lock('2003')).toBeNull();
      await tx.sessions.update(session('2003'));
      expect(await tx.sessions.get('2003')).toBeNull();
    });
  });

  it('hands out copies: changing what it returned changes nothing it returns later', async () => {
    await ctx.store.direct.sessions.insert(session('2004'));
    await ctx.store.transaction(async (tx) => {
      const locked = (await tx.sessions.lock('2004'))!;
      (locked as { state: string }).state = 'in_call';
      const again = (await tx.sessions.get('2004'))!;
      expect(again.state).toBe('ready');
      (again as { state: string }).state = 'wrap_up';
      expect((await tx.sessions.get('2004'))!.state).toBe('ready');
      await tx.sessions.update(session('2004', { pendingPause: { reason: 'R' } }));
      const pending = (await tx.sessions.get('2004'))!;
      (pending.pendingPause as { reason: string | null }).reason = 'changed';
      expect((await tx.sessions.get('2004'))!.pendingPause).toEqual({ reason: 'R' });
    });
  });

  it('forgets everything once the transaction rolls back', async () => {
    await ctx.store.direct.sessions.insert(session('2005'));
    await expect(
      ctx.store.transaction(async (tx) => {
        await tx.sessions.lock('2005');
        await tx.sessions.update(session('2005', { state: 'paused', pauseReason: 'X' }));
        throw new Error('changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    expect(await ctx.store.direct.sessions.get('2005')).toMatchObject({ state: 'ready', pauseReason: null });
    expect(await ctx.store.transaction((tx) => tx.sessions.get('2005'))).toMatchObject({ state: 'ready' });
  });

  describe('numbers queued to dial, learnt with the lock', () => {
    const queued = (agentId: string, phoneNumber: string) => ({
      agentId,
      phoneNumber,
      phoneCode: '1',
      leadId: null,
      callerId: null,
      dialPrefix: '9',
      whileReady: false,
      origin: { dialect: 'vicidial', operation: 'external_dial', apiUserId: null },
      queuedAt: at('2024-05-01T08:00:00.000Z'),
    });

    it('lists none for a locked agent who had none, then the one this transaction queues', async () => {
      await ctx.store.direct.sessions.insert(session('2006'));
      const seen = await ctx.store.transaction(async (tx) => {
        await tx.sessions.lock('2006');
        const before = await tx.manualDialQueue.listForAgent('2006');
        const added = await tx.manualDialQueue.add(queued('2006', '3125556000'));
        return { before, after: await tx.manualDialQueue.listForAgent('2006'), added };
      });
      expect(seen.before).toEqual([]);
      expect(seen.after).toEqual([seen.added]);
      expect(await ctx.store.direct.manualDialQueue.listForAgent('2006')).toEqual([seen.added]);
    });

    it('lists what was queued before the lock, and an agent it did not lock from the database', async () => {
      await ctx.store.direct.sessions.insert(session('2007'));
      const first = await ctx.store.direct.manualDialQueue.add(queued('2007', '3125556001'));
      await ctx.store.transaction(async (tx) => {
        await tx.sessions.lock('2007');
        expect(await tx.manualDialQueue.listForAgent('2007')).toEqual([first]);
        await tx.sessions.lock('2006');
        expect(await tx.manualDialQueue.listForAgent('2006')).toHaveLength(1);
      });
    });
  });

  it('pauses the queue memberships the agent has, including one it joins after its lock found none', async () => {
    await ctx.store.direct.sessions.insert(session('2008'));
    await ctx.store.direct.queues.upsert({ name: 'held', strategy: 'ringall', active: true, mohClass: 'default', maxWaitSec: null });
    const pausedOf = async (): Promise<boolean | undefined> => (await ctx.store.direct.queues.get('held'))?.members.find((member) => member.agentId === '2008')?.paused;
    await ctx.store.transaction(async (tx) => {
      await tx.sessions.lock('2008');
      await tx.queues.setPausedForAgent('2008', true);
      await tx.queues.putMember('held', { agentId: '2008', penalty: 0, membership: 'dynamic' });
      await tx.queues.setPausedForAgent('2008', true);
    });
    expect(await pausedOf()).toBe(true);
    await ctx.store.transaction(async (tx) => {
      await tx.sessions.lock('2008');
      await tx.queues.setPausedForAgent('2008', false);
    });
    expect(await pausedOf()).toBe(false);
  });
});
