import { DomainError } from '../errors/domain-error';
import type { ApiRealm, ApiUser } from '../model/directory';
import type { CoreContext } from '../support/core-context';

export interface ApiUserCredentials {
  realm: ApiRealm;
  login: string;
  secret: string;
  /** Whether a success clears earlier failures (VICIdial's Agent API keeps them). */
  resetFailuresOnSuccess?: boolean;
}

/**
 * Checks an API account's credentials. Ten failures within fifteen minutes
 * lock the account: while locked even the right secret is refused, so a
 * guesser learns nothing. Recently verified credentials are answered from a
 * cache, because clients send the password with every request.
 */
export async function authenticateApiUser(ctx: CoreContext, credentials: ApiUserCredentials): Promise<ApiUser> {
  const now = ctx.clock.now();
  const cacheKey = ctx.hasher.fingerprint(`${credentials.realm}\u0000${credentials.login}\u0000${credentials.secret}`);
  const cached = ctx.credentials.get(cacheKey, now.getTime()) as ApiUser | undefined;
  if (cached) {
    // Any failure since this entry was cached would have removed it, so its count is current.
    if (credentials.resetFailuresOnSuccess && cached.failedLogins > 0) {
      await ctx.store.direct.apiUsers.resetFailedLogins(cached.id);
      const reset: ApiUser = { ...cached, failedLogins: 0, lastFailedLoginAt: null };
      ctx.credentials.put(cacheKey, loginKey(reset), reset, now.getTime());
      return reset;
    }
    return cached;
  }

  const users = ctx.store.direct.apiUsers;
  const user = await users.findByLogin(credentials.realm, credentials.login);
  if (!user) throw new DomainError('AUTH_FAILED', 'unknown API user', { reason: 'unknown' });
  if (isLocked(ctx, user, now)) throw new DomainError('AUTH_LOCKED', 'account locked after repeated failures');

  const verified = user.secretHash !== '' && (await ctx.hasher.verify(credentials.secret, user.secretHash));
  if (!verified) {
    const { maxFailures, windowMs } = ctx.config.lockout;
    const windowOver = !user.lastFailedLoginAt || now.getTime() - user.lastFailedLoginAt.getTime() > windowMs;
    const failures = user.failedLogins < maxFailures ? user.failedLogins + 1 : windowOver ? 1 : user.failedLogins;
    await users.recordFailedLogin(user.id, failures, now);
    ctx.credentials.forgetLogin(loginKey(user));
    throw new DomainError('AUTH_FAILED', 'wrong secret', { reason: 'secret' });
  }
  if (!user.active) throw new DomainError('AUTH_FAILED', 'account inactive', { reason: 'inactive' });
  const verifiedUser = credentials.resetFailuresOnSuccess && user.failedLogins > 0 ? { ...user, failedLogins: 0, lastFailedLoginAt: null } : user;
  if (verifiedUser !== user) await users.resetFailedLogins(user.id);
  ctx.credentials.put(cacheKey, loginKey(user), verifiedUser, now.getTime());
  return verifiedUser;
}

function isLocked(ctx: CoreContext, user: ApiUser, now: Date): boolean {
  const { maxFailures, windowMs } = ctx.config.lockout;
  return (
    user.failedLogins >= maxFailures &&
    user.lastFailedLoginAt !== null &&
    now.getTime() - user.lastFailedLoginAt.getTime() <= windowMs
  );
}

const loginKey = (user: Pick<ApiUser, 'realm' | 'login'>): string => `${user.realm}\u0000${user.login}`;
