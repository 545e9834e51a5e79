/// <reference types="jest" />
import { agent } from '../test-core/fixtures';
import { at, freshStore, type MakeStore } from './contract-store';
import { session } from './rows';

export function sessionContract(makeStore: MakeStore): void {
  describe('agent sessions', () => {
    const store = freshStore(makeStore);
    beforeAll(async () => {
      for (const id of ['s1', 's2', 's3', 's4', 's5']) await store().direct.agents.upsert(agent(id));
    });

    it('round-trips every field, with and without conference and pending changes', async () => {
      const plain = session('s1');
      const full = session('s2', {
        state: 'in_call',
        pauseReason: 'LUNCH',
        stateBeforeCall: 'paused',
        conference: { number: '8600051', bridgeId: 'agent-s2.conf', agentLegId: 'agent-s2.1' },
        campaignId: 'CAMP',
        currentCallId: 'call-1',
        pauseLimitSec: 600,
        pendingPause: { reason: null },
        nextPauseReason: 'BRK',
        pendingWrapUp: true,
        pendingLogout: true,
        afterCall: 'wrap_up',
        screenRefresh: 'city,rank,formreload',
        timerAction: { action: 'MESSAGE_ONLY', message: 'test message', seconds: 15 },
        autoAnswer: true,
        answerOnRequest: true,
        recordCalls: true,
        eventPush: { url: 'https://crm.example/events', headers: { service_token: 'token', Guid: 'guid' } },
        loginVia: 'ccgateway',
      });
      await store().direct.sessions.insert(plain);
      await store().direct.sessions.insert(full);
      expect(await store().direct.sessions.get('s1')).toEqual(plain);
      expect(await store().direct.sessions.get('s2')).toEqual(full);
      expect(await store().direct.sessions.get('s5')).toBeNull();
    });

    it('refuses a second session of one agent, and a session of an agent that does not exist', async () => {
      await expect(store().direct.sessions.insert(session('s1'))).rejects.toThrow();
      await expect(store().direct.sessions.insert(session('nobody'))).rejects.toThrow();
      expect(await store().direct.sessions.get('nobody')).toBeNull();
    });

    it('updates, touches and deletes', async () => {
      await store().direct.sessions.insert(session('s3'));
      const paused = session('s3', { state: 'paused', pauseReason: 'busy:201', pendingPause: { reason: 'rest:3', limitSec: 86_399 } });
      await store().direct.sessions.update(paused);
      expect(await store().direct.sessions.get('s3')).toEqual(paused);
      await store().direct.sessions.touch('s3', at('2024-05-01T09:30:00.000Z'));
      expect(await store().direct.sessions.get('s3')).toEqual({ ...paused, lastSeenAt: at('2024-05-01T09:30:00.000Z') });
      await store().direct.sessions.delete('s3', at('2024-05-01T09:45:00.000Z'));
      expect(await store().direct.sessions.get('s3')).toBeNull();
      await store().direct.sessions.delete('s3', at('2024-05-01T09:45:00.000Z'));
    });

    it('lists sessions by agent, and idle ones of a login channel by last sign of life', async () => {
      await store().direct.sessions.insert(session('s4', { loginVia: 'ccgateway', lastSeenAt: at('2024-05-01T07:00:00.000Z') }));
      expect((await store().direct.sessions.list()).map((row) => row.agentId)).toEqual(['s1', 's2', 's4']);
      const idle = await store().direct.sessions.listIdle('ccgateway', at('2024-05-01T08:00:00.124Z'));
      expect(idle.map((row) => row.agentId)).toEqual(['s4', 's2']);
      expect(await store().direct.sessions.listIdle('ccgateway', at('2024-05-01T07:00:00.000Z'))).toEqual([]);
      expect((await store().direct.sessions.listIdle('vicidial', at('2024-05-01T09:00:00.000Z'))).map((row) => row.agentId)).toEqual(['s1']);
    });

    it('locks a session until the transaction ends, and reads null for none', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const order: string[] = [];
      const first = store().transaction(async (tx) => {
        await tx.sessions.lock('s1');
        order.push('first locked');
        await held;
        await tx.sessions.update(session('s1', { state: 'paused' }));
        order.push('first wrote');
      });
      while (order.length === 0) await new Promise((resolve) => setImmediate(resolve));
      const second = store().transaction(async (tx) => {
        const seen = await tx.sessions.lock('s1');
        order.push(`second saw ${seen?.state}`);
      });
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(['first locked', 'first wrote', 'second saw paused']);
      expect(await store().transaction((tx) => tx.sessions.lock('nobody'))).toBeNull();
    });
  });
}
