import { at, openStore, playback, type OpenStore } from './fixtures';

describe('playbacks', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  afterAll(() => ctx.dispose());

  it('round-trips every field, with either kind of target or none', async () => {
    const onLeg = playback('agent-1000.pb-1', {
      agentId: '1000',
      callId: 'agent-1000.c1',
      target: { kind: 'leg', legId: 'agent-1000.c1.1' },
      state: 'finished',
      finishCause: 'replaced',
      offsetMs: 1500,
      playedMs: 2500,
      resumedAt: at('2024-05-01T09:00:01.001Z'),
      startedAt: at('2024-05-01T09:00:00.500Z'),
      finishedAt: at('2024-05-01T09:00:04.000Z'),
      continues: 'agent-1000.pb-0',
    });
    const onBridge = playback('agent-1001.pb-1', { agentId: '1001', target: { kind: 'bridge', bridgeId: 'agent-1001.conference' } });
    const bare = playback('pb-bare');
    for (const p of [onLeg, onBridge, bare]) await ctx.store.direct.playbacks.insert(p);
    expect(await ctx.store.direct.playbacks.get(onLeg.id)).toEqual(onLeg);
    expect(await ctx.store.direct.playbacks.get(onBridge.id)).toEqual(onBridge);
    expect(await ctx.store.direct.playbacks.get(bare.id)).toEqual(bare);
    expect(await ctx.store.direct.playbacks.get('none')).toBeNull();
  });

  it('finds the active playback of an agent and of a call: pending, playing or paused only', async () => {
    expect((await ctx.store.direct.playbacks.activeForAgent('1001'))?.id).toBe('agent-1001.pb-1');
    expect(await ctx.store.direct.playbacks.activeForAgent('1000')).toBeNull();

    await ctx.store.direct.playbacks.insert(playback('pb-call', { callId: 'c9', state: 'playing', startedAt: at('2024-05-01T09:00:00Z') }));
    expect((await ctx.store.direct.playbacks.activeForCall('c9'))?.id).toBe('pb-call');
    for (const state of ['paused', 'finishing', 'finished'] as const) {
      await ctx.store.direct.playbacks.update(playback('pb-call', { callId: 'c9', state }));
      expect((await ctx.store.direct.playbacks.activeForCall('c9'))?.id ?? null).toBe(state === 'paused' ? 'pb-call' : null);
    }
  });

  it('lists unfinished playbacks, finishing included, oldest first', async () => {
    await ctx.store.direct.playbacks.update(playback('pb-call', { callId: 'c9', state: 'finishing', createdAt: at('2024-05-01T08:00:00Z') }));
    const unfinished = await ctx.store.direct.playbacks.listUnfinished();
    expect(unfinished.map((p) => p.id)).toEqual(['pb-call', 'agent-1001.pb-1', 'pb-bare']);
  });

  it("lists a call's playbacks until they are finished, finishing included, oldest first", async () => {
    await ctx.store.direct.playbacks.insert(playback('pb-c10', { callId: 'c10', state: 'pending' }));
    for (const state of ['pending', 'playing', 'paused', 'finishing'] as const) {
      await ctx.store.direct.playbacks.update(playback('pb-c10', { callId: 'c10', state }));
      expect((await ctx.store.direct.playbacks.listUnfinishedForCall('c10')).map((p) => p.id)).toEqual(['pb-c10']);
    }
    await ctx.store.direct.playbacks.insert(playback('pb-c10-later', { callId: 'c10', state: 'playing', createdAt: at('2099-01-01T00:00:00Z') }));
    expect((await ctx.store.direct.playbacks.listUnfinishedForCall('c10')).map((p) => p.id)).toEqual(['pb-c10', 'pb-c10-later']);
    await ctx.store.direct.playbacks.update(playback('pb-c10', { callId: 'c10', state: 'finished' }));
    await ctx.store.direct.playbacks.update(playback('pb-c10-later', { callId: 'c10', state: 'finished', createdAt: at('2099-01-01T00:00:00Z') }));
    expect(await ctx.store.direct.playbacks.listUnfinishedForCall('c10')).toEqual([]);
    expect(await ctx.store.direct.playbacks.listUnfinishedForCall('no-call')).toEqual([]);
  });

  it('stores positions as whole milliseconds', async () => {
    await ctx.store.direct.playbacks.insert(playback('pb-frac', { offsetMs: 1000.4, playedMs: 20.6 }));
    expect(await ctx.store.direct.playbacks.get('pb-frac')).toMatchObject({ offsetMs: 1000, playedMs: 21 });
  });
});
