import { DomainError, type VoiceBroadcastBatchRequest, type VoiceBroadcastRequest } from '../src';
import { createTestCore, trunk, type TestCore } from '@pbx-gateway/test-support';
import { HANGUP_AFTER_AUDIO_MS } from '../src/calls/voice-broadcast-flow';

const PACE_MS = 1000;

async function setup(options: { trunks?: boolean } = {}): Promise<TestCore> {
  return createTestCore({
    config: { voiceBroadcast: { maxLiveCalls: 2, paceMs: PACE_MS, maxBatchNumbers: 5, maxQueuedNumbers: 8, retentionHours: 168 } },
    directory: { extensions: [], trunks: options.trunks === false ? [] : [trunk(1, { callerIdPool: ['2120280001'] })] },
  });
}

const plan = {
  callerId: null,
  media: { kind: 'sound' as const, name: 'sipcall/2028/notice' },
  collectKey: false,
  ringSec: null,
  talkLimitSec: null,
  tenant: '2028',
  data: { customuuid: 'c-1' },
  origin: { dialect: 'sipcall', operation: 'PlayVoice', apiUserId: 'u1' },
};

const single = (overrides: Partial<VoiceBroadcastRequest> = {}): VoiceBroadcastRequest => ({ ...plan, destination: '13333333333', ...overrides });
const batch = (overrides: Partial<VoiceBroadcastBatchRequest> = {}): VoiceBroadcastBatchRequest => ({
  ...plan,
  destinations: ['1001', '1002', '1003', '1001', '1004'],
  dialUntil: null,
  ...overrides,
});

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('accepted');
}

const dialled = (t: TestCore): string[] => t.pbx.originated().map((originate) => originate.endpoint.replace('@upc', ''));

