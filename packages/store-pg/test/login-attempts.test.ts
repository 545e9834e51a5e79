import { agent, apiUser, openStore, type OpenStore } from './fixtures';

const policy = { maxFailures: 10, windowMs: 15 * 60 * 1000, window: 'since_last_failure' } as const;
const at = (iso: string): Date => new Date(iso);

describe('login attempts (API accounts and agents alike)', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  afterAll(() => ctx.dispose());

  it('counts every one of many parallel attempts and refuses the ones past the limit', async () => {
    await ctx.store.direct.apiUsers.upsert(apiUser('u-1'));
    const now = at('2024-05-02T10:00:00.000Z');
    const answers = await Promise.all(Array.from({ length: 30 }, () => ctx.store.direct.apiUsers.reserveLoginAttempt('u-1', now, policy)));
    expect(answers.filter(Boolean)).toHaveLength(10);
    expect(await ctx.store.direct.apiUsers.get('u-1')).toMatchObject({ failedLogins: 10, lastFailedLoginAt: now });
  });

  it('lets an attempt in again once the window of the last failure is over, counting from 1', async () => {
    await ctx.store.direct.apiUsers.upsert(apiUser('u-2'));
    const first = at('2024-05-02T10:00:00.000Z');
    for (let i = 0; i < 10; i += 1) expect(await ctx.store.direct.apiUsers.reserveLoginAttempt('u-2', first, policy)).toBe(true);
    expect(await ctx.store.direct.apiUsers.reserveLoginAttempt('u-2', at('2024-05-02T10:14:59.000Z'), policy)).toBe(false);
    const later = at('2024-05-02T10:15:01.000Z');
    expect(await ctx.store.direct.apiUsers.reserveLoginAttempt('u-2', later, policy)).toBe(true);
    expect(await ctx.store.direct.apiUsers.get('u-2')).toMatchObject({ failedLogins: 1, lastFailedLoginAt: later });
  });

  it('gives back a released attempt, or clears all failures and starts a window', async () => {
    await ctx.store.direct.apiUsers.upsert(apiUser('u-3'));
    const now = at('2024-05-02T10:00:00.000Z');
    await ctx.store.direct.apiUsers.reserveLoginAttempt('u-3', now, policy);
    await ctx.store.direct.apiUsers.reserveLoginAttempt('u-3', now, policy);
    await ctx.store.direct.apiUsers.releaseLoginAttempt('u-3', false, now);
    expect(await ctx.store.direct.apiUsers.get('u-3')).toMatchObject({ failedLogins: 1, lastFailedLoginAt: now });
    const then = at('2024-05-02T10:05:00.000Z');
    await ctx.store.direct.apiUsers.releaseLoginAttempt('u-3', true, then);
    expect(await ctx.store.direct.apiUsers.get('u-3')).toMatchObject({ failedLogins: 0, lastFailedLoginAt: then });
    const later = at('2024-05-02T10:06:00.000Z');
    await ctx.store.direct.apiUsers.resetFailedLogins('u-3', later);
    expect(await ctx.store.direct.apiUsers.get('u-3')).toMatchObject({ failedLogins: 0, lastFailedLoginAt: later });
  });

  it('provisioning an account again does not forgive its failures', async () => {
    await ctx.store.direct.apiUsers.upsert(apiUser('u-4'));
    const now = at('2024-05-02T10:00:00.000Z');
    for (let i = 0; i < 10; i += 1) await ctx.store.direct.apiUsers.reserveLoginAttempt('u-4', now, policy);
    const replaced = await ctx.store.direct.apiUsers.upsert(apiUser('u-4', { secretHash: 'new', failedLogins: 0, lastFailedLoginAt: null }));
    expect(replaced).toMatchObject({ secretHash: 'new', failedLogins: 10, lastFailedLoginAt: now });
    expect(await ctx.store.direct.apiUsers.reserveLoginAttempt('u-4', now, policy)).toBe(false);
  });

  it('counts agents the same way, and provisioning the agent again does not forgive its failures', async () => {
    await ctx.store.direct.agents.upsert(agent('102'));
    const now = at('2024-05-02T10:00:00.000Z');
    const answers = await Promise.all(Array.from({ length: 12 }, () => ctx.store.direct.agents.reserveLoginAttempt('102', now, policy)));
    expect(answers.filter(Boolean)).toHaveLength(10);
    await ctx.store.direct.agents.upsert(agent('102', { name: 'Renamed' }));
    expect(await ctx.store.direct.agents.reserveLoginAttempt('102', now, policy)).toBe(false);
    await ctx.store.direct.agents.releaseLoginAttempt('102', true, now);
    expect(await ctx.store.direct.agents.reserveLoginAttempt('102', now, policy)).toBe(true);
    expect(await ctx.store.direct.agents.reserveLoginAttempt('nobody', now, policy)).toBe(false);
  });
});
