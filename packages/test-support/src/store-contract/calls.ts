/// <reference types="jest" />
import type { CallOf, Cdr, CdrSearch } from '@pbx-gateway/core';
import { agent, queue, queueMember } from '../test-core/fixtures';
import { at, freshStore, type MakeStore } from './contract-store';
import { call, cdr, leg, playback } from './rows';

export function callContract(makeStore: MakeStore): void {
  describe('calls and legs', () => {
    const store = freshStore(makeStore);

    it('round-trips calls and legs with every field, and updates them', async () => {
      await store().direct.agents.upsert(agent('c-agent'));
      const full: CallOf<'agent_customer'> = {
        ...call('c1', {
          state: 'answered',
          agentId: 'c-agent',
          tenant: '2028',
          bridgeId: 'c1.bridge',
          extension: '100',
          answeredAt: at('2024-05-01T09:00:05.250Z'),
          origin: { dialect: 'vicidial', operation: 'external_dial', apiUserId: 'u1' },
          data: { customuuid: 'x', nested: { list: [1, 'two', null] } },
        }),
        purpose: 'agent_customer',
        progress: { stage: 'connected', customerEndpoint: 'PJSIP/800123456@upc', trunkId: 1, leadId: 7 },
      };
      await store().direct.calls.insert(full);
      expect(await store().direct.calls.get('c1')).toEqual(full);
      const ended = { ...full, state: 'ended' as const, endedAt: at('2024-05-01T09:01:00.000Z'), hangupCause: 17, hangupCauseText: 'User busy', hangupSide: 'callee' as const };
      await store().direct.calls.update(ended);
      expect(await store().direct.calls.get('c1')).toEqual(ended);
      expect(await store().direct.calls.get('none')).toBeNull();

      const fullLeg = leg('c1.1', 'c1', {
        role: 'customer',
        channelName: 'PJSIP/upc-00000001',
        state: 'up',
        account: { kind: 'trunk', id: 1 },
        answeredAt: at('2024-05-01T09:00:05.250Z'),
        hangupRequested: true,
      });
      await store().direct.calls.insertLeg(fullLeg);
      expect(await store().direct.calls.getLeg('c1.1')).toEqual(fullLeg);
      const endedLeg = { ...fullLeg, state: 'ended' as const, endedAt: at('2024-05-01T09:01:00.000Z'), cause: 16, causeText: 'Normal Clearing' };
      await store().direct.calls.updateLeg(endedLeg);
      expect(await store().direct.calls.getLeg('c1.1')).toEqual(endedLeg);
      expect(await store().direct.calls.getLeg('none')).toBeNull();
    });

    it('refuses a second call or leg with one id, and a leg of a call that does not exist', async () => {
      await store().direct.calls.insert(call('c2'));
      await expect(store().direct.calls.insert(call('c2'))).rejects.toThrow();
      await store().direct.calls.insertLeg(leg('c2.1', 'c2'));
      await expect(store().direct.calls.insertLeg(leg('c2.1', 'c2'))).rejects.toThrow();
      await expect(store().direct.calls.insertLeg(leg('none.1', 'none'))).rejects.toThrow();
      expect(await store().direct.calls.getLeg('none.1')).toBeNull();
    });

    it('keeps call data but not its key order (as Postgres jsonb)', async () => {
      await store().direct.calls.insert(call('c4', { data: { customuuid: 'x', cb: { url: 'u', at: 1 } } }));
      const data = (await store().direct.calls.get('c4'))!.data as Record<string, Record<string, unknown>>;
      expect(Object.keys(data)).toEqual(['cb', 'customuuid']);
      expect(Object.keys(data.cb!)).toEqual(['at', 'url']);
    });

    it('moves a leg to another call (a customer transferred into a queue)', async () => {
      await store().direct.calls.insert(call('c5'));
      await store().direct.calls.insert(call('c6'));
      const moving = leg('c5.2', 'c5', { role: 'customer', state: 'up' });
      await store().direct.calls.insertLeg(moving);
      await store().direct.calls.updateLeg({ ...moving, callId: 'c6', role: 'caller' });
      expect(await store().direct.calls.legsOf('c5')).toEqual([]);
      expect(await store().direct.calls.legsOf('c6')).toEqual([{ ...moving, callId: 'c6', role: 'caller' }]);
    });

    it('lists the legs of a call in creation order', async () => {
      await store().direct.calls.insert(call('c3'));
      await store().direct.calls.insertLeg(leg('c3.b', 'c3', { createdAt: at('2024-05-01T09:00:02.000Z') }));
      await store().direct.calls.insertLeg(leg('c3.a', 'c3', { createdAt: at('2024-05-01T09:00:01.000Z') }));
      await store().direct.calls.insertLeg(leg('c3.c', 'c3', { createdAt: at('2024-05-01T09:00:02.000Z') }));
      expect((await store().direct.calls.legsOf('c3')).map((row) => row.id)).toEqual(['c3.a', 'c3.b', 'c3.c']);
      expect(await store().direct.calls.legsOf('none')).toEqual([]);
    });
  });

  describe('calls waiting in queues', () => {
    const store = freshStore(makeStore);
    const waiting = (id: string, queueName: string, createdAt: string, forAgentId?: string): CallOf<'inbound'> => ({
      ...call(id, { direction: 'inbound', state: 'answered', createdAt: at(createdAt) }),
      purpose: 'inbound',
      progress: { stage: 'waiting', did: '', queueName, mohClass: 'default', callerLegId: `${id}.1`, agentLegs: [], agentLegId: null, ...(forAgentId ? { forAgentId } : {}) },
    });

    it('lists the calls of the queues named and, with an agent, those waiting for that agent alone, oldest first', async () => {
      await store().direct.calls.insert(waiting('w1', 'SALES', '2024-05-01T09:00:03.000Z'));
      await store().direct.calls.insert(waiting('w2', 'AGENTDIRECT', '2024-05-01T09:00:02.000Z', '1001'));
      await store().direct.calls.insert(waiting('w3', 'AGENTDIRECT', '2024-05-01T09:00:01.000Z', '1002'));
      const ids = async (queues: string[], agentId?: string) => (await store().direct.calls.listWaiting(queues, agentId)).map((row) => row.id);
      expect(await ids(['SALES'])).toEqual(['w1']);
      expect(await ids(['SALES'], '1001')).toEqual(['w2', 'w1']);
      expect(await ids([], '1002')).toEqual(['w3']);
      expect(await ids([], '1003')).toEqual([]);
      expect(await ids(['AGENTDIRECT'])).toEqual(['w3', 'w2']);
      expect((await store().direct.calls.listWaiting([], '1001'))[0]?.progress).toMatchObject({ forAgentId: '1001' });
    });

    it("lists for an agent, in one read, the calls of the queues it is a member of and those waiting for it alone, oldest first", async () => {
      const { agents, queues, calls } = store().direct;
      for (const id of ['wa1', 'wa2']) await agents.upsert(agent(id));
      for (const name of ['BILLING', 'RETURNS']) await queues.upsert(queue(name, { strategy: 'ringall' }));
      await queues.putMember('BILLING', queueMember('wa1'));
      await calls.insert(waiting('v1', 'BILLING', '2024-05-01T10:00:03.000Z'));
      await calls.insert(waiting('v2', 'RETURNS', '2024-05-01T10:00:01.000Z'));
      await calls.insert(waiting('v3', 'AGENTDIRECT', '2024-05-01T10:00:02.000Z', 'wa1'));
      await calls.insert(waiting('v4', 'AGENTDIRECT', '2024-05-01T10:00:00.000Z', 'wa2'));
      const ids = async (agentId: string) => (await calls.listWaitingForAgent(agentId)).map((row) => row.id);
      expect(await ids('wa1')).toEqual(['v3', 'v1']);
      expect(await ids('wa2')).toEqual(['v4']);
      await queues.putMember('RETURNS', queueMember('wa1'));
      expect(await ids('wa1')).toEqual(['v2', 'v3', 'v1']);
      await calls.update({ ...waiting('v2', 'RETURNS', '2024-05-01T10:00:01.000Z'), state: 'ended' });
      expect(await ids('wa1')).toEqual(['v3', 'v1']);
      expect(await ids('nobody')).toEqual([]);
    });
  });

  describe('live calls and channels', () => {
    const store = freshStore(makeStore);
    beforeAll(async () => {
      await store().direct.calls.insert(call('late', { createdAt: at('2024-05-01T09:00:10.000Z') }));
      await store().direct.calls.insert(call('early', { createdAt: at('2024-05-01T09:00:00.000Z'), state: 'answered' }));
      await store().direct.calls.insert(call('over', { state: 'ended', endedAt: at('2024-05-01T09:00:20.000Z') }));
      await store().direct.calls.insertLeg(leg('early.2', 'early', { channelName: 'PJSIP/upc-2', state: 'up', account: { kind: 'trunk', id: 1 }, createdAt: at('2024-05-01T09:00:01.000Z') }));
      await store().direct.calls.insertLeg(leg('early.1', 'early', { channelName: 'PJSIP/100-1', state: 'ringing' }));
      await store().direct.calls.insertLeg(leg('early.3', 'early', { channelName: null, createdAt: at('2024-05-01T09:00:02.000Z') }));
      await store().direct.calls.insertLeg(leg('early.4', 'early', { channelName: 'PJSIP/100-4', state: 'ended', createdAt: at('2024-05-01T09:00:03.000Z') }));
      await store().direct.calls.insertLeg(leg('late.1', 'late', { channelName: 'PJSIP/100-1', createdAt: at('2024-05-01T09:00:10.000Z') }));
      await store().direct.calls.insertLeg(leg('over.1', 'over', { channelName: 'PJSIP/100-9', state: 'ended' }));
    });

    it('lists live calls oldest first, each with all its legs', async () => {
      const live = await store().direct.calls.listLive();
      expect(live.map(({ call: row, legs }) => [row.id, legs.map((item) => item.id)])).toEqual([
        ['early', ['early.1', 'early.2', 'early.3', 'early.4']],
        ['late', ['late.1']],
      ]);
    });

    it('lists the named live legs of live calls, calls oldest first, legs in creation order', async () => {
      expect(await store().direct.calls.listLiveChannels()).toEqual([
        { channelName: 'PJSIP/100-1', context: 'from-internal', state: 'ringing', callerNumber: '100', dialedNumber: '420777000111', account: null, createdAt: at('2024-05-01T09:00:00.000Z') },
        { channelName: 'PJSIP/upc-2', context: 'from-internal', state: 'up', callerNumber: '100', dialedNumber: '420777000111', account: { kind: 'trunk', id: 1 }, createdAt: at('2024-05-01T09:00:01.000Z') },
        { channelName: 'PJSIP/100-1', context: 'from-internal', state: 'dialing', callerNumber: '100', dialedNumber: '420777000111', account: null, createdAt: at('2024-05-01T09:00:10.000Z') },
      ]);
    });

    it("tells when the latest ended leg over an extension's phone ended; null for one whose legs never ended", async () => {
      const phone = { kind: 'extension' as const, id: 7 };
      await store().direct.calls.insertLeg(leg('over.2', 'over', { state: 'ended', account: phone, endedAt: at('2024-05-01T09:00:20.000Z') }));
      await store().direct.calls.insertLeg(leg('over.3', 'over', { state: 'ended', account: phone, endedAt: at('2024-05-01T09:00:30.000Z') }));
      await store().direct.calls.insertLeg(leg('over.4', 'over', { state: 'ended', account: { kind: 'trunk', id: 7 }, endedAt: at('2024-05-01T09:00:40.000Z') }));
      await store().direct.calls.insertLeg(leg('late.2', 'late', { state: 'up', account: { kind: 'extension', id: 8 } }));
      expect(await store().direct.calls.lastLegEndOfExtension(7)).toEqual(at('2024-05-01T09:00:30.000Z'));
      expect(await store().direct.calls.lastLegEndOfExtension(8)).toBeNull();
      expect(await store().direct.calls.lastLegEndOfExtension(9)).toBeNull();
    });

    it('finds the newest live leg by channel name, never an ended one', async () => {
      expect((await store().direct.calls.findLiveLegByChannelName('PJSIP/100-1'))?.id).toBe('late.1');
      expect(await store().direct.calls.findLiveLegByChannelName('PJSIP/100-4')).toBeNull();
      expect(await store().direct.calls.findLiveLegByChannelName('PJSIP/100-9')).toBeNull();
    });
  });
}

