import { agent, call, deferred, openStore, session, sql, type OpenStore } from './fixtures';

// The live agents' list is kept while the database has not changed: a
// wallboard's polls cost one small round trip until something commits, and
// the first list asked after a commit, whoever made it, shows it.
describe('live agents kept between commits', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
    const { direct } = ctx.store;
    for (const id of ['k1', 'k2']) await direct.agents.upsert(agent(id));
    await direct.sessions.insert(session('k1'));
    await direct.sessions.insert(session('k2'));
  });
  afterAll(() => ctx.dispose());

  it('answers with the same list while nothing has committed', async () => {
    const first = await ctx.store.direct.liveAgents.list();
    const second = await ctx.store.direct.liveAgents.list();
    expect(second).toBe(first);
    expect(first.map((live) => [live.agent.id, live.session.state])).toEqual([
      ['k1', 'ready'],
      ['k2', 'ready'],
    ]);
  });

  it('shows a session change of the store in the very next list', async () => {
    const { direct } = ctx.store;
    const before = await direct.liveAgents.list();
    await direct.sessions.update({ ...session('k1'), state: 'paused', pauseReason: 'LUNCH' });
    const after = await direct.liveAgents.list();
    expect(after).not.toBe(before);
    expect(after[0]?.session).toMatchObject({ state: 'paused', pauseReason: 'LUNCH' });
  });

  it('shows a change committed in a transaction in the very next list', async () => {
    const { store } = ctx;
    await store.direct.liveAgents.list();
    await store.transaction(async (trx) => {
      const locked = await trx.sessions.lock('k2');
      if (!locked) throw new Error('k2 has no session');
      await trx.sessions.update({ ...locked, state: 'paused', pauseReason: 'BREAK' });
      // Inside the transaction the list is read, never kept: it sees the transaction's own change.
      expect((await trx.liveAgents.list())[1]?.session.pauseReason).toBe('BREAK');
    });
    expect((await store.direct.liveAgents.list())[1]?.session).toMatchObject({ state: 'paused', pauseReason: 'BREAK' });
  });

  it('shows a change committed by another connection (another gateway) in the very next list', async () => {
    const { direct } = ctx.store;
    await direct.liveAgents.list();
    await sql(ctx.url, "UPDATE agents SET name = 'Renamed elsewhere' WHERE id = 'k2'");
    expect((await direct.liveAgents.list())[1]?.agent.name).toBe('Renamed elsewhere');
    await sql(ctx.url, "UPDATE agent_sessions SET state = 'ready', pause_reason = NULL WHERE agent_id = 'k2'");
    expect((await direct.liveAgents.list())[1]?.session).toMatchObject({ state: 'ready', pauseReason: null });
  });

  it("shows the change of a call, and of a transaction that was running during the last read, once it commits", async () => {
    const { store } = ctx;
    const agentCall = call('k1.c1', { agentId: 'k1' });
    await store.direct.calls.insert(agentCall);
    await store.direct.sessions.update({ ...session('k1'), state: 'in_call', currentCallId: agentCall.id });
    expect((await store.direct.liveAgents.list())[0]?.call).toMatchObject({ id: 'k1.c1' });

    // A transaction holds an uncommitted change while lists are read: they
    // do not show it, and the first list after its commit does.
    const changed = deferred();
    const release = deferred();
    const running = store.transaction(async (trx) => {
      const locked = await trx.sessions.lock('k1');
      if (!locked) throw new Error('k1 has no session');
      await trx.sessions.update({ ...locked, state: 'paused', pauseReason: 'HELD', currentCallId: null });
      changed.resolve();
      await release.promise;
    });
    await changed.promise;
    const during = await store.direct.liveAgents.list();
    expect(during[0]?.session.state).toBe('in_call');
    expect(await store.direct.liveAgents.list()).toBe(during);
    release.resolve();
    await running;
    const after = await store.direct.liveAgents.list();
    expect(after[0]?.session).toMatchObject({ state: 'paused', pauseReason: 'HELD', currentCallId: null });
    expect(after[0]?.call).toBeNull();
  });
});
