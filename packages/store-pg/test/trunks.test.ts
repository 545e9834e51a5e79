import { openStore, type OpenStore } from './fixtures';

describe('trunks', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  afterAll(() => ctx.dispose());

  it('has no preferred trunk before any exists', async () => {
    expect(await ctx.store.direct.trunks.preferred()).toBeNull();
    expect(await ctx.store.direct.trunks.preferredRoute()).toBeNull();
  });

  it('round-trips a trunk with its caller-id pool in order, by id and by name', async () => {
    const trunk = { id: 3, name: 'upc', dialTemplate: 'PJSIP/{number}@upc', callerIdPool: ['420222000003', '420222000001'] };
    await ctx.store.direct.trunks.upsert(trunk);
    expect(await ctx.store.direct.trunks.get(3)).toEqual(trunk);
    expect(await ctx.store.direct.trunks.findByName('upc')).toEqual(trunk);
    expect(await ctx.store.direct.trunks.get(4)).toBeNull();
    expect(await ctx.store.direct.trunks.findByName('none')).toBeNull();
  });

  it('replaces the trunk and its pool on upsert', async () => {
    const changed = { id: 3, name: 'upc-2', dialTemplate: 'PJSIP/00{number}@upc', callerIdPool: [] };
    await ctx.store.direct.trunks.upsert(changed);
    expect(await ctx.store.direct.trunks.get(3)).toEqual(changed);
    expect(await ctx.store.direct.trunks.findByName('upc')).toBeNull();
  });

  it('prefers the trunk with the lowest id', async () => {
    await ctx.store.direct.trunks.upsert({ id: 9, name: 'backup', dialTemplate: 'PJSIP/{number}@b', callerIdPool: ['1'] });
    await ctx.store.direct.trunks.upsert({ id: 2, name: 'main', dialTemplate: 'PJSIP/{number}@m', callerIdPool: ['2', '3'] });
    expect(await ctx.store.direct.trunks.preferred()).toEqual({ id: 2, name: 'main', dialTemplate: 'PJSIP/{number}@m', callerIdPool: ['2', '3'] });
    expect(await ctx.store.direct.trunks.preferredRoute()).toEqual({ id: 2, name: 'main', dialTemplate: 'PJSIP/{number}@m' });
  });

  it('refuses two trunks of one name', async () => {
    await expect(ctx.store.direct.trunks.upsert({ id: 10, name: 'main', dialTemplate: 'x', callerIdPool: [] })).rejects.toMatchObject({ code: '23505' });
    expect(await ctx.store.direct.trunks.get(10)).toBeNull();
  });
});
