import type { AccessTokenKind } from '../kernel/vocabulary';

/** A bearer credential the gateway issued (a Sip_Call token, a CC-Gateway GUID). */
export interface AccessToken {
  /** Fingerprint of the token; the token itself is never stored. */
  fingerprint: string;
  kind: AccessTokenKind;
  /** Whom it was issued to: an API user id or an agent id. */
  subject: string;
  issuedAt: Date;
  expiresAt: Date | null;
}
