import { extension, openStore, type OpenStore } from './fixtures';

describe('extensions', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  afterAll(() => ctx.dispose());

  it('round-trips every field under the id provisioning gave', async () => {
    const full = extension(5, { publicNumber: '420222111000', recordCalls: true, dialplan: 'tenant-a' });
    const bare = extension(7);
    await ctx.store.direct.extensions.upsert(full);
    await ctx.store.direct.extensions.upsert(bare);
    expect(await ctx.store.direct.extensions.get(5)).toEqual(full);
    expect(await ctx.store.direct.extensions.get(7)).toEqual(bare);
    expect(await ctx.store.direct.extensions.get(6)).toBeNull();
    expect(await ctx.store.direct.extensions.get(1.5)).toBeNull();
  });

  it('replaces an extension on upsert', async () => {
    const changed = extension(7, { callerIdName: 'Reception', sipUsername: 'reception' });
    await ctx.store.direct.extensions.upsert(changed);
    expect(await ctx.store.direct.extensions.get(7)).toEqual(changed);
  });

  it('looks extensions up by internal number, public number, SIP user and endpoint, lowest id first', async () => {
    await ctx.store.direct.extensions.upsert(extension(12, { internalNumber: '200', publicNumber: '420999', sipUsername: 'u200', endpoint: 'PJSIP/e200' }));
    await ctx.store.direct.extensions.upsert(extension(11, { internalNumber: '200', publicNumber: '420999', sipUsername: 'u200', endpoint: 'PJSIP/e200', dialplan: 'tenant-b' }));

    expect((await ctx.store.direct.extensions.findByInternalNumber('200')).map((e) => e.id)).toEqual([11, 12]);
    expect((await ctx.store.direct.extensions.findByPublicNumber('420999')).map((e) => e.id)).toEqual([11, 12]);
    expect((await ctx.store.direct.extensions.findBySipUsername('u200')).map((e) => e.id)).toEqual([11, 12]);
    expect((await ctx.store.direct.extensions.findByEndpoint('PJSIP/e200'))?.id).toBe(11);
    expect(await ctx.store.direct.extensions.findByInternalNumber('999')).toEqual([]);
    expect(await ctx.store.direct.extensions.findByPublicNumber('none')).toEqual([]);
    expect(await ctx.store.direct.extensions.findByEndpoint('PJSIP/none')).toBeNull();
  });

  it('knows which dialplans exist and lists all extensions by id', async () => {
    expect(await ctx.store.direct.extensions.dialplanExists('tenant-b')).toBe(true);
    expect(await ctx.store.direct.extensions.dialplanExists('tenant-z')).toBe(false);
    expect((await ctx.store.direct.extensions.list()).map((e) => e.id)).toEqual([5, 7, 11, 12]);
  });
});
