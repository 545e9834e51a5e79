/// <reference types="jest" />
import type { AgentStateSpan } from '@pbx-gateway/core';
import { agent } from '../test-core/fixtures';
import { at, freshStore, type MakeStore } from './contract-store';
import { session } from './rows';

/** The state span log the session writes keep (what VICIdial's agent_stats_export sums). */
export function agentStateSpanContract(makeStore: MakeStore): void {
  describe('agent state spans', () => {
    const store = freshStore(makeStore);
    beforeAll(async () => {
      for (const id of ['t1', 't2']) await store().direct.agents.upsert(agent(id));
    });
    const all = { from: at('2024-01-01T00:00:00.000Z'), to: at('2025-01-01T00:00:00.000Z') };
    const span = (overrides: Partial<AgentStateSpan>): AgentStateSpan => ({
      agentId: 't1',
      sessionId: 'session-t1',
      campaignId: 'CAMP',
      state: 'ready',
      pauseReason: null,
      callId: null,
      startedAt: at('2024-05-01T09:00:00.000Z'),
      endedAt: null,
      ...overrides,
    });

    it('opens a span at login, ends it at each state change and at logout, in the transactions that write the session', async () => {
      const login = session('t1', { campaignId: 'CAMP', state: 'paused', stateChangedAt: at('2024-05-01T09:00:00.000Z') });
      await store().transaction((tx) => tx.sessions.insert(login));
      expect(await store().direct.agentStateSpans.search({ ...all, agentId: 't1' })).toEqual([span({ state: 'paused' })]);

      // A pause code given after the pause began is the open span's, which does not end.
      await store().transaction(async (tx) => tx.sessions.update({ ...(await tx.sessions.lock('t1'))!, pauseReason: 'LUNCH' }));
      const ready = { ...login, pauseReason: null, state: 'ready' as const, stateChangedAt: at('2024-05-01T09:01:00.000Z') };
      await store().transaction(async (tx) => {
        await tx.sessions.lock('t1');
        await tx.sessions.update(ready);
      });
      const inCall = { ...ready, state: 'in_call' as const, currentCallId: 'call-1', stateChangedAt: at('2024-05-01T09:02:00.000Z') };
      await store().direct.sessions.update(inCall);
      await store().transaction((tx) => tx.sessions.delete('t1', at('2024-05-01T09:03:30.000Z')));

      expect(await store().direct.agentStateSpans.search({ ...all, agentId: 't1' })).toEqual([
        span({ state: 'paused', pauseReason: 'LUNCH', endedAt: at('2024-05-01T09:01:00.000Z') }),
        span({ startedAt: at('2024-05-01T09:01:00.000Z'), endedAt: at('2024-05-01T09:02:00.000Z') }),
        span({ state: 'in_call', callId: 'call-1', startedAt: at('2024-05-01T09:02:00.000Z'), endedAt: at('2024-05-01T09:03:30.000Z') }),
      ]);
    });

    it('writes no span for a session change that rolls back', async () => {
      const login = session('t2', { stateChangedAt: at('2024-06-01T09:00:00.000Z') });
      await store().direct.sessions.insert(login);
      await expect(
        store().transaction(async (tx) => {
          await tx.sessions.lock('t2');
          await tx.sessions.update({ ...login, state: 'paused', stateChangedAt: at('2024-06-01T09:05:00.000Z') });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await store().direct.agentStateSpans.search({ ...all, agentId: 't2' })).toEqual([
        span({ agentId: 't2', sessionId: 'session-t2', campaignId: null, startedAt: at('2024-06-01T09:00:00.000Z') }),
      ]);
    });

    it('finds the spans that started in the period (both ends included), of one agent or one campaign', async () => {
      const period = (from: string, to: string) => ({ from: at(from), to: at(to) });
      const started = async (search: Parameters<ReturnType<typeof store>['direct']['agentStateSpans']['search']>[0]) =>
        (await store().direct.agentStateSpans.search(search)).map((found) => `${found.agentId}@${found.startedAt.toISOString()}`);
      expect(await started(period('2024-05-01T09:01:00.000Z', '2024-05-01T09:02:00.000Z'))).toEqual(['t1@2024-05-01T09:01:00.000Z', 't1@2024-05-01T09:02:00.000Z']);
      expect(await started({ ...all, campaignId: 'CAMP' })).toHaveLength(3);
      expect(await started({ ...all, campaignId: 'OTHER' })).toEqual([]);
      expect(await started({ ...all, agentId: 't2' })).toEqual(['t2@2024-06-01T09:00:00.000Z']);
    });
  });
}
