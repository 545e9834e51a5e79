import { agent, openStore, type OpenStore } from './fixtures';

describe('agents', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  afterAll(() => ctx.dispose());

  it('round-trips every field, including nulls and attributes', async () => {
    const full = agent('1000', { externalId: 'crm-1000', attributes: { workNo: '101' } });
    const bare = agent('1001', { secretHash: null, device: null, active: false });
    await ctx.store.direct.agents.upsert(full);
    await ctx.store.direct.agents.upsert(bare);
    expect(await ctx.store.direct.agents.get('1000')).toEqual(full);
    expect(await ctx.store.direct.agents.get('1001')).toEqual(bare);
    expect(await ctx.store.direct.agents.get('9999')).toBeNull();
  });

  it('replaces an agent on upsert', async () => {
    await ctx.store.direct.agents.upsert(agent('1002', { attributes: { a: '1' } }));
    const changed = agent('1002', { name: 'Renamed', device: 'PJSIP/2002', attributes: { b: '2' } });
    await ctx.store.direct.agents.upsert(changed);
    expect(await ctx.store.direct.agents.get('1002')).toEqual(changed);
  });

  it('finds an agent by its external id, which two agents cannot share', async () => {
    await ctx.store.direct.agents.upsert(agent('2001', { externalId: 'crm-555' }));
    await ctx.store.direct.agents.upsert(agent('2002', { externalId: null }));
    await ctx.store.direct.agents.upsert(agent('2003', { externalId: null }));
    expect((await ctx.store.direct.agents.findByExternalId('crm-555'))?.id).toBe('2001');
    expect(await ctx.store.direct.agents.findByExternalId('crm-55')).toBeNull();
    await expect(ctx.store.direct.agents.upsert(agent('2002', { externalId: 'crm-555' }))).rejects.toThrow(/agents_external_id_key/);
    await ctx.store.direct.agents.upsert(agent('2001', { externalId: 'crm-556' }));
    await ctx.store.direct.agents.upsert(agent('2002', { externalId: 'crm-555' }));
    expect((await ctx.store.direct.agents.findByExternalId('crm-555'))?.id).toBe('2002');
  });

  it('stores client text Postgres would refuse (NUL) instead of failing', async () => {
    await ctx.store.direct.agents.upsert(agent('3000', { attributes: { note: 'a\u0000b' } }));
    expect((await ctx.store.direct.agents.get('3000'))?.attributes).toEqual({ note: 'a\uFFFDb' });
    await ctx.store.direct.agents.upsert(agent('3001', { externalId: 'c\u0000d' }));
    expect((await ctx.store.direct.agents.findByExternalId('c\u0000d'))?.id).toBe('3001');
  });
});
