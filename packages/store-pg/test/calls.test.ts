import type { CallOf } from '@pbx-gateway/core';
import { at, call, cdr, deferred, leg, openStore, settledWithin, type OpenStore } from './fixtures';

describe('calls and legs', () => {
  let ctx: OpenStore;
  beforeAll(async () => {
    ctx = await openStore();
  });
  afterAll(() => ctx.dispose());

  it('round-trips a call with every field set, and one with every optional field null', async () => {
    const full: CallOf<'voice_menu'> = {
      ...call('agent-1000.c1', {
        direction: 'inbound',
        state: 'ended',
        agentId: '1000',
        tenant: 'acme',
        bridgeId: 'agent-1000.c1.bridge',
        extension: '101',
        createdAt: at('2024-05-01T09:00:00.001Z'),
        answeredAt: at('2024-05-01T09:00:05.002Z'),
        endedAt: at('2024-05-01T09:01:00.003Z'),
        hangupCause: 16,
        hangupCauseText: 'Normal Clearing',
        hangupSide: 'caller',
        origin: { dialect: 'sipcall', operation: 'PlayVoice', apiUserId: 'u-1' },
        data: { customuuid: 'x-1', nested: { keys: [1, 'two', null, true] }, empty: {} },
      }),
      purpose: 'voice_menu',
      progress: { stage: 'transferring', transferKey: '1', groupName: 'extGroup-1', media: 'sound:ivr/menu', mediaName: 'ivr/menu', pressedKey: '1', answeredBy: null },
    };
    const bare = call('c2');
    await ctx.store.direct.calls.insert(full);
    await ctx.store.direct.calls.insert(bare);
    expect(await ctx.store.direct.calls.get(full.id)).toEqual(full);
    expect(await ctx.store.direct.calls.get('c2')).toEqual(bare);
    expect(await ctx.store.direct.calls.get('none')).toBeNull();
  });

  it('updates a call', async () => {
    const answered = call('c2', { state: 'answered', progress: { ...call('c2').progress, stage: 'connected' }, answeredAt: at('2024-05-01T09:00:09.000Z'), data: { a: 'b' } });
    await ctx.store.direct.calls.update(answered);
    expect(await ctx.store.direct.calls.get('c2')).toEqual(answered);
  });

  it('round-trips legs, with and without account, and lists them by creation', async () => {
    await ctx.store.direct.calls.insert(call('c3'));
    const second = leg('c3.2', 'c3', {
      role: 'destination',
      channelName: 'PJSIP/upc-00000002',
      state: 'up',
      account: { kind: 'trunk', id: 1 },
      createdAt: at('2024-05-01T09:00:02.000Z'),
      answeredAt: at('2024-05-01T09:00:03.000Z'),
      endedAt: at('2024-05-01T09:00:09.000Z'),
      cause: 16,
      causeText: 'Normal Clearing',
      hangupRequested: true,
    });
    const first = leg('c3.1', 'c3', { account: { kind: 'extension', id: 5 }, createdAt: at('2024-05-01T09:00:01.000Z') });
    await ctx.store.direct.calls.insertLeg(second);
    await ctx.store.direct.calls.insertLeg(first);
    expect(await ctx.store.direct.calls.getLeg('c3.2')).toEqual(second);
    expect(await ctx.store.direct.calls.legsOf('c3')).toEqual([first, second]);
    expect(await ctx.store.direct.calls.getLeg('none')).toBeNull();
    expect(await ctx.store.direct.calls.legsOf('none')).toEqual([]);

    const ringing = { ...first, state: 'ringing' as const, channelName: 'PJSIP/sip100-00000001', account: null };
    await ctx.store.direct.calls.updateLeg(ringing);
    expect(await ctx.store.direct.calls.getLeg('c3.1')).toEqual(ringing);
  });

  it("round-trips a customer call's third party and the transfer progress (migration 030)", async () => {
    const transferred: CallOf<'agent_customer'> = {
      ...call('agent-1000.c6', { agentId: '1000', bridgeId: 'agent-1000.c6.bridge' }),
      purpose: 'agent_customer',
      progress: { stage: 'connected', customerEndpoint: 'PJSIP/5550100@upc', trunkId: 1, leadId: null, agentLeft: true, thirdPartyLegId: 'agent-1000.c6.2', parkedLegIds: [] },
    };
    await ctx.store.direct.calls.insert(transferred);
    const thirdParty = leg('agent-1000.c6.2', 'agent-1000.c6', { role: 'third_party', dialedNumber: '5550300', account: { kind: 'trunk', id: 1 } });
    await ctx.store.direct.calls.insertLeg(thirdParty);
    expect(await ctx.store.direct.calls.get(transferred.id)).toEqual(transferred);
    expect(await ctx.store.direct.calls.getLeg(thirdParty.id)).toEqual(thirdParty);
  });

  it("round-trips a supervision call, its supervisor and snoop legs, and its CDR (migration 050)", async () => {
    const supervision: CallOf<'supervision'> = {
      ...call('c7', { bridgeId: 'c7.bridge', state: 'ended', endedAt: at('2024-05-01T09:01:00Z') }),
      purpose: 'supervision',
      progress: { stage: 'supervising', mode: 'whisper', targetLegId: 'c6.1', targetChannelName: 'PJSIP/sip102-00000003' },
    };
    await ctx.store.direct.calls.insert(supervision);
    const supervisor = leg('c7.1', 'c7', { role: 'supervisor', account: { kind: 'extension', id: 5 } });
    const snoop = leg('c7.2', 'c7', { role: 'snoop', endpoint: 'Snoop/PJSIP/sip102-00000003', channelName: 'Snoop/c6.1-00000004' });
    await ctx.store.direct.calls.insertLeg(supervisor);
    await ctx.store.direct.calls.insertLeg(snoop);
    expect(await ctx.store.direct.calls.get(supervision.id)).toEqual(supervision);
    expect(await ctx.store.direct.calls.legsOf(supervision.id)).toEqual([supervisor, snoop]);
    const stored = await ctx.store.direct.cdrs.insert(cdr('c7', { purpose: 'supervision' }));
    expect(stored.purpose).toBe('supervision');
    expect(await ctx.store.direct.cdrs.getByCall('c7')).toEqual(stored);
  });

  it('refuses a leg of an unknown call and a second leg with the same channel id', async () => {
    await expect(ctx.store.direct.calls.insertLeg(leg('x.1', 'unknown-call'))).rejects.toMatchObject({ code: '23503' });
    await expect(ctx.store.direct.calls.insertLeg(leg('c3.1', 'c3'))).rejects.toMatchObject({ code: '23505' });
  });

  it('finds the live leg by channel name, ignoring ended legs', async () => {
    await ctx.store.direct.calls.insert(call('c4'));
    await ctx.store.direct.calls.insertLeg(leg('c4.1', 'c4', { channelName: 'PJSIP/sip100-0000000a', state: 'ended', endedAt: at('2024-05-01T09:00:05Z') }));
    expect(await ctx.store.direct.calls.findLiveLegByChannelName('PJSIP/sip100-0000000a')).toBeNull();
    await ctx.store.direct.calls.insertLeg(leg('c4.2', 'c4', { channelName: 'PJSIP/sip100-0000000a', state: 'up', createdAt: at('2024-05-01T09:00:06Z') }));
    expect((await ctx.store.direct.calls.findLiveLegByChannelName('PJSIP/sip100-0000000a'))?.id).toBe('c4.2');
    expect(await ctx.store.direct.calls.findLiveLegByChannelName('PJSIP/none')).toBeNull();
  });

  it('lists live calls oldest first, each with all its legs', async () => {
    await ctx.store.direct.calls.insert(call('c0', { createdAt: at('2024-05-01T08:59:00Z') }));
    const live = await ctx.store.direct.calls.listLive();
    expect(live.map((entry) => entry.call.id)).toEqual(['c0', 'agent-1000.c6', 'c2', 'c3', 'c4']);
    expect(live.find((entry) => entry.call.id === 'c3')?.legs.map((l) => l.id)).toEqual(['c3.1', 'c3.2']);
    expect(live.find((entry) => entry.call.id === 'c4')?.legs.map((l) => l.id)).toEqual(['c4.1', 'c4.2']);
    expect(live.find((entry) => entry.call.id === 'c0')?.legs).toEqual([]);
  });

  it('lock holds a second transaction until the first commits', async () => {
    await ctx.store.direct.calls.insert(call('c5'));
    const locked = deferred();
    const release = deferred();
    const first = ctx.store.transaction(async (tx) => {
      const current = await tx.calls.lock('c5');
      locked.resolve();
      await release.promise;
      await tx.calls.update({ ...current!, state: 'answered' });
    });
    await locked.promise;
    const second = ctx.store.transaction((tx) => tx.calls.lock('c5'));
    expect(await settledWithin(second, 300)).toBe('pending');
    release.resolve();
    await first;
    expect((await second)?.state).toBe('answered');
    expect(await ctx.store.transaction((tx) => tx.calls.lock('none'))).toBeNull();
  });
});
