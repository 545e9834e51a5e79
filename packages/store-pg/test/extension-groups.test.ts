import { extension, openStore, sql, type OpenStore } from './fixtures';

describe('extension groups', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
    for (const id of [1, 2, 3, 4]) await ctx.store.direct.extensions.upsert(extension(id));
  });
  afterAll(() => ctx.dispose());

  it('round-trips a group with its members in order', async () => {
    const group = { name: 'sales', tenant: 'acme', extensionIds: [3, 1, 2], ringTimeoutSec: 25 };
    await ctx.store.direct.extensionGroups.upsert(group);
    expect(await ctx.store.direct.extensionGroups.get('sales')).toEqual(group);
    expect(await ctx.store.direct.extensionGroups.get('none')).toBeNull();
  });

  it('replaces settings and members on upsert, also to none', async () => {
    const changed = { name: 'sales', tenant: null, extensionIds: [4, 3], ringTimeoutSec: 10 };
    await ctx.store.direct.extensionGroups.upsert(changed);
    expect(await ctx.store.direct.extensionGroups.get('sales')).toEqual(changed);
    await ctx.store.direct.extensionGroups.upsert({ ...changed, extensionIds: [] });
    expect(await ctx.store.direct.extensionGroups.get('sales')).toEqual({ ...changed, extensionIds: [] });
  });

  it('refuses a member that is no extension and leaves the group as it was', async () => {
    const group = { name: 'support', tenant: null, extensionIds: [1], ringTimeoutSec: 15 };
    await ctx.store.direct.extensionGroups.upsert(group);
    await expect(ctx.store.direct.extensionGroups.upsert({ ...group, extensionIds: [2, 99], ringTimeoutSec: 5 })).rejects.toMatchObject({ code: '23503' });
    expect(await ctx.store.direct.extensionGroups.get('support')).toEqual(group);
    const members = await sql(ctx.url, "SELECT extension_id FROM extension_group_members WHERE group_name = 'support'");
    expect(members).toEqual([{ extension_id: 1 }]);
  });
});
