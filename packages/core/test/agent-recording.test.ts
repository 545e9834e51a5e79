import { DomainError, PbxFailure, type Recording } from '../src';
import { agent, trunk, legOf, loginPlain, loginWithConference, ORIGIN, createTestCore, type TestCore } from '@pbx-gateway/test-support';
import { recordingName } from '../src/recording/recording-name';

async function setup(): Promise<TestCore> {
  return createTestCore({ directory: { agents: [agent('1000'), agent('1001')], trunks: [trunk(1)] } });
}

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

/** Agent 1000 in its conference with a customer who answered. */
async function inCallWithCustomer(t: TestCore): Promise<{ callId: string; customerLegId: string }> {
  await loginWithConference(t, '1000');
  const { callId } = await t.core.startAgentCustomerCall({ agentId: '1000', number: '5550100', callerId: null, origin: ORIGIN });
  const customer = await legOf(t, callId, 'customer');
  await t.answer(customer.id);
  return { callId, customerLegId: customer.id };
}

const started = (t: TestCore, name: string) => ({ type: 'recording_started' as const, recordingName: name, at: t.clock.now() });

describe('recording file names', () => {
  it('date and time (UTC), agent, label and a unique part, only path-safe characters', () => {
    const at = new Date('2026-03-04T05:06:07Z');
    expect(recordingName(at, '1000', null, 'abc')).toBe('20260304-050607_1000_abc');
    expect(recordingName(at, '1000', 'In Call/../x', 'a.b-c')).toBe('20260304-050607_1000_InCallx_ab-c');
  });
});

describe('starting a recording of the agent conference', () => {
  it('records the conference bridge under a name the gateway chose; the engine reports start and end', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    t.pbx.clearCommands();
    const expectedId = `agent-1000.rec-${t.ids.peekNextId()}`;

    const { recording } = await t.core.startAgentRecording({ agentId: '1000', label: 'SALE' });
    expect(recording).toMatchObject({
      id: expectedId,
      agentId: '1000',
      bridgeId: 'agent-1000.conference',
      callId: null,
      leadId: null,
      format: 'wav',
      state: 'pending',
      createdAt: t.clock.now(),
    });
    expect(recording.name).toMatch(/^\d{8}-\d{6}_1000_SALE_/);
    expect(recording.location).toBe(`${recording.name}.wav`);
    expect(t.pbx.describe()).toEqual(['ensureBridge agent-1000.conference mixing', `recordBridge agent-1000.conference ${recording.name}.wav`]);
    expect(t.engineCommandsInTransaction).toEqual([]);

    const startedAt = t.clock.now();
    await t.emit({ type: 'recording_started', recordingName: recording.name, at: startedAt });
    expect(await t.core.getRecording(recording.id)).toMatchObject({ state: 'recording', startedAt });
    await t.advance(4000);
    await t.emit({ type: 'recording_finished', recordingName: recording.name, durationSec: null, at: t.clock.now() });
    expect(await t.core.getRecording(recording.id)).toMatchObject({ state: 'finished', startedAt, endedAt: t.clock.now(), durationSec: 4 });
    expect(await t.core.liveAgentRecordings('1000')).toEqual([]);
  });

  it('several at once: each its own file, all listed as live', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const first = (await t.core.startAgentRecording({ agentId: '1000' })).recording;
    const second = (await t.core.startAgentRecording({ agentId: '1000' })).recording;
    expect(second.name).not.toBe(first.name);
    expect((await t.core.liveAgentRecordings('1000')).map((r) => r.id)).toEqual([first.id, second.id]);
  });

  it('during a call: linked to the call, whose CDR names the first recording', async () => {
    const t = await setup();
    const { callId, customerLegId } = await inCallWithCustomer(t);
    const first = (await t.core.startAgentRecording({ agentId: '1000' })).recording;
    const second = (await t.core.startAgentRecording({ agentId: '1000' })).recording;
    expect(first).toMatchObject({ callId, leadId: null });
    expect((await t.core.recordingsOfCall(callId)).map((r) => r.id)).toEqual([first.id, second.id]);

    await t.endLeg(customerLegId);
    const cdr = await t.core.getCdrOfCall(callId);
    expect(cdr?.recordingFile).toBe(first.location);
  });

  it('refuses an agent who is not logged in, or has no conference, and asks nothing of the engine', async () => {
    const t = await setup();
    expect((await refusal(t.core.startAgentRecording({ agentId: '1000' }))).code).toBe('AGENT_NOT_LOGGED_IN');
    await loginPlain(t, '1001');
    t.pbx.clearCommands();
    expect((await refusal(t.core.startAgentRecording({ agentId: '1001' }))).code).toBe('SESSION_HAS_NO_CONFERENCE');
    expect(t.pbx.commands).toEqual([]);
  });

  it('a recording the engine refuses never started: PBX_REJECTED, marked failed, and the CDR does not name it', async () => {
    const t = await setup();
    const { callId, customerLegId } = await inCallWithCustomer(t);
    t.pbx.failNext('recordBridge');
    expect((await refusal(t.core.startAgentRecording({ agentId: '1000' }))).code).toBe('PBX_REJECTED');
    const [failed] = await t.core.recordingsOfCall(callId);
    expect(failed).toMatchObject({ state: 'failed', endedAt: t.clock.now() });
    expect(await t.core.liveAgentRecordings('1000')).toEqual([]);
    await t.endLeg(customerLegId);
    expect((await t.core.getCdrOfCall(callId))?.recordingFile).toBeNull();
  });

  it('refused at once while the engine is away, leaving no row', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    t.pbx.setAvailable(false);
    expect((await refusal(t.core.startAgentRecording({ agentId: '1000' }))).code).toBe('PBX_UNAVAILABLE');
    t.pbx.setAvailable(true);
    expect(await t.core.liveAgentRecordings('1000')).toEqual([]);
  });

  it('the engine failing to record marks the recording failed', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { recording } = await t.core.startAgentRecording({ agentId: '1000' });
    await t.emit({ type: 'recording_failed', recordingName: recording.name, cause: 'no space', at: t.clock.now() });
    expect(await t.core.getRecording(recording.id)).toMatchObject({ state: 'failed', durationSec: null });
  });

  it('events of recordings the gateway does not know change nothing', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { recording } = await t.core.startAgentRecording({ agentId: '1000' });
    await t.emit({ type: 'recording_finished', recordingName: `${recording.name}-other`, durationSec: 3, at: t.clock.now() });
    expect(await t.core.getRecording(recording.id)).toMatchObject({ state: 'pending', endedAt: null });
    expect(t.logger.messages('error')).toEqual([]);
  });
});

