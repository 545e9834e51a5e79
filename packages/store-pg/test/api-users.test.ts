import { apiUser, at, openStore, sql, type OpenStore } from './fixtures';

describe('api users', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  afterAll(() => ctx.dispose());

  it('round-trips every field, including nulls, arrays and attributes', async () => {
    const user = apiUser('u-1', {
      realm: 'sipcall',
      login: 'acme',
      permissions: ['originate', 'hangup'],
      attributes: { company: 'ACME', callbackUrl: 'https://crm.example/cb' },
      failedLogins: 2,
      lastFailedLoginAt: at('2024-05-01T10:11:12.345Z'),
    });
    expect(await ctx.store.direct.apiUsers.upsert(user)).toEqual(user);
    expect(await ctx.store.direct.apiUsers.get('u-1')).toEqual(user);
    expect(await ctx.store.direct.apiUsers.findByLogin('sipcall', 'acme')).toEqual(user);

    const bare = apiUser('u-2', { permissions: [], attributes: {} });
    await ctx.store.direct.apiUsers.upsert(bare);
    expect(await ctx.store.direct.apiUsers.get('u-2')).toEqual(bare);
  });

  it('finds by realm and login, both exactly', async () => {
    await ctx.store.direct.apiUsers.upsert(apiUser('u-3', { realm: 'voipsun', login: 'shared' }));
    await ctx.store.direct.apiUsers.upsert(apiUser('u-4', { realm: 'vicidial', login: 'shared' }));
    expect((await ctx.store.direct.apiUsers.findByLogin('voipsun', 'shared'))?.id).toBe('u-3');
    expect((await ctx.store.direct.apiUsers.findByLogin('vicidial', 'shared'))?.id).toBe('u-4');
    expect(await ctx.store.direct.apiUsers.findByLogin('sipcall', 'shared')).toBeNull();
    expect(await ctx.store.direct.apiUsers.findByLogin('voipsun', 'SHARED')).toBeNull();
    expect(await ctx.store.direct.apiUsers.get('nobody')).toBeNull();
  });

  it('replaces an account by realm and login, keeping the id it already had', async () => {
    await ctx.store.direct.apiUsers.upsert(apiUser('u-5', { realm: 'voipsun', login: 'admin', secretHash: 'old' }));
    const stored = await ctx.store.direct.apiUsers.upsert(
      apiUser('u-5-new', { realm: 'voipsun', login: 'admin', secretHash: 'new', active: false, permissions: ['status'] }),
    );
    expect(stored).toEqual(apiUser('u-5', { realm: 'voipsun', login: 'admin', secretHash: 'new', active: false, permissions: ['status'] }));
    expect(await ctx.store.direct.apiUsers.get('u-5-new')).toBeNull();
    const rows = await sql(ctx.url, "SELECT id FROM api_users WHERE realm = 'voipsun' AND login = 'admin'");
    expect(rows).toEqual([{ id: 'u-5' }]);
  });
});
