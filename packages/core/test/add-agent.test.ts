import { DomainError } from '../src';
import { agent, createTestCore } from '@pbx-gateway/test-support';

const request = { name: 'New Agent', secret: 'pw99', device: null, attributes: { user_level: '1' } };

describe('adding an agent', () => {
  it('stores the agent with its password hashed, and refuses an id in use', async () => {
    const t = await createTestCore({ directory: { agents: [agent('1000')] } });
    const added = await t.core.addAgent({ ...request, id: '2000' });
    expect(added).toMatchObject({ id: '2000', name: 'New Agent', active: true, externalId: null, attributes: { user_level: '1' } });
    expect(added.secretHash).toBe(await t.hasher.hash('pw99'));
    expect(await t.core.getAgent('2000')).toEqual(added);
    expect(t.eventTypes('AgentAdded')).toEqual(['AgentAdded']);
    const refusal = await t.core.addAgent({ ...request, id: '1000' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'AGENT_EXISTS', details: { agentId: '1000' } });
    expect((await t.core.getAgent('1000'))?.name).not.toBe('New Agent');
  });

  it('numbers an agent given no id after the highest numeric id', async () => {
    const t = await createTestCore({ directory: { agents: [agent('1000'), agent('agent-x'), agent('1500')] } });
    expect((await t.core.addAgent({ ...request, id: null })).id).toBe('1501');
    expect((await t.core.addAgent({ ...request, id: null })).id).toBe('1502');
  });
});
