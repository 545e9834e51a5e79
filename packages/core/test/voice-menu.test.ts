import { DomainError, PbxFailure, type VoiceMenuRequest } from '../src';
import {
  extension,
  extensionGroup,
  trunk,
  describeEvents,
  legOf,
  legsOf,
  createTestCore,
  type TestCore,
} from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({
    config: { voiceMenuKeyWaitMs: 5000, media: { urlHosts: ['media.example.com'] } },
    directory: {
      extensions: [extension(11, '301'), extension(12, '302'), extension(13, '303')],
      groups: [extensionGroup('extGroup-1', [11, 12, 13], { tenant: '2028', ringTimeoutSec: 25 }), extensionGroup('empty', [])],
      trunks: [trunk(1, { callerIdPool: ['2120280001', '2120280002'] })],
    },
  });
}

const request = (overrides: Partial<VoiceMenuRequest> = {}): VoiceMenuRequest => ({
  destination: '85781218893',
  callerId: '2120280001',
  media: { kind: 'sound', name: 'ivr/menu' },
  transferKey: '1',
  groupName: 'extGroup-1',
  tenant: '2028',
  data: { customuuid: '110001168', chengshudu: '1' },
  origin: { dialect: 'sipcall', operation: 'PlayVoice', apiUserId: 'u1' },
  ...overrides,
});

