import type { Knex } from 'knex';
import type { LockoutPolicy } from '@pbx-gateway/core';

/** Tables whose rows count failed logins (`failed_logins`, `last_failed_login_at`). */
export type LoginTable = 'api_users' | 'agents';

/**
 * The reservation of one login attempt as a single UPDATE: the row lock it
 * takes orders concurrent attempts, so ten parallel guesses count ten.
 */
export async function reserveLoginAttempt(db: Knex, table: LoginTable, id: string, at: Date, policy: LockoutPolicy): Promise<boolean> {
  const windowStart = new Date(at.getTime() - policy.windowMs);
  const result = await db.raw(
    `UPDATE ${table}
        SET failed_logins = CASE WHEN failed_logins < ? THEN failed_logins + 1 ELSE 1 END,
            last_failed_login_at = ?
      WHERE id = ?
        AND NOT (failed_logins >= ? AND last_failed_login_at IS NOT NULL AND last_failed_login_at > ?)
      RETURNING failed_logins`,
    [policy.maxFailures, at, id, policy.maxFailures, windowStart],
  );
  return (result as { rowCount: number }).rowCount === 1;
}

export async function releaseLoginAttempt(db: Knex, table: LoginTable, id: string, clearFailures: boolean): Promise<void> {
  await db.raw(
    clearFailures
      ? `UPDATE ${table} SET failed_logins = 0, last_failed_login_at = NULL WHERE id = ?`
      : `UPDATE ${table} SET failed_logins = GREATEST(failed_logins - 1, 0) WHERE id = ?`,
    [id],
  );
}
