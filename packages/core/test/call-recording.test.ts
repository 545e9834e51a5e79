import { DomainError, type ClickToCallRequest } from '../src';
import { createTestCore, extension, legOf, trunk, type TestCore } from '@pbx-gateway/test-support';

async function setup(): Promise<TestCore> {
  return createTestCore({ directory: { extensions: [extension(5, '100')], trunks: [trunk(1)] } });
}

const request = (recording: ClickToCallRequest['recording']): ClickToCallRequest => ({
  source: { by: 'internal_number', value: '100' },
  dialplan: null,
  destination: '800123456',
  sourceCallerId: { number: '000', name: 'Dialer' },
  destinationCallerId: null,
  sourceRingSec: null,
  destinationRingSec: null,
  recording,
  data: {},
  origin: { dialect: 'voipsun', operation: 'originate', apiUserId: 'u1' },
});

/** The click-to-call placed and both sides answered. */
async function connected(t: TestCore, recording: ClickToCallRequest['recording']): Promise<{ callId: string; sourceId: string; destinationId: string }> {
  const { callId } = await t.core.startClickToCall(request(recording));
  const sourceId = (await legOf(t, callId, 'source')).id;
  await t.answer(sourceId);
  const destinationId = (await legOf(t, callId, 'destination')).id;
  await t.answer(destinationId);
  return { callId, sourceId, destinationId };
}

async function refusal(t: TestCore, recording: ClickToCallRequest['recording']): Promise<DomainError> {
  try {
    await t.core.startClickToCall(request(recording));
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('click-to-call was accepted');
}

describe('a click-to-call recorded on request', () => {
  it('records the call bridge once both sides are connected; the recording is the call’s and its CDR names it', async () => {
    const t = await setup();
    const { callId, destinationId } = await connected(t, { directory: 'nas/2020', name: 'deal_42' });
    expect(t.pbx.describe()).toContain(`recordBridge ${callId}.bridge nas/2020/deal_42.wav`);
    const [recording] = await t.core.recordingsOfCall(callId);
    expect(recording).toMatchObject({ name: 'nas/2020/deal_42', location: 'nas/2020/deal_42.wav', agentId: null, callId, bridgeId: `${callId}.bridge`, state: 'pending' });

    await t.emit({ type: 'recording_started', recordingName: 'nas/2020/deal_42', at: t.clock.now() });
    expect((await t.core.getRecording(recording!.id))?.state).toBe('recording');
    await t.advance(7000);
    t.pbx.clearCommands();
    await t.endLeg(destinationId);
    await t.confirmHangups();
    const commands = t.pbx.describe();
    expect(commands.indexOf('stopRecording nas/2020/deal_42')).toBeGreaterThanOrEqual(0);
    expect(commands.indexOf('stopRecording nas/2020/deal_42')).toBeLessThan(commands.indexOf(`destroyBridge ${callId}.bridge`));
    expect(await t.core.getRecording(recording!.id)).toMatchObject({ state: 'finished', durationSec: 7 });
    expect((await t.core.getCdrOfCall(callId))?.recordingFile).toBe('nas/2020/deal_42.wav');
  });

  it('names the file itself when the client names none', async () => {
    const t = await setup();
    const { callId } = await connected(t, { directory: null, name: null });
    const [recording] = await t.core.recordingsOfCall(callId);
    expect(recording?.name).toMatch(/^\d{8}-\d{6}_100_[A-Za-z0-9_-]+$/);
  });

  it('is not recorded before the destination answers, nor at all when it never does', async () => {
    const t = await setup();
    const { callId } = await t.core.startClickToCall(request({ directory: null, name: 'never' }));
    const sourceId = (await legOf(t, callId, 'source')).id;
    await t.answer(sourceId);
    const destinationId = (await legOf(t, callId, 'destination')).id;
    await t.endLeg(destinationId, 19);
    await t.confirmHangups();
    expect(t.pbx.describe().some((command) => command.startsWith('recordBridge'))).toBe(false);
    expect(await t.core.recordingsOfCall(callId)).toEqual([]);
    expect((await t.core.getCdrOfCall(callId))?.recordingFile).toBeNull();
  });

  it('an engine refusing to record leaves the call going, unrecorded: the recording failed, the CDR names no file', async () => {
    const t = await setup();
    t.pbx.failNext('recordBridge');
    const { callId, destinationId } = await connected(t, { directory: null, name: 'taken' });
    expect((await t.core.getCall(callId))?.call.state).toBe('answered');
    expect((await t.core.recordingsOfCall(callId))[0]?.state).toBe('failed');
    await t.endLeg(destinationId);
    await t.confirmHangups();
    expect((await t.core.getCdrOfCall(callId))?.recordingFile).toBeNull();
  });

  it('a name the gateway already recorded under is not reused: the second call goes unrecorded', async () => {
    const t = await setup();
    const first = await connected(t, { directory: null, name: 'same' });
    await t.endLeg(first.destinationId);
    await t.confirmHangups();
    const second = await connected(t, { directory: null, name: 'same' });
    expect(await t.core.recordingsOfCall(second.callId)).toEqual([]);
    await t.endLeg(second.destinationId);
    await t.confirmHangups();
    expect((await t.core.getCdrOfCall(second.callId))?.recordingFile).toBeNull();
    expect((await t.core.getCdrOfCall(first.callId))?.recordingFile).toBe('same.wav');
  });

  it.each([
    ['a directory climbing out of the store', { directory: '../etc', name: 'x' }],
    ['a directory with a shell character', { directory: 'a;b', name: 'x' }],
    ['a name with a directory', { directory: null, name: 'a/b' }],
    ['a name with an extension', { directory: null, name: 'x.mp3' }],
    ['a name of dots', { directory: null, name: '..' }],
  ])('refuses %s before anything is dialled (INVALID_ARGUMENT)', async (_what, recording) => {
    const t = await setup();
    expect((await refusal(t, recording)).code).toBe('INVALID_ARGUMENT');
    expect(t.pbx.originated()).toEqual([]);
  });
});