async function refusal(t: TestCore, req: VoiceMenuRequest): Promise<DomainError> {
  try {
    await t.core.startVoiceMenuCall(req);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('voice menu was accepted');
}

/** Called, answered, menu audio started. */
async function menuPlaying(t: TestCore, req = request()): Promise<{ callId: string; customerId: string; playbackId: string }> {
  const { callId } = await t.core.startVoiceMenuCall(req);
  const customerId = `${callId}.1`;
  await t.ring(customerId);
  await t.answer(customerId);
  const playbackId = t.pbx.played()[0]!.playbackId;
  await t.playbackStarted(playbackId);
  return { callId, customerId, playbackId };
}

const memberIds = async (t: TestCore, callId: string): Promise<string[]> =>
  (await legsOf(t, callId)).filter((leg) => leg.role === 'member').map((leg) => leg.id);

describe('starting a voice menu', () => {
  it('calls the number over the trunk with the caller id asked for', async () => {
    const t = await setup();
    const { callId } = await t.core.startVoiceMenuCall(request());
    expect(t.pbx.originated()).toEqual([
      { legId: `${callId}.1`, endpoint: 'PJSIP/85781218893@upc', callerId: { number: '2120280001' }, timeoutSec: t.config.destinationRingTimeoutSec },
    ]);
    const { call, legs } = (await t.core.getCall(callId))!;
    expect(call).toMatchObject({
      purpose: 'voice_menu',
      tenant: '2028',
      fromNumber: '2120280001',
      toNumber: '85781218893',
      progress: { stage: 'dialing', transferKey: '1', groupName: 'extGroup-1', media: 'sound:ivr/menu', mediaName: 'ivr/menu', pressedKey: null, answeredBy: null },
      // The client's own data only: the flow's state is kept apart.
      data: { customuuid: '110001168', chengshudu: '1' },
    });
    expect(legs).toEqual([expect.objectContaining({ role: 'customer', dialedNumber: '85781218893', account: { kind: 'trunk', id: 1 } })]);
  });

  it("picks a caller id from the trunk's pool when none is given", async () => {
    const t = await setup();
    t.ids.answerRandomInts(1);
    await t.core.startVoiceMenuCall(request({ callerId: null }));
    expect(t.pbx.originated()[0]!.callerId).toEqual({ number: '2120280002' });
  });

  it('accepts audio from a configured host', async () => {
    const t = await setup();
    const { callId } = await t.core.startVoiceMenuCall(request({ media: { kind: 'url', url: 'http://media.example.com/test.mp3' } }));
    expect((await t.core.getCall(callId))!.call.progress).toMatchObject({ media: 'sound:http://media.example.com/test.mp3' });
  });

  it.each([
    ['a transfer key of two digits', { transferKey: '12' }, 'INVALID_ARGUMENT'],
    ['a letter as transfer key', { transferKey: 'a' }, 'INVALID_ARGUMENT'],
    ['a destination that is no number', { destination: '8578-1218893' }, 'INVALID_NUMBER'],
    ['audio from an unlisted host', { media: { kind: 'url', url: 'http://wwww.baidu.com/test.mp3' } }, 'MEDIA_NOT_ALLOWED'],
    ['an unknown group', { groupName: 'extGroup-9' }, 'EXTENSION_GROUP_NOT_FOUND'],
    ["another tenant's group", { tenant: '9017' }, 'EXTENSION_GROUP_NOT_FOUND'],
  ] as const)('refuses %s', async (_why, overrides, code) => {
    const t = await setup();
    expect((await refusal(t, request(overrides))).code).toBe(code);
    expect(t.pbx.commands).toEqual([]);
    expect(await t.core.listLiveCalls()).toEqual([]);
  });

  it('names the unknown group', async () => {
    const t = await setup();
    expect((await refusal(t, request({ groupName: 'extGroup-9' }))).details).toEqual({ group: 'extGroup-9' });
  });
});

describe('the menu', () => {
  it("plays the audio to the callee once answered", async () => {
    const t = await setup();
    const { callId } = await t.core.startVoiceMenuCall(request());
    await t.answer(`${callId}.1`);
    const [played] = t.pbx.played();
    expect(played).toEqual({ playbackId: expect.stringMatching(new RegExp(`^${callId}\\.pb-`)), target: { kind: 'leg', legId: `${callId}.1` }, media: 'sound:ivr/menu' });
    expect((await t.core.getCall(callId))!.call).toMatchObject({ state: 'answered', progress: { stage: 'playing' }, answeredAt: t.clock.now() });
  });

  it("on the right key rings every member with the callee's number; the first to answer gets the call", async () => {
    const t = await setup();
    const { callId, customerId, playbackId } = await menuPlaying(t);
    t.pbx.clearCommands();
    t.takeEvents();

    await t.dtmf(customerId, '1');
    const members = await memberIds(t, callId);
    expect(members).toHaveLength(3);
    const bridgeId = `${callId}.bridge`;
    expect(t.pbx.describe()).toEqual([
      `stopPlayback ${playbackId}`,
      `ensureBridge ${bridgeId} mixing`,
      `addToBridge ${bridgeId} ${customerId}`,
      `setRinging ${customerId} on`,
      `originate ${members[0]} PJSIP/sip301`,
      `originate ${members[1]} PJSIP/sip302`,
      `originate ${members[2]} PJSIP/sip303`,
    ]);
    for (const member of t.pbx.originated()) expect(member).toMatchObject({ callerId: { number: '85781218893' }, timeoutSec: 25 });
    expect(describeEvents(t.events)).toEqual(['PlaybackFinished stopped']);
    expect((await t.core.getCall(callId))!.call).toMatchObject({ progress: { stage: 'transferring', pressedKey: '1' } });

    for (const member of members) await t.ring(member);
    t.pbx.clearCommands();
    await t.answer(members[1]!);
    expect(t.pbx.describe()).toEqual([
      `addToBridge ${bridgeId} ${members[1]}`,
      `setRinging ${customerId} off`,
      `hangup ${members[0]}`,
      `hangup ${members[2]}`,
    ]);
    expect((await t.core.getCall(callId))!.call).toMatchObject({ progress: { stage: 'connected' }, extension: '302' });
    await t.confirmHangups();
    expect((await t.core.getCall(callId))!.call.state).toBe('answered');

    await t.advance(42_000);
    await t.endLeg(customerId);
    expect(t.pbx.hungUp().slice(-1)).toEqual([members[1]]);
    await t.confirmHangups();
    const cdrs = await t.store.direct.cdrs.list();
    expect(cdrs).toHaveLength(1);
    expect(cdrs[0]).toMatchObject({
      callId,
      purpose: 'voice_menu',
      tenant: '2028',
      extension: '302',
      fromNumber: '2120280001',
      toNumber: '85781218893',
      billsec: 42,
      hangupCause: 16,
      hangupSide: 'callee',
      pressedKey: '1',
      data: { customuuid: '110001168', chengshudu: '1' },
    });
  });

  it('reports the extension as the side that hung up when it ends the transferred call', async () => {
    const t = await setup();
    const { callId, customerId } = await menuPlaying(t);
    await t.dtmf(customerId, '1');
    const members = await memberIds(t, callId);
    await t.answer(members[0]!);
    await t.confirmHangups();
    await t.endLeg(members[0]!);
    expect(t.pbx.hungUp().slice(-1)).toEqual([customerId]);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ extension: '301', hangupSide: 'caller', hangupCause: 16 });
  });

  it('releases a member that answers after another one', async () => {
    const t = await setup();
    const { callId, customerId } = await menuPlaying(t);
    await t.dtmf(customerId, '1');
    const members = await memberIds(t, callId);
    await t.answer(members[2]!);
    t.pbx.clearCommands();
    await t.answer(members[0]!);
    expect((await t.core.getCall(callId))!.call).toMatchObject({ extension: '303' });
    expect(t.pbx.describe()).not.toContain(`addToBridge ${callId}.bridge ${members[0]}`);
  });

  it('reports a member that answers after another one as ringing then ended, never as answered', async () => {
    const t = await setup();
    const { callId, customerId } = await menuPlaying(t);
    await t.dtmf(customerId, '1');
    const members = await memberIds(t, callId);
    for (const member of members) await t.ring(member);
    await t.answer(members[2]!);
    t.takeEvents();
    // The engine answered 301 before the gateway released it: it lost the race.
    await t.answer(members[0]!);
    await t.confirmHangups();
    const aboutLoser = t.events.filter((event) => 'leg' in event && event.leg.id === members[0]);
    expect(describeEvents(aboutLoser)).toEqual(['LegEnded member']);
    expect(t.pbx.hungUp()).toContain(members[0]);
    expect((await t.core.getCall(callId))!.call).toMatchObject({ extension: '303', progress: { answeredBy: members[2] } });
  });

  it('records only the first key', async () => {
    const t = await setup();
    const { callId, customerId } = await menuPlaying(t);
    await t.dtmf(customerId, '1');
    await t.dtmf(customerId, '9');
    expect((await t.core.getCall(callId))!.call.progress).toMatchObject({ pressedKey: '1' });
  });

  it('hangs up on a wrong key, keeping the key for the CDR', async () => {
    const t = await setup();
    const { callId, customerId, playbackId } = await menuPlaying(t);
    t.pbx.clearCommands();
    await t.dtmf(customerId, '2');
    expect(t.pbx.describe()).toEqual([`stopPlayback ${playbackId}`, `hangup ${customerId}`]);
    await t.confirmHangups();
    expect((await t.core.getCall(callId))!.call).toMatchObject({ state: 'ended', progress: { stage: 'wrong_key' } });
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'system', pressedKey: '2' });
    expect(t.pbx.originated()).toEqual([]);
  });

  it('waits for the key after the audio and hangs up when none comes in time', async () => {
    const t = await setup();
    const { callId, customerId, playbackId } = await menuPlaying(t);
    await t.playbackFinished(playbackId, 'done');
    expect((await t.core.getCall(callId))!.call.progress.stage).toBe('awaiting_key');
    t.pbx.clearCommands();

    await t.advance(4999);
    expect(t.pbx.commands).toEqual([]);
    await t.advance(1);
    expect(t.pbx.describe()).toEqual([`hangup ${customerId}`]);
    await t.confirmHangups();
    expect((await t.core.getCall(callId))!.call).toMatchObject({ state: 'ended', progress: { stage: 'no_key' } });
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'system', pressedKey: null });
  });

  it('transfers on the right key pressed after the audio, and the timer then does nothing', async () => {
    const t = await setup();
    const { callId, customerId, playbackId } = await menuPlaying(t);
    await t.playbackFinished(playbackId, 'done');
    await t.advance(3000);
    await t.dtmf(customerId, '1');
    expect((await t.core.getCall(callId))!.call.progress.stage).toBe('transferring');
    t.pbx.clearCommands();
    await t.advance(5000);
    expect(t.pbx.commands).toEqual([]);
  });

  it('hangs up when no member answers', async () => {
    const t = await setup();
    const { callId, customerId } = await menuPlaying(t);
    await t.dtmf(customerId, '1');
    const members = await memberIds(t, callId);
    await t.advance(25_000);
    t.pbx.clearCommands();
    await t.endLeg(members[0]!, 19, 'No answer');
    await t.endLeg(members[1]!, 19, 'No answer');
    expect(t.pbx.commands).toEqual([]);
    await t.endLeg(members[2]!, 19, 'No answer');
    expect(t.pbx.describe()).toEqual([`hangup ${customerId}`]);
    await t.confirmHangups();
    expect((await t.core.getCall(callId))!.call.progress.stage).toBe('nobody_answered');
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'system', extension: null });
  });

  it('rings the members that can be rung when one cannot', async () => {
    const t = await setup();
    const { callId, customerId } = await menuPlaying(t);
    t.pbx.failNext('originate', new PbxFailure('rejected', 'endpoint not found', 404));
    await t.dtmf(customerId, '1');
    const legs = (await legsOf(t, callId)).filter((leg) => leg.role === 'member');
    expect(legs.map((leg) => leg.state)).toEqual(['ended', 'dialing', 'dialing']);
    expect((await t.core.getCall(callId))!.call.progress.stage).toBe('transferring');
  });

  it('hangs up when the group has nobody to ring', async () => {
    const t = await setup();
    const { callId, customerId } = await menuPlaying(t, request({ groupName: 'empty' }));
    await t.dtmf(customerId, '1');
    expect(t.pbx.hungUp()).toEqual([customerId]);
    await t.confirmHangups();
    expect((await t.core.getCall(callId))!.call.progress.stage).toBe('nobody_to_ring');
  });

  it('with an empty transfer key, transfers when the audio ends, whatever was pressed', async () => {
    const t = await setup();
    const { callId, customerId, playbackId } = await menuPlaying(t, request({ transferKey: '' }));
    t.pbx.clearCommands();
    await t.dtmf(customerId, '5');
    expect(t.pbx.commands).toEqual([]);
    expect((await t.core.getCall(callId))!.call).toMatchObject({ progress: { stage: 'playing', pressedKey: '5' } });
    await t.playbackFinished(playbackId, 'done');
    expect((await t.core.getCall(callId))!.call.progress.stage).toBe('transferring');
    expect(await memberIds(t, callId)).toHaveLength(3);
  });

  it('ends the call when the audio cannot start', async () => {
    const t = await setup();
    const { callId } = await t.core.startVoiceMenuCall(request());
    t.pbx.failNext('play');
    await t.answer(`${callId}.1`);
    expect(t.pbx.hungUp()).toEqual([`${callId}.1`]);
    await t.confirmHangups();
    expect((await t.core.getCall(callId))!.call.progress.stage).toBe('media_failed');
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupSide: 'system' });
  });

  it('ends the call when the engine reports the audio failed', async () => {
    const t = await setup();
    const { callId, customerId, playbackId } = await menuPlaying(t);
    t.takeEvents();
    await t.playbackFinished(playbackId, 'failed');
    expect(describeEvents(t.events)).toEqual(['PlaybackFinished failed']);
    expect(t.pbx.hungUp()).toEqual([customerId]);
    await t.confirmHangups();
    expect((await t.core.getCall(callId))!.call.progress.stage).toBe('media_failed');
  });

  it('ends when the callee hangs up during the menu, with one CDR', async () => {
    const t = await setup();
    const { callId, customerId } = await menuPlaying(t);
    await t.advance(7000);
    await t.endLeg(customerId);
    expect(await t.store.direct.cdrs.list()).toEqual([expect.objectContaining({ callId, hangupSide: 'callee', billsec: 7, extension: null })]);
  });

  it('ends with the cause of a callee that does not answer', async () => {
    const t = await setup();
    const { callId } = await t.core.startVoiceMenuCall(request());
    await t.advance(45_000);
    await t.endLeg(`${callId}.1`, 19, 'No answer');
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupCause: 19, hangupSide: 'callee', answeredAt: null, billsec: 0, durationSec: 45 });
    expect(t.pbx.played()).toEqual([]);
  });

  it('ignores keys pressed before the audio plays or by a member', async () => {
    const t = await setup();
    const { callId, customerId } = await menuPlaying(t);
    await t.dtmf(customerId, '1');
    const [member] = await memberIds(t, callId);
    await t.answer(member!);
    await t.dtmf(member!, '2');
    await t.dtmf(customerId, '3');
    expect((await t.core.getCall(callId))!.call).toMatchObject({ progress: { stage: 'connected', pressedKey: '1' } });
  });

  it('gives every call its own CDR', async () => {
    const t = await setup();
    const first = await menuPlaying(t);
    const second = await menuPlaying(t, request({ destination: '85781218894' }));
    await t.endLeg(first.customerId);
    await t.dtmf(second.customerId, '7');
    await t.confirmHangups();
    const cdrs = await t.store.direct.cdrs.list();
    expect(cdrs.map((cdr) => [cdr.callId, cdr.toNumber])).toEqual([
      [first.callId, '85781218893'],
      [second.callId, '85781218894'],
    ]);
    expect(await legOf(t, second.callId, 'customer')).toMatchObject({ state: 'ended', hangupRequested: true });
  });
});
