import { DomainError, type ApiUserCredentials } from '../src';
import {
  apiUser,
  SECRET,
  createTestCore,
  type TestCore,
} from '@pbx-gateway/test-support';

const MINUTE = 60_000;

async function setup(): Promise<TestCore> {
  return createTestCore({
    directory: {
      apiUsers: [
        apiUser('u-api', { login: 'apiuser', attributes: { level: '8' } }),
        apiUser('u-sleeping', { login: 'sleeper', active: false }),
        apiUser('u-sip', { realm: 'sipcall', login: 'apiuser', secretHash: 'hashed:other' }),
      ],
    },
  });
}

const credentials = (secret: string, overrides: Partial<ApiUserCredentials> = {}): ApiUserCredentials => ({
  realm: 'vicidial',
  login: 'apiuser',
  secret,
  ...overrides,
});

async function failure(t: TestCore, request: ApiUserCredentials): Promise<DomainError> {
  try {
    await t.core.authenticateApiUser(request);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('authentication succeeded');
}

describe('authenticateApiUser', () => {
  it('returns the account for the right secret in its realm', async () => {
    const t = await setup();
    const user = await t.core.authenticateApiUser(credentials(SECRET));
    expect(user).toMatchObject({ id: 'u-api', realm: 'vicidial', login: 'apiuser', attributes: { level: '8' } });
    const sip = await t.core.authenticateApiUser(credentials('other', { realm: 'sipcall' }));
    expect(sip.id).toBe('u-sip');
  });

  it('refuses an unknown login with AUTH_FAILED (unknown) and counts nothing', async () => {
    const t = await setup();
    const error = await failure(t, credentials(SECRET, { login: 'nobody' }));
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.details).toEqual({ reason: 'unknown' });
    expect(t.hasher.verifications).toBe(0);
  });

  it('does not accept a login of another realm', async () => {
    const t = await setup();
    expect((await failure(t, credentials(SECRET, { realm: 'voipsun' }))).details).toEqual({ reason: 'unknown' });
  });

  it('counts each wrong secret with its time', async () => {
    const t = await setup();
    const first = await failure(t, credentials('wrong'));
    expect(first.code).toBe('AUTH_FAILED');
    expect(first.details).toEqual({ reason: 'secret' });
    await t.advance(MINUTE);
    await failure(t, credentials('wrong again'));
    const stored = await t.core.getApiUser('u-api');
    expect(stored).toMatchObject({ failedLogins: 2, lastFailedLoginAt: t.clock.now() });
  });

  it('locks the account after 10 failures within the window, refusing even the right secret', async () => {
    const t = await setup();
    for (let i = 0; i < 9; i += 1) {
      await failure(t, credentials(`guess-${i}`));
      await t.advance(MINUTE);
    }
    expect((await t.core.getApiUser('u-api'))!.failedLogins).toBe(9);
    await failure(t, credentials('guess-9'));
    expect((await t.core.getApiUser('u-api'))!.failedLogins).toBe(10);

    const verificationsBefore = t.hasher.verifications;
    const locked = await failure(t, credentials(SECRET));
    expect(locked.code).toBe('AUTH_LOCKED');
    await t.advance(14 * MINUTE);
    expect((await failure(t, credentials(SECRET))).code).toBe('AUTH_LOCKED');
    expect((await failure(t, credentials('guess'))).code).toBe('AUTH_LOCKED');
    expect(t.hasher.verifications).toBe(verificationsBefore);
    expect((await t.core.getApiUser('u-api'))!.failedLogins).toBe(10);
  });

  it('lifts the lock once the window has passed since the last failure; the next failure counts 1 again', async () => {
    const t = await setup();
    for (let i = 0; i < 10; i += 1) await failure(t, credentials(`guess-${i}`));
    await t.advance(t.config.lockout.windowMs + 1);
    const error = await failure(t, credentials('wrong'));
    expect(error.code).toBe('AUTH_FAILED');
    expect(await t.core.getApiUser('u-api')).toMatchObject({ failedLogins: 1, lastFailedLoginAt: t.clock.now() });
    await expect(t.core.authenticateApiUser(credentials(SECRET))).resolves.toMatchObject({ id: 'u-api' });
  });

  it('keeps earlier failures after a success unless asked to clear them', async () => {
    const t = await setup();
    await failure(t, credentials('wrong'));
    await failure(t, credentials('wrong'));
    await t.core.authenticateApiUser(credentials(SECRET));
    expect((await t.core.getApiUser('u-api'))!.failedLogins).toBe(2);
    await failure(t, credentials('wrong'));
    await t.core.authenticateApiUser(credentials(SECRET, { resetFailuresOnSuccess: true }));
    // Clearing starts a window at the success (VICIdial's last_login_date); with no failure counted it locks nothing.
    expect(await t.core.getApiUser('u-api')).toMatchObject({ failedLogins: 0, lastFailedLoginAt: t.clock.now() });
  });

  it('clears earlier failures when asked, also when the credential comes from the cache', async () => {
    const t = await setup();
    await failure(t, credentials('wrong'));
    await t.core.authenticateApiUser(credentials(SECRET));
    expect(t.hasher.verifications).toBe(2);
    expect((await t.core.getApiUser('u-api'))!.failedLogins).toBe(1);
    const cleared = await t.core.authenticateApiUser(credentials(SECRET, { resetFailuresOnSuccess: true }));
    expect(t.hasher.verifications).toBe(2);
    expect(cleared).toMatchObject({ failedLogins: 0, lastFailedLoginAt: t.clock.now() });
    expect(await t.core.getApiUser('u-api')).toMatchObject({ failedLogins: 0, lastFailedLoginAt: t.clock.now() });
  });

  it('with the window from the count’s restart (VICIdial’s rule), ten failures with no window running do not lock; ten more within it do', async () => {
    const t = await setup();
    const vicidial = (secret: string) => credentials(secret, { lockoutWindow: 'since_count_restart' });
    for (let i = 0; i < 10; i += 1) expect((await failure(t, vicidial(`guess-${i}`))).code).toBe('AUTH_FAILED');
    expect(await t.core.getApiUser('u-api')).toMatchObject({ failedLogins: 10, lastFailedLoginAt: null });
    // Not locked: the right secret passes. Its attempt started the count over (and the window), then gave it back.
    const restarted = t.clock.now();
    await expect(t.core.authenticateApiUser(vicidial(SECRET))).resolves.toMatchObject({ id: 'u-api' });
    expect(await t.core.getApiUser('u-api')).toMatchObject({ failedLogins: 0, lastFailedLoginAt: restarted });
    await t.advance(MINUTE);
    expect((await failure(t, vicidial('again'))).code).toBe('AUTH_FAILED');
    expect(await t.core.getApiUser('u-api')).toMatchObject({ failedLogins: 1, lastFailedLoginAt: restarted });
    while ((await t.core.getApiUser('u-api'))!.failedLogins < 10) {
      await t.advance(MINUTE);
      expect((await failure(t, vicidial('more'))).code).toBe('AUTH_FAILED');
    }
    expect((await failure(t, vicidial(SECRET))).code).toBe('AUTH_LOCKED');
    // The window runs from the restart, not from the last failure.
    await t.advance(restarted.getTime() + t.config.lockout.windowMs + 1 - t.clock.now().getTime());
    await expect(t.core.authenticateApiUser(vicidial(SECRET))).resolves.toMatchObject({ id: 'u-api' });
  });

  it('counts guesses sent in parallel one by one: the burst locks the account before the right secret arrives', async () => {
    const t = await setup();
    const guesses = await Promise.allSettled(Array.from({ length: 30 }, () => t.core.authenticateApiUser(credentials('wrong'))));
    const codes = guesses.map((guess) => (guess.status === 'rejected' ? (guess.reason as DomainError).code : 'accepted'));
    expect(codes.filter((code) => code === 'AUTH_FAILED')).toHaveLength(10);
    expect(codes.filter((code) => code === 'AUTH_LOCKED')).toHaveLength(20);
    expect(t.hasher.verifications).toBe(10);
    expect((await failure(t, credentials(SECRET))).code).toBe('AUTH_LOCKED');
  });

  it('accepts the right secret sent on many connections at once, however many, hashing it once', async () => {
    const t = await setup();
    const answers = await Promise.allSettled(Array.from({ length: 30 }, () => t.core.authenticateApiUser(credentials(SECRET))));
    const refused = answers.filter((answer) => answer.status === 'rejected').map((answer) => ((answer as PromiseRejectedResult).reason as DomainError).code);
    expect(refused).toEqual([]);
    expect(t.hasher.verifications).toBe(1);
    expect(await t.core.getApiUser('u-api')).toMatchObject({ failedLogins: 0 });
  });

  it('lets requests that waited for a failed verification make their own, counted attempts', async () => {
    const t = await setup();
    const mixed = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => t.core.authenticateApiUser(credentials('wrong'))),
      t.core.authenticateApiUser(credentials(SECRET)),
    ]);
    expect(mixed.filter((answer) => answer.status === 'rejected')).toHaveLength(5);
    expect(mixed[5]!.status).toBe('fulfilled');
    expect(t.hasher.verifications).toBe(6);
    expect((await t.core.getApiUser('u-api'))!.failedLogins).toBe(5);
  });

  it('finds an account by realm and login whatever its state', async () => {
    const t = await setup();
    await expect(t.core.findApiUser('vicidial', 'sleeper')).resolves.toMatchObject({ id: 'u-sleeping', active: false });
    await expect(t.core.findApiUser('sipcall', 'sleeper')).resolves.toBeNull();
  });

  it('refuses an inactive account with AUTH_FAILED (inactive) only once its secret is right', async () => {
    const t = await setup();
    const inactive = await failure(t, credentials(SECRET, { login: 'sleeper' }));
    expect(inactive.code).toBe('AUTH_FAILED');
    expect(inactive.details).toEqual({ reason: 'inactive' });
    expect((await failure(t, credentials('wrong', { login: 'sleeper' }))).details).toEqual({ reason: 'secret' });
    expect((await t.core.getApiUser('u-sleeping'))!.failedLogins).toBe(1);
  });

  it('answers a recently verified credential from the cache without hashing again', async () => {
    const t = await setup();
    await t.core.authenticateApiUser(credentials(SECRET));
    expect(t.hasher.verifications).toBe(1);
    await t.advance(t.config.credentialCacheMs - 1);
    await expect(t.core.authenticateApiUser(credentials(SECRET))).resolves.toMatchObject({ id: 'u-api' });
    expect(t.hasher.verifications).toBe(1);
    await t.advance(1);
    await t.core.authenticateApiUser(credentials(SECRET));
    expect(t.hasher.verifications).toBe(2);
  });

  it('keeps a user group as long as a verified credential, then reads it again', async () => {
    const t = await setup();
    const group = { id: 'ADMIN', name: 'Admins', allowedCampaigns: null, viewableGroups: null, apiAllowedIps: [] };
    await t.store.direct.userGroups.upsert(group);
    expect(await t.core.getUserGroup('ADMIN')).toEqual(group);
    await t.store.direct.userGroups.upsert({ ...group, apiAllowedIps: ['192.0.2.10'] });
    await t.advance(t.config.credentialCacheMs - 1);
    expect((await t.core.getUserGroup('ADMIN'))!.apiAllowedIps).toEqual([]);
    await t.advance(1);
    expect((await t.core.getUserGroup('ADMIN'))!.apiAllowedIps).toEqual(['192.0.2.10']);
  });

  it('does not answer a different secret from the cache', async () => {
    const t = await setup();
    await t.core.authenticateApiUser(credentials(SECRET));
    expect((await failure(t, credentials('wrong'))).code).toBe('AUTH_FAILED');
  });

  it('forgets the cached credential of a login after a failure for it', async () => {
    const t = await setup();
    await t.core.authenticateApiUser(credentials(SECRET));
    await failure(t, credentials('wrong'));
    const before = t.hasher.verifications;
    await t.core.authenticateApiUser(credentials(SECRET));
    expect(t.hasher.verifications).toBe(before + 1);
  });

  it('locks out a cached credential once failures reach the limit', async () => {
    const t = await setup();
    await t.core.authenticateApiUser(credentials(SECRET));
    for (let i = 0; i < 10; i += 1) await failure(t, credentials(`guess-${i}`));
    expect((await failure(t, credentials(SECRET))).code).toBe('AUTH_LOCKED');
  });
});
