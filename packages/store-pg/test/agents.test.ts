import { agent, openStore, type OpenStore } from './fixtures';

describe('agents', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  afterAll(() => ctx.dispose());

  it('round-trips every field, including nulls and attributes', async () => {
    const full = agent('1000', { attributes: { custom_three: 'gold', workNo: '101' } });
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

  it('finds the first agent by id whose attribute has the value', async () => {
    await ctx.store.direct.agents.upsert(agent('2002', { attributes: { workNo: '555', team: 'x' } }));
    await ctx.store.direct.agents.upsert(agent('2001', { attributes: { workNo: '555' } }));
    await ctx.store.direct.agents.upsert(agent('2003', { attributes: { workNo: '556' } }));
    expect((await ctx.store.direct.agents.findByAttribute('workNo', '555'))?.id).toBe('2001');
    expect((await ctx.store.direct.agents.findByAttribute('workNo', '556'))?.id).toBe('2003');
    expect(await ctx.store.direct.agents.findByAttribute('workNo', '55')).toBeNull();
    expect(await ctx.store.direct.agents.findByAttribute('team', '555')).toBeNull();
  });

  it('stores client text Postgres would refuse (NUL) instead of failing', async () => {
    await ctx.store.direct.agents.upsert(agent('3000', { attributes: { note: 'a\u0000b' } }));
    expect((await ctx.store.direct.agents.get('3000'))?.attributes).toEqual({ note: 'a\uFFFDb' });
    expect((await ctx.store.direct.agents.findByAttribute('note', 'a\u0000b'))?.id).toBe('3000');
  });
});
