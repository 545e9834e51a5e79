import { DomainError } from '../src';
import { agent, createTestCore } from '@pbx-gateway/test-support';

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
