import { createHash, timingSafeEqual } from 'node:crypto';

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
