import type { ClickToCallRequest } from '../src';
import {
  agent,
  extension,
  trunk,
  loginWithConference,
  createTestCore,
  type TestCore,
} from '@pbx-gateway/test-support';

// Asterisk says each thing once. An event whose handling fails because the
// store is away must not leave a call up in the gateway's books for ever:
// once the store answers again, the engine's state is read again.

const CLICK_TO_CALL: ClickToCallRequest = {
  source: { by: 'internal_number', value: '100' },
  dialplan: null,
  destination: '800123456',
  sourceCallerId: { number: '800123456', name: '' },
  destinationCallerId: null,
  sourceRingSec: null,
  destinationRingSec: null,
  data: {},
  origin: { dialect: 'voipsun', operation: 'originate', apiUserId: null },
};

async function setup(): Promise<TestCore> {
  return createTestCore({ directory: { agents: [], extensions: [extension(5, '100')], trunks: [trunk(1)] } });
}

async function connectedClickToCall(t: TestCore): Promise<string> {
  const { callId } = await t.core.startClickToCall(CLICK_TO_CALL);
  await t.answer(`${callId}.1`);
  await t.answer(`${callId}.2`);
  return callId;
}

/** The store refuses every transaction (and, with `reads`, every live-call read) until `back()` is called. */
function storeAway(t: TestCore, options: { reads: boolean }): { back(): void } {
  const transaction = t.store.transaction.bind(t.store);
  const listLive = t.store.direct.calls.listLive.bind(t.store.direct.calls);
  const refused = (): Promise<never> => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
  t.store.transaction = refused;
  if (options.reads) t.store.direct.calls.listLive = refused;
  return {
    back() {
      t.store.transaction = transaction;
      t.store.direct.calls.listLive = listLive;
    },
  };
}

describe('engine events lost while the store is away', () => {
  it('a leg that ended meanwhile is ended once the store is back: the other party is released and the call gets its one CDR', async () => {
    const t = await setup();
    const callId = await connectedClickToCall(t);
    const outage = storeAway(t, { reads: false });
    await t.endLeg(`${callId}.2`);
    expect(t.logger.messages('error')).toContain('engine event handling failed');
    outage.back();
    expect(await t.core.getCdrOfCall(callId)).toBeNull();

    await t.advance(250);
    expect(t.pbx.describe()).toContain(`hangup ${callId}.1`);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ callId, hangupCause: 0, hangupCauseText: 'Unknown' });
    expect(await t.core.listLiveCalls()).toEqual([]);
    expect(t.eventTypes('CallEnded')).toHaveLength(1);
  });

  it('while the store stays away it tries again, waiting longer each time, and stops once a reconciliation went through', async () => {
    const t = await setup();
    const callId = await connectedClickToCall(t);
    const outage = storeAway(t, { reads: true });
    await t.endLeg(`${callId}.2`);
    await t.advance(250);
    await t.advance(500);
    await t.advance(1000);
    const retries = t.logger.messages('warn').filter((message) => message === 'reading the engine state again failed; retrying');
    expect(retries).toHaveLength(3);

    outage.back();
    await t.advance(2000);
    await t.confirmHangups();
    expect(await t.core.getCdrOfCall(callId)).not.toBeNull();
    // Done: no further attempt is waiting.
    const before = t.logger.lines.length;
    await t.advance(60_000);
    expect(t.logger.lines.slice(before).filter((line) => line.message.startsWith('reading the engine state again'))).toEqual([]);
  });

  it('a playback that finished meanwhile is finished once the store is back; the phone stays in its conference', async () => {
    const t = await createTestCore({ directory: { agents: [agent('1000')] } });
    const session = await loginWithConference(t, '1000');
    const { playback } = await t.core.startAgentPlayback({ agentId: '1000', media: { kind: 'sound', name: 'a' }, placement: 'conference' });
    await t.playbackStarted(playback.id);
    const outage = storeAway(t, { reads: false });
    await t.playbackFinished(playback.id);
    outage.back();
    expect(await t.core.activeAgentPlayback('1000')).toMatchObject({ id: playback.id, state: 'playing' });

    await t.advance(250);
    expect(await t.core.activeAgentPlayback('1000')).toBeNull();
    expect(t.eventTypes('PlaybackFinished')).toHaveLength(1);
    expect(await t.core.getAgentSession('1000')).toMatchObject({ conference: session.conference });
  });

  it('a reconnection to the engine while the store is away: its reconciliation is done once the store is back', async () => {
    const t = await setup();
    const callId = await connectedClickToCall(t);
    t.pbx.forgetEverything();
    const outage = storeAway(t, { reads: true });
    await t.emit({ type: 'pbx_connected', at: t.clock.now() });
    expect(t.logger.messages('error')).toContain('engine event handling failed');
    outage.back();
    expect(await t.core.getCdrOfCall(callId)).toBeNull();

    await t.advance(250);
    expect(await t.core.getCdrOfCall(callId)).toMatchObject({ hangupCause: 0, hangupSide: 'system' });
    expect(await t.core.listLiveCalls()).toEqual([]);
  });
});
