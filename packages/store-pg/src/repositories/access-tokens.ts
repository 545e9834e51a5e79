import type { AccessToken, AccessTokenKind, AccessTokenRepository } from '@pbx-gateway/core';
import type { Knex } from 'knex';

interface AccessTokenRow {
  kind: AccessTokenKind;
  fingerprint: string;
  subject: string;
  issued_at: Date;
  expires_at: Date | null;
}

const toToken = (row: AccessTokenRow): AccessToken => ({
  fingerprint: row.fingerprint,
  kind: row.kind,
  subject: row.subject,
  issuedAt: row.issued_at,
  expiresAt: row.expires_at,
});

export function createAccessTokenRepository(db: Knex): AccessTokenRepository {
  return {
    async insert(token) {
      await db('access_tokens').insert({
        kind: token.kind,
        fingerprint: token.fingerprint,
        subject: token.subject,
        issued_at: token.issuedAt,
        expires_at: token.expiresAt,
      });
    },

    async find(kind, fingerprint) {
      // Expiry is the caller's to judge, on its own clock.
      const row: AccessTokenRow | undefined = await db('access_tokens').where({ kind, fingerprint }).first();
      return row ? toToken(row) : null;
    },

    async delete(kind, fingerprint) {
      await db('access_tokens').where({ kind, fingerprint }).delete();
    },

    async deleteBySubject(kind, subject) {
      await db('access_tokens').where({ kind, subject }).delete();
    },
  };
}
