import type { PageRequest } from '../ports/page-request';

/**
 * What an operator's key may do on the gateway's own administration:
 * `read` everything, `provision` the directory and the dialer, `control`
 * agents' sessions.
 */
export const ADMIN_SCOPES = ['read', 'provision', 'control'] as const;
export type AdminScope = (typeof ADMIN_SCOPES)[number];

/** An operator's key; only its SHA-256 is kept (the key is a long random secret, not a password). */
export interface AdminKey {
  /** Names the key for people (who holds it, what it is for). */
  name: string;
  /** SHA-256 of the key, hexadecimal. */
  keySha256: string;
  scopes: readonly AdminScope[];
  createdAt: Date;
}

export interface AdminKeyRepository {
  findBySha256(keySha256: string): Promise<AdminKey | null>;
  get(name: string): Promise<AdminKey | null>;
  /** A page of the keys, by name. */
  list(page: PageRequest): Promise<AdminKey[]>;
  /** Creates or replaces the key of this name. */
  upsert(key: AdminKey): Promise<void>;
  /** False when there was none of this name. */
  delete(name: string): Promise<boolean>;
}
