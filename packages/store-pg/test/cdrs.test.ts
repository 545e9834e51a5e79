import { at, call, cdr, openStore, sql, type OpenStore } from './fixtures';

describe('CDRs', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
    for (const id of ['c1', 'c2', 'c3', 'c4', 'c5']) await ctx.store.direct.calls.insert(call(id));
  });
  afterAll(() => ctx.dispose());

  it('returns the stored CDR with its id and round-trips every field', async () => {
    const full = cdr('c1', {
      purpose: 'voice_menu',
      direction: 'inbound',
      tenant: 'acme',
      agentId: '1000',
      extension: '101',
      answeredAt: at('2024-05-01T09:00:05.005Z'),
      billsec: 25,
      hangupSide: 'system',
      recordingFile: 'rec-c1.wav',
      pressedKey: '1',
      leadId: 9007199254740,
      data: { userkey: '1', custom: { deep: [1, 2] } },
    });
    const stored = await ctx.store.direct.cdrs.insert(full);
    expect(stored).toEqual({ ...full, id: expect.any(Number) });
    expect(await ctx.store.direct.cdrs.getByCall('c1')).toEqual(stored);
    expect(await ctx.store.direct.cdrs.getByCall('none')).toBeNull();
  });

  it('finds a CDR by its id, and names the file its recording was moved to', async () => {
    const stored = (await ctx.store.direct.cdrs.getByCall('c1'))!;
    expect(await ctx.store.direct.cdrs.get(stored.id)).toEqual(stored);
    expect(await ctx.store.direct.cdrs.get(stored.id + 100000)).toBeNull();
    expect(await ctx.store.direct.cdrs.get(Number.MAX_SAFE_INTEGER + 2)).toBeNull();
    await ctx.store.transaction((tx) => tx.cdrs.setRecordingFile(stored.id, 'nas/2018/new_record.wav'));
    expect(await ctx.store.direct.cdrs.get(stored.id)).toEqual({ ...stored, recordingFile: 'nas/2018/new_record.wav' });
  });

  it('assigns increasing ids', async () => {
    const a = await ctx.store.direct.cdrs.insert(cdr('c2'));
    const b = await ctx.store.direct.cdrs.insert(cdr('c3'));
    expect(b.id).toBeGreaterThan(a.id);
  });

  it('never holds two CDRs for one call, even when both are written at once', async () => {
    await expect(ctx.store.direct.cdrs.insert(cdr('c1'))).rejects.toMatchObject({ code: '23505', constraint: 'cdrs_call_id_key' });
    const results = await Promise.allSettled([
      ctx.store.transaction((tx) => tx.cdrs.insert(cdr('c4'))),
      ctx.store.transaction((tx) => tx.cdrs.insert(cdr('c4'))),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await sql(ctx.url, "SELECT count(*)::int AS n FROM cdrs WHERE call_id = 'c4'")).toEqual([{ n: 1 }]);
  });

  it('refuses a CDR for a call that was never stored', async () => {
    await expect(ctx.store.direct.cdrs.insert(cdr('ghost'))).rejects.toMatchObject({ code: '23503' });
  });

  it('lists by id, from a start time and up to a limit', async () => {
    await ctx.store.direct.cdrs.insert(cdr('c5', { startedAt: at('2024-06-01T00:00:00Z'), endedAt: at('2024-06-01T00:01:00Z') }));
    const all = await ctx.store.direct.cdrs.list();
    expect(all.map((c) => c.callId)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(all.map((c) => c.id)).toEqual([...all.map((c) => c.id)].sort((x, y) => x - y));
    expect((await ctx.store.direct.cdrs.list({ limit: 2 })).map((c) => c.callId)).toEqual(['c1', 'c2']);
    expect((await ctx.store.direct.cdrs.list({ since: at('2024-05-15T00:00:00Z') })).map((c) => c.callId)).toEqual(['c5']);
    expect(await ctx.store.direct.cdrs.list({ since: at('2024-07-01T00:00:00Z'), limit: 10 })).toEqual([]);
  });
});