export function playbackContract(makeStore: MakeStore): void {
  describe('playbacks', () => {
    const store = freshStore(makeStore);
    beforeAll(async () => {
      await store().direct.agents.upsert(agent('p-agent'));
      await store().direct.calls.insert(call('p-call'));
    });

    it('round-trips every field and updates', async () => {
      const full = playback('p1', {
        agentId: 'p-agent',
        callId: 'p-call',
        target: { kind: 'bridge', bridgeId: 'p-call.bridge' },
        state: 'playing',
        offsetMs: 1500,
        playedMs: 250,
        resumedAt: at('2024-05-01T09:00:01.500Z'),
        startedAt: at('2024-05-01T09:00:01.000Z'),
        continues: 'p0',
      });
      await store().direct.playbacks.insert(full);
      expect(await store().direct.playbacks.get('p1')).toEqual(full);
      const finished = { ...full, state: 'finished' as const, finishCause: 'stopped' as const, finishedAt: at('2024-05-01T09:00:09.000Z') };
      await store().direct.playbacks.update(finished);
      expect(await store().direct.playbacks.get('p1')).toEqual(finished);
      const onLeg = playback('p1b', { target: { kind: 'leg', legId: 'p-call.1' } });
      await store().direct.playbacks.insert(onLeg);
      expect(await store().direct.playbacks.get('p1b')).toEqual(onLeg);
      expect(await store().direct.playbacks.get('none')).toBeNull();
    });

    it("finds an agent's and a call's newest active playback (pending, playing or paused), and unfinished ones", async () => {
      await store().direct.playbacks.insert(playback('p2', { agentId: 'p-agent', callId: 'p-call', state: 'paused', createdAt: at('2024-05-01T09:00:02.000Z') }));
      await store().direct.playbacks.insert(playback('p3', { agentId: 'p-agent', callId: 'p-call', state: 'finishing', createdAt: at('2024-05-01T09:00:03.000Z') }));
      expect((await store().direct.playbacks.activeForAgent('p-agent'))?.id).toBe('p2');
      expect((await store().direct.playbacks.activeForCall('p-call'))?.id).toBe('p2');
      expect((await store().direct.playbacks.listUnfinishedForCall('p-call')).map((row) => row.id)).toEqual(['p2', 'p3']);
      expect(await store().direct.playbacks.activeForAgent('nobody')).toBeNull();
      expect(await store().direct.playbacks.listUnfinishedForCall('none')).toEqual([]);
      expect((await store().direct.playbacks.listUnfinished()).map((row) => row.id)).toEqual(['p1b', 'p2', 'p3']);
    });
  });
}

