/**
 * Secrets (passwords, PINs, access keys) are stored only as slow salted hashes;
 * tokens we issue are random and long, so a fast fingerprint finds them.
 */
export interface SecretHasher {
  hash(secret: string): Promise<string>;
  /** Constant-time check of a secret against a stored hash. */
  verify(secret: string, hash: string): Promise<boolean>;
  /** A deterministic, non-reversible fingerprint of a high-entropy token. */
  fingerprint(token: string): string;
}
