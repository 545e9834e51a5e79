import { at, openStore, recording, type OpenStore } from './fixtures';

describe('recordings', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  afterAll(() => ctx.dispose());

  it('round-trips every field, found by id and by file name', async () => {
    const full = recording('agent-1000.rec-1', {
      callId: 'agent-1000.c1',
      leadId: 42,
      state: 'finished',
      startedAt: at('2024-05-01T09:00:00.250Z'),
      endedAt: at('2024-05-01T09:00:07.500Z'),
      durationSec: 7,
    });
    const bare = recording('agent-1000.rec-2');
    for (const r of [full, bare]) await ctx.store.direct.recordings.insert(r);
    expect(await ctx.store.direct.recordings.get(full.id)).toEqual(full);
    expect(await ctx.store.direct.recordings.get(bare.id)).toEqual(bare);
    expect(await ctx.store.direct.recordings.getByName(full.name)).toEqual(full);
    expect(await ctx.store.direct.recordings.get('none')).toBeNull();
    expect(await ctx.store.direct.recordings.getByName('none')).toBeNull();
  });

  it('refuses a second recording under a file name already used', async () => {
    await expect(ctx.store.direct.recordings.insert(recording('agent-1000.rec-x', { name: recording('agent-1000.rec-1').name }))).rejects.toMatchObject({
      code: '23505',
    });
  });

  it("lists an agent's pending and recording ones, oldest first; stopping, finished and failed are not live", async () => {
    const agent = '2000';
    const rows = [
      recording('agent-2000.rec-b', { agentId: agent, state: 'recording', createdAt: at('2024-05-01T09:00:02Z') }),
      recording('agent-2000.rec-a', { agentId: agent, state: 'pending', createdAt: at('2024-05-01T09:00:01Z') }),
      recording('agent-2000.rec-c', { agentId: agent, state: 'stopping' }),
      recording('agent-2000.rec-d', { agentId: agent, state: 'finished' }),
      recording('agent-2000.rec-e', { agentId: agent, state: 'failed' }),
      recording('agent-2001.rec-f', { agentId: '2001', state: 'recording' }),
    ];
    for (const r of rows) await ctx.store.direct.recordings.insert(r);
    expect((await ctx.store.direct.recordings.liveForAgent(agent)).map((r) => r.id)).toEqual(['agent-2000.rec-a', 'agent-2000.rec-b']);
    await ctx.store.direct.recordings.update({ ...rows[1]!, state: 'stopping' });
    expect((await ctx.store.direct.recordings.liveForAgent(agent)).map((r) => r.id)).toEqual(['agent-2000.rec-b']);
  });

  it("lists a call's recordings, oldest first, whatever their state", async () => {
    await ctx.store.direct.recordings.insert(recording('agent-3000.rec-2', { callId: 'c3', state: 'finished', createdAt: at('2024-05-01T09:00:05Z') }));
    await ctx.store.direct.recordings.insert(recording('agent-3000.rec-1', { callId: 'c3', state: 'failed', createdAt: at('2024-05-01T09:00:01Z') }));
    expect((await ctx.store.direct.recordings.listForCall('c3')).map((r) => r.id)).toEqual(['agent-3000.rec-1', 'agent-3000.rec-2']);
    expect(await ctx.store.direct.recordings.listForCall('c-none')).toEqual([]);
  });

  it('lists the recordings not yet over, stopping included, oldest first', async () => {
    const unfinished = (await ctx.store.direct.recordings.listUnfinished()).map((r) => r.id);
    expect(unfinished).toEqual(['agent-1000.rec-2', 'agent-2000.rec-c', 'agent-2001.rec-f', 'agent-2000.rec-a', 'agent-2000.rec-b']);
  });

  it('keeps the state in the core enumeration', async () => {
    await expect(ctx.store.direct.recordings.insert({ ...recording('agent-1000.rec-bad'), state: 'paused' as never })).rejects.toMatchObject({ code: '23514' });
  });

  it('a transaction rolled back leaves no recording', async () => {
    await expect(
      ctx.store.transaction(async (tx) => {
        await tx.recordings.insert(recording('agent-4000.rec-1'));
        throw new Error('undone');
      }),
    ).rejects.toThrow('undone');
    expect(await ctx.store.direct.recordings.get('agent-4000.rec-1')).toBeNull();
  });
});
