import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { SecretHasher } from '@pbx-gateway/core';

const KEY_LENGTH = 32;
const DEFAULT_COST = { N: 16384, r: 8, p: 1 };

function derive(secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * Secrets as `scrypt$N$r$p$salt$hash` (base64), compared in constant time.
 * Tokens the gateway issues carry 128 random bits, so a plain SHA-256 is
 * enough to find them without storing them.
 */
export function createScryptSecretHasher(cost: { N: number; r: number; p: number } = DEFAULT_COST): SecretHasher {
  return {
    async hash(secret) {
      const salt = randomBytes(16);
      const key = await derive(secret, salt, cost);
      return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
    },
    async verify(secret, stored) {
      const parts = stored.split('$');
      if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
      const [, n, r, p, salt, expected] = parts;
      const expectedKey = Buffer.from(expected!, 'base64');
      if (expectedKey.length !== KEY_LENGTH) return false;
      const key = await derive(secret, Buffer.from(salt!, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
      return timingSafeEqual(key, expectedKey);
    },
    fingerprint(token) {
      return createHash('sha256').update(token, 'utf8').digest('hex');
    },
  };
}
