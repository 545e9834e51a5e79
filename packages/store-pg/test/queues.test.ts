import { agent, openStore, type OpenStore } from './fixtures';

describe('queues', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
    for (const id of ['1000', '1001', '1002']) await ctx.store.direct.agents.upsert(agent(id));
  });
  afterAll(() => ctx.dispose());

  it('creates a queue, then updates its strategy without touching members', async () => {
    await ctx.store.direct.queues.upsert({ name: 'sales', strategy: 'ringall' });
    await ctx.store.direct.queues.putMember('sales', { agentId: '1000', penalty: 0, paused: false, membership: 'static' });
    await ctx.store.direct.queues.upsert({ name: 'sales', strategy: 'leastrecent' });
    expect(await ctx.store.direct.queues.get('sales')).toEqual({
      name: 'sales',
      strategy: 'leastrecent',
      members: [{ agentId: '1000', penalty: 0, paused: false, membership: 'static' }],
    });
    expect(await ctx.store.direct.queues.get('none')).toBeNull();
  });

  it('lists members in the order they joined; re-adding updates penalty and membership but keeps place and pause', async () => {
    await ctx.store.direct.queues.putMember('sales', { agentId: '1002', penalty: 1, paused: true, membership: 'dynamic' });
    await ctx.store.direct.queues.putMember('sales', { agentId: '1001', penalty: 2, paused: false, membership: 'dynamic' });
    await ctx.store.direct.queues.putMember('sales', { agentId: '1000', penalty: 5, paused: true, membership: 'dynamic' });
    expect((await ctx.store.direct.queues.get('sales'))?.members).toEqual([
      { agentId: '1000', penalty: 5, paused: false, membership: 'dynamic' },
      { agentId: '1002', penalty: 1, paused: true, membership: 'dynamic' },
      { agentId: '1001', penalty: 2, paused: false, membership: 'dynamic' },
    ]);
  });

  it('refuses members of a queue or agent that does not exist', async () => {
    await expect(ctx.store.direct.queues.putMember('none', { agentId: '1000', penalty: 0, paused: false, membership: 'dynamic' })).rejects.toMatchObject({
      code: '23503',
    });
    await expect(ctx.store.direct.queues.putMember('sales', { agentId: 'ghost', penalty: 0, paused: false, membership: 'dynamic' })).rejects.toMatchObject({
      code: '23503',
    });
  });

  it('pauses an agent in every queue and names the queues of an agent', async () => {
    await ctx.store.direct.queues.upsert({ name: 'billing', strategy: 'ringall' });
    await ctx.store.direct.queues.putMember('billing', { agentId: '1000', penalty: 0, paused: false, membership: 'static' });
    await ctx.store.direct.queues.setPausedForAgent('1000', true);
    expect(await ctx.store.direct.queues.queuesOfAgent('1000')).toEqual(['billing', 'sales']);
    const queues = await ctx.store.direct.queues.list();
    expect(queues.map((q) => q.name)).toEqual(['billing', 'sales']);
    for (const queue of queues) expect(queue.members.find((m) => m.agentId === '1000')?.paused).toBe(true);
    expect(queues[1]!.members.find((m) => m.agentId === '1001')?.paused).toBe(false);
    await ctx.store.direct.queues.setPausedForAgent('1000', false);
    expect((await ctx.store.direct.queues.get('billing'))?.members[0]?.paused).toBe(false);
  });

  it('removes a member and says whether there was one', async () => {
    expect(await ctx.store.direct.queues.removeMember('billing', '1000')).toBe(true);
    expect(await ctx.store.direct.queues.removeMember('billing', '1000')).toBe(false);
    expect(await ctx.store.direct.queues.queuesOfAgent('1000')).toEqual(['sales']);
    expect((await ctx.store.direct.queues.get('billing'))?.members).toEqual([]);
    expect(await ctx.store.direct.queues.queuesOfAgent('nobody')).toEqual([]);
  });
});