describe('a played call (one number)', () => {
  it('dials the number showing a pool number, plays the file on answer, hangs up a moment after it ends; CDR by the gateway', async () => {
    const t = await setup();
    const { callId } = await t.core.startVoiceBroadcastCall(single({ ringSec: 20 }));
    expect(t.pbx.originated()).toEqual([expect.objectContaining({ legId: `${callId}.1`, callerId: { number: '2120280001' }, timeoutSec: 20 })]);
    await t.ring(`${callId}.1`);
    await t.answer(`${callId}.1`);
    const playback = t.pbx.played()[0]!;
    expect(playback).toMatchObject({ target: { kind: 'leg', legId: `${callId}.1` }, media: 'sound:sipcall/2028/notice' });
    await t.playbackStarted(playback.playbackId);
    await t.playbackFinished(playback.playbackId, 'done');
    expect((await t.core.getCall(callId))!.call.progress.stage).toBe('ending');
    t.pbx.clearCommands();
    await t.advance(HANGUP_AFTER_AUDIO_MS - 1);
    expect(t.pbx.describe()).toEqual([]);
    await t.advance(1);
    expect(t.pbx.describe()).toEqual([`hangup ${callId}.1`]);
    await t.confirmHangups();
    expect((await t.core.getCall(callId))!.call).toMatchObject({ state: 'ended', progress: { stage: 'played' } });
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ purpose: 'voice_broadcast', hangupSide: 'system', pressedKey: null, tenant: '2028', toNumber: '13333333333' });
  });

  it('a callee who hangs up during the audio is the one who ended the call', async () => {
    const t = await setup();
    const { callId } = await t.core.startVoiceBroadcastCall(single());
    await t.answer(`${callId}.1`);
    const { playbackId } = t.pbx.played()[0]!;
    // The engine fails the playback of a channel hanging up before it reports the channel gone.
    await t.playbackFinished(playbackId, 'failed');
    await t.endLeg(`${callId}.1`, 16);
    await t.advance(1000);
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'callee', hangupCause: 16 });
  });

  it('a callee who hangs up as the audio is asked for (the engine refuses it) is the one who ended the call', async () => {
    const t = await setup();
    const { callId } = await t.core.startVoiceBroadcastCall(single());
    t.pbx.failNext('play');
    await t.answer(`${callId}.1`);
    expect((await t.core.getCall(callId))!.call.progress.stage).toBe('ending');
    await t.endLeg(`${callId}.1`, 16);
    await t.advance(HANGUP_AFTER_AUDIO_MS);
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'callee', hangupCause: 16 });
  });

  it('audio the engine refuses on a callee still there: the gateway hangs up a moment later', async () => {
    const t = await setup();
    const { callId } = await t.core.startVoiceBroadcastCall(single());
    t.pbx.failNext('play');
    await t.answer(`${callId}.1`);
    t.pbx.clearCommands();
    await t.advance(HANGUP_AFTER_AUDIO_MS);
    expect(t.pbx.describe()).toEqual([`hangup ${callId}.1`]);
    await t.confirmHangups();
    expect((await t.core.getCall(callId))!.call).toMatchObject({ state: 'ended', progress: { stage: 'media_failed' } });
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'system' });
  });

  it('the talk limit hangs up while the audio plays', async () => {
    const t = await setup();
    const { callId } = await t.core.startVoiceBroadcastCall(single({ talkLimitSec: 5 }));
    await t.answer(`${callId}.1`);
    t.pbx.clearCommands();
    await t.advance(4999);
    expect(t.pbx.describe()).toEqual([]);
    await t.advance(1);
    expect(t.pbx.describe()).toEqual([`hangup ${callId}.1`]);
    await t.confirmHangups();
    expect((await t.core.getCall(callId))!.call.progress.stage).toBe('talk_limit');
  });

  it('taking a key: the first key stops the audio and ends the call, recorded; no key in time ends it too', async () => {
    const t = await setup();
    const { callId } = await t.core.startVoiceBroadcastCall(single({ collectKey: true }));
    await t.answer(`${callId}.1`);
    const { playbackId } = t.pbx.played()[0]!;
    t.pbx.clearCommands();
    await t.dtmf(`${callId}.1`, '7');
    expect(t.pbx.describe()).toEqual([`stopPlayback ${playbackId}`, `hangup ${callId}.1`]);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ pressedKey: '7', hangupSide: 'system' });

    const other = await t.core.startVoiceBroadcastCall(single({ collectKey: true }));
    await t.answer(`${other.callId}.1`);
    await t.playbackFinished(t.pbx.played().at(-1)!.playbackId, 'done');
    expect((await t.core.getCall(other.callId))!.call.progress.stage).toBe('awaiting_key');
    await t.advance(t.config.voiceMenuKeyWaitMs);
    await t.confirmHangups();
    expect((await t.core.getCall(other.callId))!.call.progress.stage).toBe('no_key');
  });

  it('refuses what it cannot dial or play, and limits out of range', async () => {
    const t = await setup();
    expect((await refusal(t.core.startVoiceBroadcastCall(single({ destination: 'abc' })))).code).toBe('INVALID_NUMBER');
    expect((await refusal(t.core.startVoiceBroadcastCall(single({ media: { kind: 'url', url: 'http://evil.example/a.mp3' } })))).code).toBe('MEDIA_NOT_ALLOWED');
    expect((await refusal(t.core.startVoiceBroadcastCall(single({ ringSec: 0 })))).code).toBe('INVALID_ARGUMENT');
    expect((await refusal(t.core.startVoiceBroadcastCall(single({ talkLimitSec: 86401 })))).code).toBe('INVALID_ARGUMENT');
    expect(t.pbx.originated()).toEqual([]);
  });
});