export function cdrContract(makeStore: MakeStore): void {
  describe('CDRs', () => {
    const store = freshStore(makeStore);
    const full = cdr('r1', {
      purpose: 'voice_menu',
      tenant: '2028',
      extension: '100',
      answeredAt: at('2024-05-01T09:00:05.000Z'),
      billsec: 25,
      hangupSide: 'system',
      recordingFile: 'rec/r1.wav',
      data: { customuuid: 'u', keys: ['1'] },
    });
    // Every test of the block reads these two; none writes another CDR.
    let first: Cdr;
    let second: Cdr;
    beforeAll(async () => {
      for (const id of ['r1', 'r2', 'r3']) await store().direct.calls.insert(call(id));
      first = await store().direct.cdrs.insert(full);
      second = await store().direct.cdrs.insert(cdr('r2', { startedAt: at('2024-05-01T10:00:00.000Z') }));
    });

    it('numbers CDRs in increasing order and round-trips every field', async () => {
      expect(first).toEqual({ ...full, id: first.id });
      expect(second.id).toBeGreaterThan(first.id);
      expect(await store().direct.cdrs.getByCall('r1')).toEqual(first);
      expect(await store().direct.cdrs.getByCall('r3')).toBeNull();
    });

    it('keeps one CDR per call, and writes none for a call that does not exist', async () => {
      await expect(store().direct.cdrs.insert(cdr('none'))).rejects.toThrow();
      expect(await store().direct.cdrs.getByCall('none')).toBeNull();
      await expect(store().direct.cdrs.insert(cdr('r1'))).rejects.toThrow(/cdrs_call_id_key/);
      await expect(store().transaction((tx) => tx.cdrs.insert(cdr('r2')))).rejects.toThrow(/cdrs_call_id_key/);
    });

    it('lists by id, since a start time, up to a limit', async () => {
      expect((await store().direct.cdrs.list()).map((row) => row.callId)).toEqual(['r1', 'r2']);
      expect((await store().direct.cdrs.list({ since: at('2024-05-01T09:30:00.000Z') })).map((row) => row.callId)).toEqual(['r2']);
      expect((await store().direct.cdrs.list({ since: at('2024-05-01T10:00:00.000Z') })).map((row) => row.callId)).toEqual(['r2']);
      expect((await store().direct.cdrs.list({ limit: 1 })).map((row) => row.callId)).toEqual(['r1']);
      expect(await store().direct.cdrs.list({ limit: 0 })).toEqual([]);
    });

    it('searches by tenant, start window, direction, recording file and starting operation, paged by id', async () => {
      const found = async (criteria: CdrSearch) => (await store().direct.cdrs.search(criteria)).map((row) => row.callId);
      expect(await found({})).toEqual(['r1', 'r2']);
      expect(await found({ tenant: '2028' })).toEqual(['r1']);
      expect(await found({ tenant: null })).toEqual(['r2']);
      expect(await found({ from: at('2024-05-01T09:30:00.000Z'), to: at('2024-05-01T10:00:00.000Z') })).toEqual(['r2']);
      expect(await found({ to: at('2024-05-01T09:00:00.000Z') })).toEqual(['r1']);
      expect(await found({ direction: 'inbound' })).toEqual([]);
      expect(await found({ recordingFile: 'rec/r1.wav' })).toEqual(['r1']);
      expect(await found({ originOperation: { in: ['originate'] } })).toEqual(['r1', 'r2']);
      expect(await found({ originOperation: { notIn: ['originate'] } })).toEqual([]);
      expect(await found({ originOperation: { in: [] } })).toEqual([]);
      expect(await found({ offset: 1, limit: 1 })).toEqual(['r2']);
    });

    it('keeps read marks per reader, once per CDR, only of CDRs that exist', async () => {
      const r1 = (await store().direct.cdrs.getByCall('r1'))!;
      await store().direct.cdrs.markRead('company-a', [r1.id, r1.id], at('2024-05-02T00:00:00.000Z'));
      await store().direct.cdrs.markRead('company-a', [r1.id], at('2024-05-03T00:00:00.000Z'));
      const found = async (reader: string, read: boolean) => (await store().direct.cdrs.search({ reader, read })).map((row) => row.callId);
      expect(await found('company-a', true)).toEqual(['r1']);
      expect(await found('company-a', false)).toEqual(['r2']);
      expect(await found('company-b', false)).toEqual(['r1', 'r2']);
      await expect(store().direct.cdrs.markRead('company-a', [r1.id + 1000], at('2024-05-02T00:00:00.000Z'))).rejects.toThrow();
    });
  });
}
