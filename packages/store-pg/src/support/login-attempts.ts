import type { Knex } from 'knex';
import type { LockoutPolicy } from '@pbx-gateway/core';

/** Tables whose rows count failed logins: `failed_logins`, and `last_failed_login_at`, where the window starts. */
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
            last_failed_login_at = CASE WHEN failed_logins < ? AND ? THEN last_failed_login_at ELSE ? END
      WHERE id = ?
        AND NOT (failed_logins >= ? AND last_failed_login_at IS NOT NULL AND last_failed_login_at > ?)
      RETURNING failed_logins`,
    [policy.maxFailures, policy.maxFailures, policy.window === 'since_count_restart', at, id, policy.maxFailures, windowStart],
  );
  return (result as { rowCount: number }).rowCount === 1;
}

export async function releaseLoginAttempt(db: Knex, table: LoginTable, id: string, clearFailures: boolean, at: Date): Promise<void> {
  if (clearFailures) await clearLoginFailures(db, table, id, at);
  else await db.raw(`UPDATE ${table} SET failed_logins = GREATEST(failed_logins - 1, 0) WHERE id = ?`, [id]);
}

/** A success that clears the failures starts the window afresh, as VICIdial's login sets `last_login_date`. */
export async function clearLoginFailures(db: Knex, table: LoginTable, id: string, at: Date): Promise<void> {
  await db.raw(`UPDATE ${table} SET failed_logins = 0, last_failed_login_at = ? WHERE id = ?`, [at, id]);
}
