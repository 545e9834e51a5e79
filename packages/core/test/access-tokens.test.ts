import { createTestCore } from '@pbx-gateway/test-support';

const HOUR = 3_600_000;

describe('access tokens', () => {
  it('issues 32 lower-case hex digits and stores only a fingerprint', async () => {
    const t = await createTestCore();
    const issued = await t.core.issueAccessToken({ kind: 'sipcall-token', subject: 'u-1', ttlMs: 12 * HOUR, shape: 'hex32' });
    expect(issued.token).toMatch(/^[0-9a-f]{32}$/);
    expect(issued.expiresAt).toEqual(new Date(t.clock.nowMs() + 12 * HOUR));
    const stored = await t.store.direct.tokens.find('sipcall-token', t.hasher.fingerprint(issued.token));
    expect(stored).toEqual({
      fingerprint: t.hasher.fingerprint(issued.token),
      kind: 'sipcall-token',
      subject: 'u-1',
      issuedAt: t.clock.now(),
      expiresAt: issued.expiresAt,
    });
    expect(stored!.fingerprint).not.toContain(issued.token);
  });

  it('issues a version-4 UUID followed by the suffix', async () => {
    const t = await createTestCore();
    const issued = await t.core.issueAccessToken({ kind: 'ccgateway-guid', subject: '1000', ttlMs: null, shape: 'uuid', suffix: '.AgentGateway1' });
    expect(issued.token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.AgentGateway1$/);
    expect(issued.expiresAt).toBeNull();
    const plain = await t.core.issueAccessToken({ kind: 'ccgateway-guid', subject: '1001', ttlMs: null, shape: 'uuid' });
    expect(plain.token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(plain.token).not.toBe(issued.token.slice(0, 36));
  });

  it('resolves a live token to its subject until it expires', async () => {
    const t = await createTestCore();
    const { token } = await t.core.issueAccessToken({ kind: 'sipcall-token', subject: 'u-1', ttlMs: 12 * HOUR, shape: 'hex32' });
    await t.advance(12 * HOUR - 1);
    await expect(t.core.resolveAccessToken('sipcall-token', token)).resolves.toMatchObject({ subject: 'u-1' });
    await t.advance(1);
    await expect(t.core.resolveAccessToken('sipcall-token', token)).resolves.toBeNull();
  });

  it('keeps a token without lifetime until revoked', async () => {
    const t = await createTestCore();
    const { token } = await t.core.issueAccessToken({ kind: 'ccgateway-guid', subject: '1000', ttlMs: null, shape: 'uuid' });
    await t.advance(400 * 24 * HOUR);
    await expect(t.core.resolveAccessToken('ccgateway-guid', token)).resolves.toMatchObject({ subject: '1000' });
    await t.core.revokeAccessToken('ccgateway-guid', token);
    await expect(t.core.resolveAccessToken('ccgateway-guid', token)).resolves.toBeNull();
  });

  it('revokes one token only', async () => {
    const t = await createTestCore();
    const first = await t.core.issueAccessToken({ kind: 'sipcall-token', subject: 'u-1', ttlMs: HOUR, shape: 'hex32' });
    const second = await t.core.issueAccessToken({ kind: 'sipcall-token', subject: 'u-1', ttlMs: HOUR, shape: 'hex32' });
    expect(second.token).not.toBe(first.token);
    await t.core.revokeAccessToken('sipcall-token', first.token);
    await expect(t.core.resolveAccessToken('sipcall-token', first.token)).resolves.toBeNull();
    await expect(t.core.resolveAccessToken('sipcall-token', second.token)).resolves.toMatchObject({ subject: 'u-1' });
  });

  it('revokes every token of one subject and kind, and only those', async () => {
    const t = await createTestCore();
    const first = await t.core.issueAccessToken({ kind: 'sipcall-token', subject: 'u-1', ttlMs: HOUR, shape: 'hex32' });
    const second = await t.core.issueAccessToken({ kind: 'sipcall-token', subject: 'u-1', ttlMs: HOUR, shape: 'hex32' });
    const other = await t.core.issueAccessToken({ kind: 'sipcall-token', subject: 'u-2', ttlMs: HOUR, shape: 'hex32' });
    await t.core.revokeAccessTokensOf('sipcall-token', 'u-1');
    await expect(t.core.resolveAccessToken('sipcall-token', first.token)).resolves.toBeNull();
    await expect(t.core.resolveAccessToken('sipcall-token', second.token)).resolves.toBeNull();
    await expect(t.core.resolveAccessToken('sipcall-token', other.token)).resolves.toMatchObject({ subject: 'u-2' });
  });

  it('does not resolve a token of another kind, an unknown, empty or oversized value', async () => {
    const t = await createTestCore();
    const { token } = await t.core.issueAccessToken({ kind: 'sipcall-token', subject: 'u-1', ttlMs: HOUR, shape: 'hex32' });
    await expect(t.core.resolveAccessToken('ccgateway-guid', token)).resolves.toBeNull();
    await expect(t.core.resolveAccessToken('sipcall-token', 'f'.repeat(32))).resolves.toBeNull();
    await expect(t.core.resolveAccessToken('sipcall-token', '')).resolves.toBeNull();
    await expect(t.core.resolveAccessToken('sipcall-token', token + 'x'.repeat(200))).resolves.toBeNull();
  });
});
