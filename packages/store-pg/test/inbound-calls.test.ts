import type { CallOf, InboundProgress } from '@pbx-gateway/core';
import { at, call, leg, openStore, type OpenStore } from './fixtures';

function inbound(id: string, queueName: string | null, stage: InboundProgress['stage'], createdAt: string): CallOf<'inbound'> {
  return {
    ...call(id, { direction: 'inbound', state: 'answered', createdAt: at(createdAt), answeredAt: at(createdAt), origin: { dialect: 'pbx', operation: 'inbound', apiUserId: null } }),
    purpose: 'inbound',
    progress: { stage, did: '2125550100', queueName, mohClass: 'default', callerLegId: `${id}-caller`, agentLegs: [], agentLegId: null },
  };
}

describe('inbound calls', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  afterAll(() => ctx.dispose());

  it('round-trips an inbound call and its caller leg', async () => {
    const waiting = inbound('1718000000.in-1', 'SALESLINE', 'waiting', '2024-05-01T09:00:00Z');
    await ctx.store.direct.calls.insert(waiting);
    const caller = leg('1718000000.42', waiting.id, { role: 'caller', state: 'up', channelName: 'PJSIP/upc-0000002a' });
    await ctx.store.direct.calls.insertLeg(caller);
    expect(await ctx.store.direct.calls.get(waiting.id)).toEqual(waiting);
    expect(await ctx.store.direct.calls.getLeg(caller.id)).toEqual(caller);
  });

  it('lists the calls waiting in the queues named, oldest first', async () => {
    await ctx.store.direct.calls.insert(inbound('in-2', 'SALESLINE', 'waiting', '2024-05-01T08:59:00Z'));
    await ctx.store.direct.calls.insert(inbound('in-3', 'SUPPORT', 'waiting', '2024-05-01T08:58:00Z'));
    await ctx.store.direct.calls.insert(inbound('in-4', 'SALESLINE', 'connected', '2024-05-01T08:57:00Z'));
    await ctx.store.direct.calls.insert({ ...inbound('in-5', 'SALESLINE', 'waiting', '2024-05-01T08:56:00Z'), state: 'ended' });
    await ctx.store.direct.calls.insert(call('c-out', { createdAt: at('2024-05-01T08:55:00Z') }));
    const ids = async (queues: string[]) => (await ctx.store.direct.calls.listWaiting(queues)).map((entry) => entry.id);
    expect(await ids(['SALESLINE'])).toEqual(['in-2', '1718000000.in-1']);
    expect(await ids(['SALESLINE', 'SUPPORT'])).toEqual(['in-3', 'in-2', '1718000000.in-1']);
    expect(await ids([])).toEqual([]);
    expect((await ctx.store.direct.calls.listWaiting(['SUPPORT']))[0]?.progress).toEqual(inbound('in-3', 'SUPPORT', 'waiting', '2024-05-01T08:58:00Z').progress);
  });

  it('lists the calls of one queue since a moment (and before another), ended or not, oldest first, with when they reached an agent', async () => {
    const served = { ...inbound('st-1', 'STATS', 'connected', '2024-05-02T09:00:00Z'), state: 'ended' as const, endedAt: at('2024-05-02T09:01:00Z') };
    served.progress = { ...served.progress, connectedAt: '2024-05-02T09:00:07.000Z', agentLegId: 'st-1.2' };
    await ctx.store.direct.calls.insert(served);
    await ctx.store.direct.calls.insert({ ...inbound('st-2', 'STATS', 'abandoned', '2024-05-02T08:59:00Z'), state: 'ended' });
    await ctx.store.direct.calls.insert(inbound('st-3', 'STATS', 'waiting', '2024-05-02T09:02:00Z'));
    await ctx.store.direct.calls.insert(inbound('st-4', 'STATS', 'waiting', '2024-05-01T23:59:59Z'));
    await ctx.store.direct.calls.insert(inbound('st-5', 'OTHER', 'waiting', '2024-05-02T09:02:00Z'));
    const listed = await ctx.store.direct.calls.listInboundOfQueue('STATS', at('2024-05-02T00:00:00Z'));
    expect(listed.map((entry) => entry.id)).toEqual(['st-2', 'st-1', 'st-3']);
    expect(listed[1]).toEqual(served);
    expect(await ctx.store.direct.calls.listInboundOfQueue('NONE', at('2024-05-02T00:00:00Z'))).toEqual([]);
    const before = await ctx.store.direct.calls.listInboundOfQueue('STATS', at('2024-05-01T00:00:00Z'), at('2024-05-02T09:00:00Z'));
    expect(before.map((entry) => entry.id)).toEqual(['st-4', 'st-2']);
  });

  it('keeps the CDR of an inbound call', async () => {
    const ended = { ...inbound('in-6', 'SALESLINE', 'abandoned', '2024-05-01T09:00:00Z'), state: 'ended' as const };
    await ctx.store.direct.calls.insert(ended);
    const cdr = await ctx.store.direct.cdrs.insert({
      callId: 'in-6', purpose: 'inbound', direction: 'inbound', tenant: null, agentId: null, fromNumber: '5550100', toNumber: '2125550100', extension: null,
      startedAt: at('2024-05-01T09:00:00Z'), answeredAt: at('2024-05-01T09:00:00Z'), endedAt: at('2024-05-01T09:00:10Z'), durationSec: 10, billsec: 10,
      hangupCause: 16, hangupCauseText: 'Normal Clearing', hangupSide: 'caller', recordingFile: null, pressedKey: null, leadId: null, data: {},
    });
    expect(await ctx.store.direct.cdrs.getByCall('in-6')).toEqual(cdr);
  });
});
