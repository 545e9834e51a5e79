import { at, call, cdr, openStore, sql, type OpenStore } from './fixtures';

describe('CDR search and read marks', () => {
  let ctx: OpenStore;
  const ids: Record<string, number> = {};
  const search = (criteria: Parameters<OpenStore['store']['direct']['cdrs']['search']>[0]) =>
    ctx.store.direct.cdrs.search(criteria).then((found) => found.map((row) => row.callId));

  beforeAll(async () => {
    ctx = await openStore();
    const rows = [
      cdr('s1', { tenant: 'acme', agentId: '101', direction: 'outbound', startedAt: at('2024-05-01T09:00:00.000Z') }),
      cdr('s2', { tenant: 'acme', agentId: '102', direction: 'inbound', recordingFile: 'rec/s2.wav', startedAt: at('2024-05-01T10:00:00.000Z') }),
      cdr('s3', { tenant: 'other', agentId: '101', direction: 'outbound', startedAt: at('2024-05-01T10:30:00.000Z') }),
      cdr('s4', { tenant: null, direction: 'outbound', startedAt: at('2024-05-01T11:00:00.000Z') }),
      cdr('s5', { tenant: 'acme', direction: 'outbound', startedAt: at('2024-05-01T12:00:00.000Z') }),
    ];
    for (const row of rows) {
      await ctx.store.direct.calls.insert(call(row.callId));
      ids[row.callId] = (await ctx.store.direct.cdrs.insert(row)).id;
    }
  });
  afterAll(() => ctx.dispose());

  it('filters by tenant (null: none), start time (both ends included), direction and recording file, by id', async () => {
    expect(await search({ tenant: 'acme' })).toEqual(['s1', 's2', 's5']);
    expect(await search({ tenant: null })).toEqual(['s4']);
    expect(await search({ from: at('2024-05-01T10:00:00.000Z'), to: at('2024-05-01T11:00:00.000Z') })).toEqual(['s2', 's3', 's4']);
    expect(await search({ tenant: 'acme', direction: 'outbound' })).toEqual(['s1', 's5']);
    expect(await search({ tenant: 'acme', recordingFile: 'rec/s2.wav' })).toEqual(['s2']);
    expect(await search({ tenant: 'other', recordingFile: 'rec/s2.wav' })).toEqual([]);
  });

  it("filters by the operation that started the call (the calls' origin)", async () => {
    // The rows' calls were all started by VoIPSUN's originate.
    expect(await search({ tenant: 'acme', originOperation: { in: ['originate'] } })).toEqual(['s1', 's2', 's5']);
    expect(await search({ tenant: 'acme', originOperation: { in: ['MakeCall'] } })).toEqual([]);
    expect(await search({ tenant: 'acme', originOperation: { in: [] } })).toEqual([]);
    expect(await search({ tenant: 'acme', originOperation: { notIn: ['PlayVoice'] } })).toEqual(['s1', 's2', 's5']);
    expect(await search({ tenant: 'acme', originOperation: { notIn: ['originate'] } })).toEqual([]);
  });

  it("filters by the call's agent; newest first with a limit of one is the agent's last call", async () => {
    expect(await search({ agentId: '101' })).toEqual(['s1', 's3']);
    expect(await search({ agentId: '101', newestFirst: true, limit: 1 })).toEqual(['s3']);
    expect(await search({ agentId: '102', tenant: 'acme' })).toEqual(['s2']);
    expect(await search({ agentId: '103' })).toEqual([]);
  });

  it('pages with offset and limit', async () => {
    expect(await search({ tenant: 'acme', offset: 1, limit: 1 })).toEqual(['s2']);
    expect(await search({ tenant: 'acme', offset: 3, limit: 5 })).toEqual([]);
  });

  it('keeps read marks per reader; marking twice keeps the first time', async () => {
    await ctx.store.direct.cdrs.markRead('company-a', [ids.s1!, ids.s2!, ids.s1!], at('2024-05-02T00:00:00.000Z'));
    await ctx.store.direct.cdrs.markRead('company-a', [ids.s2!], at('2024-05-03T00:00:00.000Z'));
    await ctx.store.direct.cdrs.markRead('company-a', [], at('2024-05-03T00:00:00.000Z'));
    expect(await search({ tenant: 'acme', reader: 'company-a', read: false })).toEqual(['s5']);
    expect(await search({ tenant: 'acme', reader: 'company-a', read: true })).toEqual(['s1', 's2']);
    expect(await search({ tenant: 'acme', reader: 'company-b', read: false })).toEqual(['s1', 's2', 's5']);
    expect(await sql(ctx.url, "SELECT read_at FROM cdr_reads WHERE reader = 'company-a' AND cdr_id = $1", [ids.s2])).toEqual([{ read_at: at('2024-05-02T00:00:00.000Z') }]);
  });

  it('refuses a read mark of a CDR that does not exist', async () => {
    await expect(ctx.store.direct.cdrs.markRead('company-a', [ids.s5! + 1000], at('2024-05-02T00:00:00.000Z'))).rejects.toMatchObject({ code: '23503' });
  });
});
