import { DomainError } from '../errors/domain-error';
import type { LockoutPolicy } from '../ports/store';
import type { CoreContext } from '../kernel/context';

/** The repositories that count failed logins (API accounts, agents). */
interface LoginAttempts {
  reserveLoginAttempt(id: string, at: Date, policy: LockoutPolicy): Promise<boolean>;
  releaseLoginAttempt(id: string, clearFailures: boolean): Promise<void>;
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
  options: { clearFailures: boolean; onFailure?: () => void },
): Promise<void> {
  const allowed = await attempts.reserveLoginAttempt(id, ctx.clock.now(), ctx.config.lockout);
  if (!allowed) {
    options.onFailure?.();
    throw new DomainError('AUTH_LOCKED', 'locked after repeated failures');
  }
  const verified = secretHash !== null && secretHash !== '' && (await ctx.hasher.verify(secret, secretHash));
  if (!verified) {
    options.onFailure?.();
    throw new DomainError('AUTH_FAILED', 'wrong secret', { reason: 'secret' });
  }
  await attempts.releaseLoginAttempt(id, options.clearFailures);
}
