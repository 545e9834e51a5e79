import { DomainError } from '../errors/domain-error';
import type { LockoutPolicy, LockoutWindow } from '../ports/store';
import type { CoreContext } from '../kernel/context';

/** The repositories that count failed logins (API accounts, agents). */
interface LoginAttempts {
  reserveLoginAttempt(id: string, at: Date, policy: LockoutPolicy): Promise<boolean>;
  releaseLoginAttempt(id: string, clearFailures: boolean, at: Date): Promise<void>;
}

/**
 * Checks a secret under the lock-out rule. The attempt is counted before the
 * (slow) hash is checked, atomically, so a burst of parallel guesses cannot
 * slip past the limit; a right secret gives its attempt back. While locked,
 * nothing is checked and the right secret is refused too.
 */
export async function checkSecretWithLockout(
  ctx: CoreContext,
  attempts: LoginAttempts,
  id: string,
  secret: string,
  secretHash: string | null,
  options: { clearFailures: boolean; window?: LockoutWindow; onFailure?: () => void },
): Promise<void> {
  const at = ctx.clock.now();
  const policy: LockoutPolicy = { ...ctx.config.lockout, window: options.window ?? 'since_last_failure' };
  const allowed = await attempts.reserveLoginAttempt(id, at, policy);
  if (!allowed) {
    options.onFailure?.();
    throw new DomainError('AUTH_LOCKED', 'locked after repeated failures');
  }
  const verified = secretHash !== null && secretHash !== '' && (await ctx.hasher.verify(secret, secretHash));
  if (!verified) {
    options.onFailure?.();
    throw new DomainError('AUTH_FAILED', 'wrong secret', { reason: 'secret' });
  }
  await attempts.releaseLoginAttempt(id, options.clearFailures, at);
}
