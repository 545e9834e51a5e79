import { DomainError } from '../src';
import {
  agent,
  trunk,
  connectedCustomerCall,
  describeEvents,
  loginPlain,
  createTestCore,
  type TestCore,
} from '@pbx-gateway/test-support';

/**
 * Conditional pause and resume: "already busy" and "already idle" are
 * decided in the agent's queue, with the session locked, so that requests
 * racing each other are answered as if they came one after the other.
 */
const setup = (): Promise<TestCore> => createTestCore({ directory: { agents: [agent('1000')], trunks: [trunk(1)] } });

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'ok';
}

describe('pause that keeps an existing pause (ifPaused: keep)', () => {
  it('pauses a ready agent as usual', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    t.takeEvents();
    await expect(t.core.pauseAgent({ agentId: '1000', reason: 'busy:0', ifPaused: 'keep' })).resolves.toBe('paused');
    expect(describeEvents(t.takeEvents())).toEqual(['AgentStateChanged ready->paused (busy:0)']);
  });

  it('leaves a paused agent, its reason and its events alone and answers already_paused', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await t.core.pauseAgent({ agentId: '1000', reason: 'busy:201' });
    t.takeEvents();
    await expect(t.core.pauseAgent({ agentId: '1000', reason: 'busy:0', ifPaused: 'keep' })).resolves.toBe('already_paused');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'paused', pauseReason: 'busy:201' });
    expect(t.takeEvents()).toEqual([]);
  });

  it('of two at once, exactly one pauses', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    t.takeEvents();
    const outcomes = await Promise.all([
      t.core.pauseAgent({ agentId: '1000', reason: 'busy:0', ifPaused: 'keep' }),
      t.core.pauseAgent({ agentId: '1000', reason: 'busy:0', ifPaused: 'keep' }),
    ]);
    expect(outcomes.sort()).toEqual(['already_paused', 'paused']);
    expect(describeEvents(t.takeEvents())).toEqual(['AgentStateChanged ready->paused (busy:0)']);
  });

  it('still defers during a call', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await connectedCustomerCall(t, '1000');
    await expect(t.core.pauseAgent({ agentId: '1000', reason: 'busy:0', ifPaused: 'keep' })).resolves.toBe('pause_pending');
  });
});

describe('resume that accepts a ready agent (ifReady: accept)', () => {
  it('leaves a ready agent as it is, without events', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    t.takeEvents();
    expect(await codeOf(t.core.resumeAgent({ agentId: '1000', ifReady: 'accept' }))).toBe('ok');
    expect(await t.core.getAgentSession('1000')).toMatchObject({ state: 'ready' });
    expect(t.takeEvents()).toEqual([]);
  });

  it('of two at once on a paused agent, both succeed and the agent becomes ready once', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await t.core.pauseAgent({ agentId: '1000', reason: 'busy:0' });
    t.takeEvents();
    const codes = await Promise.all([codeOf(t.core.resumeAgent({ agentId: '1000', ifReady: 'accept' })), codeOf(t.core.resumeAgent({ agentId: '1000', ifReady: 'accept' }))]);
    expect(codes).toEqual(['ok', 'ok']);
    expect(describeEvents(t.takeEvents())).toEqual(['AgentStateChanged paused->ready']);
  });

  it('still refuses an agent in a call', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await connectedCustomerCall(t, '1000');
    expect(await codeOf(t.core.resumeAgent({ agentId: '1000', ifReady: 'accept' }))).toBe('AGENT_NOT_PAUSED');
  });
});
