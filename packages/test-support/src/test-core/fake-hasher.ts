import { createHash } from 'node:crypto';
import type { SecretHasher } from '@pbx-gateway/core';

/** Hash of `secret` as this hasher stores it; use it to seed accounts. */
export const hashOf = (secret: string): string => `hashed:${secret}`;

/** A cheap `SecretHasher` that counts how often a secret is verified. */
export class FakeHasher implements SecretHasher {
  verifications = 0;

  async hash(secret: string): Promise<string> {
    return hashOf(secret);
  }

  async verify(secret: string, hash: string): Promise<boolean> {
    this.verifications += 1;
    return hash === hashOf(secret);
  }

  fingerprint(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
