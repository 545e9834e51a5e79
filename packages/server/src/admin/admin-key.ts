import { createHash, timingSafeEqual } from 'node:crypto';
import { ADMIN_SCOPES, type AdminKeyRepository, type AdminScope } from '@pbx-gateway/core';

/**
 * The admin API key is a long random secret, not a password a person picks:
 * a SHA-256 is enough to keep it out of memory dumps and configuration files,
 * and checking it costs nothing (a slow hash here would only slow the API).
 */
export const hashAdminKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/** Compares in constant time: the answer's timing says nothing of how much of the key was right. */
export function adminKeyMatches(presented: string, expectedSha256: string): boolean {
  const presentedHash = createHash('sha256').update(presented, 'utf8').digest();
  const expected = Buffer.from(expectedSha256, 'hex');
  return expected.length === presentedHash.length && timingSafeEqual(presentedHash, expected);
}

/** `Authorization: Bearer <key>`; anything else presents no key. */
export function bearerKey(header: string | undefined): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

export type KeyOutcome = { kind: 'disabled' } | { kind: 'refused' } | { kind: 'accepted'; name: string; scopes: readonly AdminScope[] };

/**
 * ADMIN_API_KEY holds every scope; a stored key its own. Stored keys are
 * found by the SHA-256 of the presented key: the lookup's timing depends on a
 * hash, which tells nothing of the key. Without ADMIN_API_KEY and without any
 * stored key the API is off.
 */
export async function resolveAdminKey(presented: string | null, configSha256: string | null, keys: AdminKeyRepository): Promise<KeyOutcome> {
  if (presented !== null && configSha256 !== null && adminKeyMatches(presented, configSha256)) return { kind: 'accepted', name: 'ADMIN_API_KEY', scopes: ADMIN_SCOPES };
  const stored = presented === null ? null : await keys.findBySha256(hashAdminKey(presented));
  if (stored) return { kind: 'accepted', name: stored.name, scopes: stored.scopes };
  if (configSha256 === null && (await keys.list({ offset: 0, limit: 1 })).length === 0) return { kind: 'disabled' };
  return { kind: 'refused' };
}
