import { agent, createTestCore, loginPlain, type TestCore } from '@pbx-gateway/test-support';

const DID = '2125550100';

async function setup(): Promise<TestCore> {
  return createTestCore({
    startAt: new Date('2024-05-01T10:00:00.000Z'),
    directory: {
      agents: [agent('1000')],
      queues: [{ name: 'SALESLINE', strategy: 'ringall' }, { name: 'OTHER', strategy: 'ringall' }],
      didRoutes: [
        { did: DID, queueName: 'SALESLINE' },
        { did: '2125550199', queueName: 'OTHER' },
      ],
    },
  });
}

const statistics = (t: TestCore, serviceLevelSec = 0, since = new Date('2024-05-01T00:00:00.000Z')) =>
  t.core.queueStatistics({ queueName: 'SALESLINE', since, serviceLevelSec });

/** A caller that waits `waitMs` for agent 1000's phone, which answers, then talks `talkMs`. */
async function servedCall(t: TestCore, callerLegId: string, waitMs: number, talkMs: number): Promise<string> {
  await t.core.pauseAgent({ agentId: '1000', reason: null });
  await t.callIn(callerLegId, DID);
  await t.advance(waitMs);
  await t.core.resumeAgent({ agentId: '1000' });
  await t.settle();
  const session = await t.core.getAgentSession('1000');
  const callId = session!.currentCallId!;
  await t.ring(`${callId}.2`);
  await t.answer(`${callId}.2`);
  await t.advance(talkMs);
  await t.endLeg(callerLegId);
  await t.confirmHangups();
  return callId;
}

describe('queueStatistics', () => {
  it('is all zero for a queue without calls', async () => {
    const t = await setup();
    expect(await statistics(t)).toEqual({ completed: 0, abandoned: 0, completedWithinServiceLevel: 0, holdTimeSec: 0, talkTimeSec: 0, lastCallOfAgent: new Map() });
  });

  it('counts completed calls with their average wait and talk, abandoned ones, and the agent’s last call', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE'], blended: null });
    await servedCall(t, '1714557600.1', 4000, 30000);
    await servedCall(t, '1714557600.2', 10000, 50000);
    const lastEnd = t.clock.now();
    // A caller who gives up waiting, and one in another queue.
    await t.core.pauseAgent({ agentId: '1000', reason: null });
    await t.callIn('1714557600.3', DID);
    await t.advance(3000);
    await t.endLeg('1714557600.3');
    await t.callIn('1714557600.4', '2125550199');
    await t.endLeg('1714557600.4');
    // One still waiting counts for nothing yet.
    await t.callIn('1714557600.5', DID);

    expect(await statistics(t)).toEqual({
      completed: 2,
      abandoned: 1,
      completedWithinServiceLevel: 0,
      holdTimeSec: 7,
      talkTimeSec: 40,
      lastCallOfAgent: new Map([['1000', lastEnd]]),
    });
    expect((await statistics(t, 5)).completedWithinServiceLevel).toBe(1);
    expect((await statistics(t, 10)).completedWithinServiceLevel).toBe(2);
    expect((await statistics(t, 0, new Date('2024-05-02T00:00:00.000Z'))).completed).toBe(0);
  });

  it('records when a call reached its agent', async () => {
    const t = await setup();
    await loginPlain(t, '1000');
    await t.core.changeAgentQueues({ agentId: '1000', change: 'add', queues: ['SALESLINE'], blended: null });
    const callId = await servedCall(t, '1714557600.1', 4000, 1000);
    const call = await t.core.getCall(callId);
    expect(call?.call.purpose === 'inbound' && call.call.progress.connectedAt).toBe('2024-05-01T10:00:04.000Z');
  });
});
