import { agent, createTestCore, SECRET, type TestCore, domainErrorCode } from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({
    directory: { agents: [agent('1000'), agent('1001', { active: false }), agent('1002', { secretHash: null })] },
  });
}

describe('authenticateAgent: an agent named with its own secret (a PIN)', () => {
  it('answers the agent for the right secret, and changes nothing else', async () => {
    const t = await setup();
    expect(await t.core.authenticateAgent({ agentId: '1000', secret: SECRET })).toMatchObject({ id: '1000', name: 'Agent 1000' });
    expect(await t.core.getAgentSession('1000')).toBeNull();
  });

  it('refuses an unknown or inactive agent as not found, a wrong or missing secret as a failed login', async () => {
    const t = await setup();
    expect(await domainErrorCode(t.core.authenticateAgent({ agentId: '4711', secret: SECRET }))).toBe('AGENT_NOT_FOUND');
    expect(await domainErrorCode(t.core.authenticateAgent({ agentId: '1001', secret: SECRET }))).toBe('AGENT_NOT_FOUND');
    expect(await domainErrorCode(t.core.authenticateAgent({ agentId: '1000', secret: 'guess' }))).toBe('AUTH_FAILED');
    expect(await domainErrorCode(t.core.authenticateAgent({ agentId: '1002', secret: '' }))).toBe('AUTH_FAILED');
  });

  it('counts failures towards the agent’s lock-out, as logins do: locked, even the right secret is refused', async () => {
    const t = await setup();
    for (let attempt = 0; attempt < t.config.lockout.maxFailures; attempt += 1) {
      expect(await domainErrorCode(t.core.authenticateAgent({ agentId: '1000', secret: 'guess' }))).toBe('AUTH_FAILED');
    }
    expect(await domainErrorCode(t.core.authenticateAgent({ agentId: '1000', secret: SECRET }))).toBe('AUTH_LOCKED');
    expect(await domainErrorCode(t.core.loginAgent({ agentId: '1000', secret: SECRET, via: 'vicidial' }))).toBe('AUTH_LOCKED');
    await t.advance(t.config.lockout.windowMs + 1);
    expect(await t.core.authenticateAgent({ agentId: '1000', secret: SECRET })).toMatchObject({ id: '1000' });
  });
});

describe('login from a known device', () => {
  it('rings the device given rather than the phone number’s endpoint', async () => {
    const t = await setup();
    const session = await t.core.loginAgent({ agentId: '1000', via: 'voipsun', device: 'PJSIP/sip100', phoneNumber: '100' });
    expect(session).toMatchObject({ device: 'PJSIP/sip100', phoneNumber: '100' });
  });
});
