import { at, openStore, token, type OpenStore } from './fixtures';

describe('access tokens', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  afterAll(() => ctx.dispose());

  it('finds a token by kind and fingerprint, with or without expiry', async () => {
    const expiring = token('fp-1');
    const lasting = token('fp-2', { kind: 'ccgateway-guid', subject: '1000', expiresAt: null });
    await ctx.store.direct.tokens.insert(expiring);
    await ctx.store.direct.tokens.insert(lasting);
    expect(await ctx.store.direct.tokens.find('sipcall-token', 'fp-1')).toEqual(expiring);
    expect(await ctx.store.direct.tokens.find('ccgateway-guid', 'fp-2')).toEqual(lasting);
    expect(await ctx.store.direct.tokens.find('ccgateway-guid', 'fp-1')).toBeNull();
  });

  it('returns an expired token as stored: expiry is judged on the caller’s clock', async () => {
    const expired = token('fp-old', { expiresAt: at('2000-01-01T00:00:00Z') });
    await ctx.store.direct.tokens.insert(expired);
    expect(await ctx.store.direct.tokens.find('sipcall-token', 'fp-old')).toEqual(expired);
  });

  it('refuses the same fingerprint twice within a kind', async () => {
    await expect(ctx.store.direct.tokens.insert(token('fp-1'))).rejects.toMatchObject({ code: '23505' });
    await expect(ctx.store.direct.tokens.insert(token('fp-1', { kind: 'ccgateway-guid' }))).resolves.toBeUndefined();
  });

  it('deletes one token, or all of a subject within a kind', async () => {
    await ctx.store.direct.tokens.delete('sipcall-token', 'fp-old');
    expect(await ctx.store.direct.tokens.find('sipcall-token', 'fp-old')).toBeNull();

    await ctx.store.direct.tokens.insert(token('fp-3', { subject: 'user-9' }));
    await ctx.store.direct.tokens.insert(token('fp-4', { subject: 'user-9' }));
    await ctx.store.direct.tokens.insert(token('fp-5', { subject: 'user-9', kind: 'ccgateway-guid' }));
    await ctx.store.direct.tokens.deleteBySubject('sipcall-token', 'user-9');
    expect(await ctx.store.direct.tokens.find('sipcall-token', 'fp-3')).toBeNull();
    expect(await ctx.store.direct.tokens.find('sipcall-token', 'fp-4')).toBeNull();
    expect(await ctx.store.direct.tokens.find('ccgateway-guid', 'fp-5')).not.toBeNull();
    expect(await ctx.store.direct.tokens.find('sipcall-token', 'fp-1')).not.toBeNull();
  });
});