describe('a batch of played calls', () => {
  it('dials each number once, never more than maxLiveCalls at a time, the next ones as calls end', async () => {
    const t = await setup();
    expect(await t.core.startVoiceBroadcastBatch(batch())).toMatchObject({ numbers: 4 });
    await t.advance(0);
    expect(dialled(t)).toEqual(['PJSIP/1001', 'PJSIP/1002']);
    const [first, second] = t.pbx.originated();
    await t.endLeg(first!.legId, 17);
    await t.advance(PACE_MS);
    expect(dialled(t)).toEqual(['PJSIP/1001', 'PJSIP/1002', 'PJSIP/1003']);
    await t.advance(PACE_MS);
    expect(dialled(t)).toHaveLength(3);
    await t.endLeg(second!.legId, 19);
    await t.endLeg(t.pbx.originated()[2]!.legId, 19);
    await t.advance(PACE_MS);
    expect(dialled(t)).toEqual(['PJSIP/1001', 'PJSIP/1002', 'PJSIP/1003', 'PJSIP/1004']);
    await t.endLeg(t.pbx.originated()[3]!.legId, 19);
    await t.advance(PACE_MS * 3);
    expect(dialled(t)).toHaveLength(4);
    const cdrs = await t.store.direct.cdrs.list();
    expect(cdrs.map((cdr) => cdr.toNumber).sort()).toEqual(['1001', '1002', '1003', '1004']);
    expect(cdrs.every((cdr) => cdr.purpose === 'voice_broadcast' && cdr.tenant === '2028')).toBe(true);
  });

  it('drops the numbers not dialled by dialUntil (todayonly): never called, no CDR', async () => {
    const t = await setup();
    await t.core.startVoiceBroadcastBatch(batch({ dialUntil: new Date(t.clock.now().getTime() + 1500) }));
    await t.advance(0);
    expect(dialled(t)).toHaveLength(2);
    await t.advance(2000);
    for (const originate of t.pbx.originated()) await t.endLeg(originate.legId, 19);
    await t.advance(PACE_MS * 2);
    expect(dialled(t)).toEqual(['PJSIP/1001', 'PJSIP/1002']);
    expect(await t.store.direct.cdrs.list()).toHaveLength(2);
    expect(t.logger.lines.some((entry) => entry.message === 'batch of played calls all dialled' && entry.facts?.dropped === 2)).toBe(true);
    const [queued] = t.logger.lines.filter((entry) => entry.message === 'batch of played calls queued');
    const numbers = await t.store.direct.voiceBroadcasts.numbersOf(String(queued!.facts!.batchId));
    expect(numbers.map((entry) => entry.state)).toEqual(['placed', 'placed', 'dropped', 'dropped']);
  });

  it('removes the numbers of a finished batch once its last call ended retentionHours ago, by the core clock; not those of a batch still dialling', async () => {
    const t = await setup();
    const { batchId: done } = await t.core.startVoiceBroadcastBatch(batch({ destinations: ['1001', '1002'] }));
    await t.advance(0);
    for (const originate of t.pbx.originated()) await t.endLeg(originate.legId, 16);
    await t.advance(PACE_MS);
    const endedAt = Math.max(...(await t.store.direct.cdrs.list()).map((cdr) => cdr.endedAt.getTime()));
    // A second batch still has a call up and a number waiting.
    const { batchId: dialling } = await t.core.startVoiceBroadcastBatch(batch({ destinations: ['2001', '2002', '2003'] }));
    await t.advance(0);
    expect(await t.core.removeFinishedVoiceBroadcasts()).toEqual({ removed: 0 });

    await t.advance(168 * 3_600_000 - (t.clock.now().getTime() - endedAt) - 1);
    expect(await t.core.removeFinishedVoiceBroadcasts()).toEqual({ removed: 0 });
    expect((await t.store.direct.voiceBroadcasts.numbersOf(done)).map((entry) => entry.state)).toEqual(['placed', 'placed']);
    await t.advance(2);
    expect(await t.core.removeFinishedVoiceBroadcasts()).toEqual({ removed: 1 });
    expect(await t.store.direct.voiceBroadcasts.numbersOf(done)).toEqual([]);
    expect((await t.store.direct.voiceBroadcasts.numbersOf(dialling)).map((entry) => entry.state)).toEqual(['placed', 'placed', 'pending']);
    // The calls and their CDRs stay.
    expect((await t.store.direct.cdrs.list()).map((cdr) => cdr.toNumber).filter((number) => number.startsWith('100')).sort()).toEqual(['1001', '1002']);
    expect(t.logger.lines.some((entry) => entry.message === 'finished batches of played calls removed' && entry.facts?.removed === 1)).toBe(true);
  });

  it('batches take turns for the room: one number of each in the order they were queued', async () => {
    const t = await setup();
    await t.core.startVoiceBroadcastBatch(batch({ destinations: ['1001', '1002', '1003'] }));
    await t.core.startVoiceBroadcastBatch(batch({ destinations: ['2001', '2002'] }));
    await t.advance(0);
    expect(dialled(t)).toEqual(['PJSIP/1001', 'PJSIP/2001']);
    for (const round of [0, 1]) {
      for (const originate of t.pbx.originated().slice(round * 2)) await t.endLeg(originate.legId, 16);
      await t.advance(PACE_MS);
    }
    expect(dialled(t)).toEqual(['PJSIP/1001', 'PJSIP/2001', 'PJSIP/1002', 'PJSIP/2002', 'PJSIP/1003']);
  });

  it('a restarted gateway dials on the numbers still waiting, never one already placed, and counts the calls still up', async () => {
    const t = await setup();
    const { batchId } = await t.core.startVoiceBroadcastBatch(batch());
    await t.advance(0);
    expect(dialled(t)).toEqual(['PJSIP/1001', 'PJSIP/1002']);
    expect((await t.store.direct.voiceBroadcasts.numbersOf(batchId)).map((entry) => entry.state)).toEqual(['placed', 'placed', 'pending', 'pending']);

    const again = t.restartGateway();
    await again.advance(0);
    // The two calls placed before the restart still take the room.
    expect(dialled(again)).toHaveLength(2);
    const [first, second] = again.pbx.originated();
    await again.endLeg(first!.legId, 16);
    await again.advance(PACE_MS);
    expect(dialled(again)).toEqual(['PJSIP/1001', 'PJSIP/1002', 'PJSIP/1003']);
    await again.endLeg(second!.legId, 16);
    await again.advance(PACE_MS);
    expect(dialled(again)).toEqual(['PJSIP/1001', 'PJSIP/1002', 'PJSIP/1003', 'PJSIP/1004']);
    for (const originate of again.pbx.originated().slice(2)) await again.endLeg(originate.legId, 16);
    await again.advance(PACE_MS * 3);
    expect(dialled(again)).toHaveLength(4);

    const numbers = await again.store.direct.voiceBroadcasts.numbersOf(batchId);
    expect(numbers.map((entry) => [entry.number, entry.state])).toEqual([
      ['1001', 'placed'],
      ['1002', 'placed'],
      ['1003', 'placed'],
      ['1004', 'placed'],
    ]);
    const cdrs = await again.store.direct.cdrs.list();
    expect(cdrs.map((cdr) => cdr.callId).sort()).toEqual(numbers.map((entry) => entry.callId).sort());
    expect(await again.store.direct.voiceBroadcasts.countPending()).toBe(0);
  });

  it('numbers wait while the engine is away, instead of each ending as a failed call', async () => {
    const t = await setup();
    t.pbx.setAvailable(false);
    const { batchId } = await t.core.startVoiceBroadcastBatch(batch());
    await t.advance(PACE_MS * 3);
    expect(t.pbx.originated()).toEqual([]);
    expect(await t.store.direct.cdrs.list()).toEqual([]);
    t.pbx.setAvailable(true);
    await t.advance(PACE_MS);
    expect(dialled(t)).toEqual(['PJSIP/1001', 'PJSIP/1002']);
    expect((await t.store.direct.voiceBroadcasts.numbersOf(batchId)).map((entry) => entry.state)).toEqual(['placed', 'placed', 'pending', 'pending']);
  });

  it('refuses a whole batch before queuing anything: a bad number, too many, none, no trunk, too many waiting', async () => {
    const t = await setup();
    expect((await refusal(t.core.startVoiceBroadcastBatch(batch({ destinations: ['1001', 'x'] })))).code).toBe('INVALID_NUMBER');
    expect((await refusal(t.core.startVoiceBroadcastBatch(batch({ destinations: ['1', '2', '3', '4', '5', '6'] })))).code).toBe('INVALID_ARGUMENT');
    expect((await refusal(t.core.startVoiceBroadcastBatch(batch({ destinations: [] })))).code).toBe('INVALID_ARGUMENT');
    await t.core.startVoiceBroadcastBatch(batch({ destinations: ['1', '2', '3', '4', '5'] }));
    // The pacer has not run yet: 5 wait, and 4 more would be 9, over maxQueuedNumbers (8).
    expect((await refusal(t.core.startVoiceBroadcastBatch(batch({ destinations: ['6', '7', '8', '9'] })))).code).toBe('PBX_REJECTED');
    const bare = await setup({ trunks: false });
    expect((await refusal(bare.core.startVoiceBroadcastBatch(batch())))).toMatchObject({ code: 'TRUNK_NOT_FOUND' });
    await bare.advance(PACE_MS);
    expect(bare.pbx.originated()).toEqual([]);
  });
});
