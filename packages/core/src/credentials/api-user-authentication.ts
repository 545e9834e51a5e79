import { DomainError } from '../errors/domain-error';
import type { ApiUser } from '../directory/directory';
import type { ApiRealm } from '../kernel/vocabulary';
import type { CoreContext } from '../kernel/context';
import type { LockoutWindow } from '../ports/store';
import { checkSecretWithLockout } from './login-attempt';

export interface ApiUserCredentials {
  realm: ApiRealm;
  login: string;
  secret: string;
  /** Whether a success clears earlier failures (VICIdial's Agent API keeps them). */
  resetFailuresOnSuccess?: boolean;
  /** Where the lock-out window starts (ports/store.ts); `since_last_failure` unless the dialect says otherwise. */
  lockoutWindow?: LockoutWindow;
}

/**
 * Checks an API account's credentials under the lock-out rule (ports/store.ts,
 * `LockoutPolicy`, with the window the dialect names): while locked even the right secret is
 * refused, so a guesser learns nothing. Recently verified credentials are answered from a
 * cache, because clients send the password with every request.
 */
export async function authenticateApiUser(ctx: CoreContext, credentials: ApiUserCredentials): Promise<ApiUser> {
  const now = ctx.clock.now();
  const cacheKey = ctx.hasher.fingerprint(`${credentials.realm}\u0000${credentials.login}\u0000${credentials.secret}`);
  const cached = ctx.credentials.get(cacheKey, now.getTime());
  if (cached) {
    // Any failure since this entry was cached would have removed it, so its count is current.
    if (credentials.resetFailuresOnSuccess && cached.failedLogins > 0) {
      await ctx.store.direct.apiUsers.resetFailedLogins(cached.id, now);
      const reset: ApiUser = { ...cached, failedLogins: 0, lastFailedLoginAt: now };
      ctx.credentials.put(cacheKey, loginKey(reset), reset, now.getTime());
      return reset;
    }
    return cached;
  }

  const verification = `${cacheKey}:${credentials.resetFailuresOnSuccess === true}:${credentials.lockoutWindow ?? ''}`;
  return ctx.credentials.verifyOnce(verification, () => verifyApiUser(ctx, credentials, cacheKey));
}

async function verifyApiUser(ctx: CoreContext, credentials: ApiUserCredentials, cacheKey: string): Promise<ApiUser> {
  const now = ctx.clock.now();
  const users = ctx.store.direct.apiUsers;
  const user = await users.findByLogin(credentials.realm, credentials.login);
  if (!user) throw new DomainError('AUTH_FAILED', 'unknown API user', { reason: 'unknown' });
  await checkSecretWithLockout(ctx, users, user.id, credentials.secret, user.secretHash, {
    clearFailures: credentials.resetFailuresOnSuccess === true,
    window: credentials.lockoutWindow,
    onFailure: () => ctx.credentials.forgetLogin(loginKey(user)),
  });
  if (!user.active) throw new DomainError('AUTH_FAILED', 'account inactive', { reason: 'inactive' });
  const verified = credentials.resetFailuresOnSuccess ? { ...user, failedLogins: 0, lastFailedLoginAt: now } : user;
  ctx.credentials.put(cacheKey, loginKey(user), verified, now.getTime());
  return verified;
}

const loginKey = (user: Pick<ApiUser, 'realm' | 'login'>): string => `${user.realm}\u0000${user.login}`;
