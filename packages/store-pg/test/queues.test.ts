import { agent, openStore, type OpenStore } from './fixtures';

const SETTINGS = { active: true, mohClass: 'default', maxWaitSec: null };
const COUNTERS = { weight: 0, grade: 1, dailyLimit: null, callsToday: 0, callsTodayOn: null };

describe('queues', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
    for (const id of ['1000', '1001', '1002']) await ctx.store.direct.agents.upsert(agent(id));
  });
  afterAll(() => ctx.dispose());

  it('creates a queue, then updates its settings without touching members', async () => {
    await ctx.store.direct.queues.upsert({ name: 'sales', strategy: 'ringall', ...SETTINGS });
    await ctx.store.direct.queues.putMember('sales', { agentId: '1000', penalty: 0, membership: 'static' });
    await ctx.store.direct.queues.upsert({ name: 'sales', strategy: 'leastrecent', active: false, mohClass: 'jazz', maxWaitSec: 90 });
    expect(await ctx.store.direct.queues.get('sales')).toEqual({
      name: 'sales',
      strategy: 'leastrecent',
      active: false,
      mohClass: 'jazz',
      maxWaitSec: 90,
      members: [{ agentId: '1000', penalty: 0, paused: false, membership: 'static', ...COUNTERS }],
    });
    await ctx.store.direct.queues.upsert({ name: 'sales', strategy: 'leastrecent', ...SETTINGS });
    expect(await ctx.store.direct.queues.get('none')).toBeNull();
  });

  it('lists members in the order they joined; re-adding updates penalty, membership and the settings given, keeping place, pause and count', async () => {
    await ctx.store.direct.queues.putMember('sales', { agentId: '1002', penalty: 1, membership: 'dynamic', weight: 3, grade: 7, dailyLimit: 20 });
    await ctx.store.direct.queues.putMember('sales', { agentId: '1001', penalty: 2, membership: 'dynamic' });
    await ctx.store.direct.queues.setPausedForAgent('1000', true);
    await ctx.store.direct.queues.countCallTaken('sales', '1000', '2024-03-01');
    await ctx.store.direct.queues.putMember('sales', { agentId: '1000', penalty: 5, membership: 'dynamic', grade: 4 });
    await ctx.store.direct.queues.putMember('sales', { agentId: '1002', penalty: 1, membership: 'dynamic' });
    expect((await ctx.store.direct.queues.get('sales'))?.members).toEqual([
      { agentId: '1000', penalty: 5, paused: true, membership: 'dynamic', ...COUNTERS, grade: 4, callsToday: 1, callsTodayOn: '2024-03-01' },
      { agentId: '1002', penalty: 1, paused: false, membership: 'dynamic', ...COUNTERS, weight: 3, grade: 7, dailyLimit: 20 },
      { agentId: '1001', penalty: 2, paused: false, membership: 'dynamic', ...COUNTERS },
    ]);
    await ctx.store.direct.queues.setPausedForAgent('1000', false);
  });

  it('counts the calls a member takes per day, starting again on another day', async () => {
    await ctx.store.direct.queues.countCallTaken('sales', '1000', '2024-03-01');
    const member = async () => (await ctx.store.direct.queues.get('sales'))?.members.find((m) => m.agentId === '1000');
    expect(await member()).toMatchObject({ callsToday: 2, callsTodayOn: '2024-03-01' });
    await ctx.store.direct.queues.countCallTaken('sales', '1000', '2024-03-02');
    expect(await member()).toMatchObject({ callsToday: 1, callsTodayOn: '2024-03-02' });
  });

  it('refuses members of a queue or agent that does not exist', async () => {
    await expect(ctx.store.direct.queues.putMember('none', { agentId: '1000', penalty: 0, membership: 'dynamic' })).rejects.toMatchObject({ code: '23503' });
    await expect(ctx.store.direct.queues.putMember('sales', { agentId: 'ghost', penalty: 0, membership: 'dynamic' })).rejects.toMatchObject({ code: '23503' });
  });

  it('pauses an agent in every queue and names the queues of an agent, by name and in join order', async () => {
    await ctx.store.direct.queues.upsert({ name: 'billing', strategy: 'ringall', ...SETTINGS });
    await ctx.store.direct.queues.putMember('billing', { agentId: '1000', penalty: 0, membership: 'static' });
    await ctx.store.direct.queues.setPausedForAgent('1000', true);
    expect(await ctx.store.direct.queues.queuesOfAgent('1000')).toEqual(['billing', 'sales']);
    expect(await ctx.store.direct.queues.membershipsOfAgent('1000')).toEqual(['sales', 'billing']);
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
