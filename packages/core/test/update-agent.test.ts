import { DomainError } from '../src';
import { agent, createTestCore, loginPlain } from '@pbx-gateway/test-support';

describe('updating an agent', () => {
  it('changes the fields given, hashes a new password, and removes attributes set empty', async () => {
    const t = await createTestCore({ directory: { agents: [{ ...agent('1000'), attributes: { user_level: '1', email: 'a@b.org' } }] } });
    const before = await t.core.getAgent('1000');
    const updated = await t.core.updateAgent({ agentId: '1000', changes: { name: 'Renamed', secret: 'new-pw', active: false, externalId: 'CRM-1', attributes: { user_level: '3', email: '' } } });
    expect(updated).toMatchObject({ id: '1000', name: 'Renamed', active: false, externalId: 'CRM-1', device: before!.device, attributes: { user_level: '3' } });
    expect(updated.attributes.email).toBeUndefined();
    expect(updated.secretHash).toBe(await t.hasher.hash('new-pw'));
    expect(await t.core.getAgent('1000')).toEqual(updated);
  });

  it('refuses an agent that does not exist', async () => {
    const t = await createTestCore({ directory: { agents: [agent('1000')] } });
    const refusal = await t.core.updateAgent({ agentId: '2000', changes: { name: 'X' } }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'AGENT_NOT_FOUND', details: { agentId: '2000' } });
  });
});

describe('removing an agent', () => {
  it('removes the agent and its queue memberships; a logged-in agent stays', async () => {
    const t = await createTestCore({
      directory: {
        agents: [agent('1000'), agent('1001')],
        queues: [{ name: 'SALES', strategy: 'rrordered', members: [{ agentId: '1000', penalty: 0, membership: 'static' }] }],
      },
    });
    expect(await t.core.queuesOfAgent('1000')).toEqual(['SALES']);
    expect(await t.core.removeAgent('1000')).toBe(true);
    expect(await t.core.getAgent('1000')).toBeNull();
    expect(await t.core.queuesOfAgent('1000')).toEqual([]);
    expect(await t.core.removeAgent('1000')).toBe(false);

    await loginPlain(t, '1001');
    const refusal = await t.core.removeAgent('1001').catch((error: unknown) => error);
    expect(refusal).toMatchObject({ code: 'AGENT_BUSY', details: { agentId: '1001' } });
    expect(await t.core.getAgent('1001')).not.toBeNull();
  });
});