describe('stopping the agent recordings', () => {
  it('stops every live recording on the engine; each ends when the engine reports its file complete', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const first = (await t.core.startAgentRecording({ agentId: '1000' })).recording;
    const second = (await t.core.startAgentRecording({ agentId: '1000' })).recording;
    await t.emit(started(t, first.name));
    t.pbx.clearCommands();

    const { stopped } = await t.core.stopAgentRecordings({ agentId: '1000' });
    expect(stopped.map((r: Recording) => [r.id, r.state])).toEqual([
      [first.id, 'stopping'],
      [second.id, 'stopping'],
    ]);
    expect(t.pbx.describe()).toEqual([`stopRecording ${first.name}`, `stopRecording ${second.name}`]);
    expect(t.engineCommandsInTransaction).toEqual([]);
    expect(await t.core.liveAgentRecordings('1000')).toEqual([]);

    await t.emit({ type: 'recording_finished', recordingName: first.name, durationSec: 7, at: t.clock.now() });
    expect(await t.core.getRecording(first.id)).toMatchObject({ state: 'finished', durationSec: 7 });
  });

  it('nothing recording: nothing stopped, nothing asked of the engine', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    t.pbx.clearCommands();
    expect((await t.core.stopAgentRecordings({ agentId: '1000' })).stopped).toEqual([]);
    expect(t.pbx.commands).toEqual([]);
  });

  it('a stop the engine refuses changes nothing and is reported', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { recording } = await t.core.startAgentRecording({ agentId: '1000' });
    t.pbx.failNext('stopRecording', new PbxFailure('rejected', 'no', 500));
    expect((await refusal(t.core.stopAgentRecordings({ agentId: '1000' }))).code).toBe('PBX_REJECTED');
    expect((await t.core.liveAgentRecordings('1000')).map((r) => r.id)).toEqual([recording.id]);
  });

  it('refuses an agent who is not logged in', async () => {
    const t = await setup();
    expect((await refusal(t.core.stopAgentRecordings({ agentId: '1000' }))).code).toBe('AGENT_NOT_LOGGED_IN');
  });
});

describe('the session ends', () => {
  it('its recordings are stopped before the conference goes and recorded finished (Asterisk reports no end for them)', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const { recording } = await t.core.startAgentRecording({ agentId: '1000' });
    await t.emit(started(t, recording.name));
    await t.advance(5000);
    t.pbx.clearCommands();
    await t.core.logoutAgent({ agentId: '1000', whenInCall: 'defer' });
    const commands = t.pbx.describe();
    expect(commands.indexOf(`stopRecording ${recording.name}`)).toBeGreaterThanOrEqual(0);
    expect(commands.indexOf(`stopRecording ${recording.name}`)).toBeLessThan(commands.indexOf('destroyBridge agent-1000.conference'));
    expect(await t.core.getRecording(recording.id)).toMatchObject({ state: 'finished', endedAt: t.clock.now(), durationSec: 5 });
  });
});

describe('reconciliation with the engine', () => {
  it('recordings the engine no longer has end: started or stopping ones finished, one never reported started failed; live ones stay', async () => {
    const t = await setup();
    await loginWithConference(t, '1000');
    const stopping = (await t.core.startAgentRecording({ agentId: '1000' })).recording;
    await t.emit(started(t, stopping.name));
    await t.core.stopAgentRecordings({ agentId: '1000' });
    const running = (await t.core.startAgentRecording({ agentId: '1000' })).recording;
    const unheard = (await t.core.startAgentRecording({ agentId: '1000' })).recording;
    const kept = (await t.core.startAgentRecording({ agentId: '1000' })).recording;
    for (const r of [running, kept]) await t.emit(started(t, r.name));
    await t.advance(3000);
    // The engine lost all but one while the gateway was not listening.
    t.pbx.recordings.clear();
    t.pbx.recordings.set(kept.name, kept.bridgeId);

    await t.emit({ type: 'pbx_connected', at: t.clock.now() });
    expect(await t.core.getRecording(running.id)).toMatchObject({ state: 'finished', endedAt: t.clock.now(), durationSec: 3 });
    expect(await t.core.getRecording(stopping.id)).toMatchObject({ state: 'finished', durationSec: 3 });
    expect(await t.core.getRecording(unheard.id)).toMatchObject({ state: 'failed', durationSec: null });
    expect(await t.core.getRecording(kept.id)).toMatchObject({ state: 'recording', endedAt: null });
  });
});
