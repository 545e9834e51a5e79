import { DomainError } from '../src';
import {
  agent,
  createTestCore,
} from '@pbx-gateway/test-support';

async function codeOf(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof DomainError ? error.code : `not a DomainError: ${String(error)}`;
}

describe('the words dialects register', () => {
  it('refuses to sign an agent in through a channel nobody registered, and writes nothing', async () => {
    const t = await createTestCore({ directory: { agents: [agent('1000')] } });
    expect(await codeOf(t.core.loginAgent({ agentId: '1000', via: 'telnet' }))).toBe('INVALID_ARGUMENT');
    expect(await t.core.getAgentSession('1000')).toBeNull();
    await expect(t.core.loginAgent({ agentId: '1000', via: 'ccgateway' })).resolves.toMatchObject({ loginVia: 'ccgateway' });
  });

  it('refuses to issue a token of a kind nobody registered', async () => {
    const t = await createTestCore();
    expect(await codeOf(t.core.issueAccessToken({ kind: 'cookie', subject: 'u-1', ttlMs: null, shape: 'hex32' }))).toBe('INVALID_ARGUMENT');
    await expect(t.core.issueAccessToken({ kind: 'sipcall-token', subject: 'u-1', ttlMs: null, shape: 'hex32' })).resolves.toMatchObject({ expiresAt: null });
  });
});
