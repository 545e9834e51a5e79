import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE access_tokens (
      kind text NOT NULL CHECK (kind IN ('sipcall-token', 'ccgateway-guid')),
      -- a fingerprint only; the token itself is never stored
      fingerprint text NOT NULL,
      subject text NOT NULL,
      issued_at timestamptz NOT NULL,
      expires_at timestamptz,
      PRIMARY KEY (kind, fingerprint)
    );
    CREATE INDEX access_tokens_subject_idx ON access_tokens (kind, subject);
  `);
}

export async function down(db: Knex): Promise<void> {
  await db.raw('DROP TABLE access_tokens');
}
