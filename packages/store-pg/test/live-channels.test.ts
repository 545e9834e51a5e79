import type { LiveChannel } from '@pbx-gateway/core';
import { at, call, leg, openStore, sql, type OpenStore } from './fixtures';

describe('live channels', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
    const calls = ctx.store.direct.calls;
    await calls.insert(call('young', { state: 'answered', createdAt: at('2024-05-01T09:10:00Z') }));
    await calls.insert(call('old', { createdAt: at('2024-05-01T09:00:00Z') }));
    await calls.insert(call('gone', { state: 'ended', createdAt: at('2024-05-01T08:00:00Z'), endedAt: at('2024-05-01T09:00:00Z') }));
    // Inserted out of order: the listing orders by creation, not by insertion.
    await calls.insertLeg(leg('young.1', 'young', { channelName: 'PJSIP/upc-00000009', state: 'up', account: { kind: 'trunk', id: 1 }, callerNumber: '299299000', dialedNumber: '800123456', context: 'from-trunk', createdAt: at('2024-05-01T09:10:01.250Z') }));
    await calls.insertLeg(leg('old.2', 'old', { channelName: 'PJSIP/upc-00000002', state: 'ringing', account: null, createdAt: at('2024-05-01T09:00:02.000Z') }));
    await calls.insertLeg(leg('old.1', 'old', { channelName: 'PJSIP/sip100-00000001', state: 'up', account: { kind: 'extension', id: 5 }, createdAt: at('2024-05-01T09:00:01.001Z') }));
    await calls.insertLeg(leg('old.3', 'old', { channelName: null, state: 'dialing', createdAt: at('2024-05-01T09:00:03.000Z') }));
    await calls.insertLeg(leg('old.4', 'old', { channelName: 'PJSIP/sip101-00000004', state: 'ended', createdAt: at('2024-05-01T09:00:04.000Z'), endedAt: at('2024-05-01T09:00:05.000Z') }));
    await calls.insertLeg(leg('gone.1', 'gone', { channelName: 'PJSIP/sip102-00000005', state: 'up', createdAt: at('2024-05-01T08:00:01.000Z') }));
    // Written by something other than the gateway, with microseconds: read back as a Date would hold it.
    await sql(ctx.url, "UPDATE legs SET created_at = '2024-05-01T09:10:01.250999Z' WHERE id = 'young.1'");
  });
  afterAll(() => ctx.dispose());

  it('lists the named live legs of live calls, calls oldest first, legs by creation', async () => {
    const channels = await ctx.store.direct.calls.listLiveChannels();
    expect(channels).toEqual<LiveChannel[]>([
      { channelName: 'PJSIP/sip100-00000001', context: 'from-internal', state: 'up', callerNumber: '100', dialedNumber: '420777000111', account: { kind: 'extension', id: 5 }, createdAt: at('2024-05-01T09:00:01.001Z') },
      { channelName: 'PJSIP/upc-00000002', context: 'from-internal', state: 'ringing', callerNumber: '100', dialedNumber: '420777000111', account: null, createdAt: at('2024-05-01T09:00:02.000Z') },
      { channelName: 'PJSIP/upc-00000009', context: 'from-trunk', state: 'up', callerNumber: '299299000', dialedNumber: '800123456', account: { kind: 'trunk', id: 1 }, createdAt: at('2024-05-01T09:10:01.250Z') },
    ]);
  });

  it('shows the same legs, in the same order, as the full listing of live calls', async () => {
    const full = await ctx.store.direct.calls.listLive();
    const fromFull = full.flatMap(({ legs }) => legs.filter((l) => l.state !== 'ended' && l.channelName !== null)).map((l) => [l.channelName, l.state, l.createdAt.getTime()]);
    const channels = await ctx.store.direct.calls.listLiveChannels();
    expect(channels.map((c) => [c.channelName, c.state, c.createdAt.getTime()])).toEqual(fromFull);
  });
});
