import { createEventLogProjector, EVENT_LOG_START, eventLogEntry, type ClickToCallRequest, type DomainEvent, type EventLogEntry } from '../src';
import { agent, createTestCore, extension, legOf, loginPlain, trunk, type TestCore } from '@pbx-gateway/test-support';

// The event log projector: every domain event goes into the log, in the
// transaction that made it true, under its topic and its call's tenant.

async function setup(): Promise<TestCore> {
  return createTestCore({
    directory: { agents: [agent('1000')], extensions: [extension(5, '100')], trunks: [trunk(1)] },
    projectors: [createEventLogProjector()],
  });
}

const clickToCall: ClickToCallRequest = {
  source: { by: 'internal_number', value: '100' },
  dialplan: null,
  destination: '800123456',
  sourceCallerId: { number: '800123456', name: 'Click to call' },
  destinationCallerId: null,
  sourceRingSec: 20,
  destinationRingSec: 40,
  data: {},
  tenant: 'acme',
  origin: { dialect: 'voipsun', operation: 'originate', apiUserId: 'u1' },
};

const logged = async (t: TestCore): Promise<EventLogEntry[]> => (await t.store.direct.eventLog.readAfter(EVENT_LOG_START, { topics: [] }, 1000)).entries;

test('an agent logging in and pausing: each event logged once, in order, as topic agents with no tenant', async () => {
  const t = await setup();
  await loginPlain(t, '1000');
  await t.core.pauseAgent({ agentId: '1000', reason: 'LUNCH' });
  const entries = await logged(t);
  expect(entries.map((entry) => entry.type)).toEqual(t.eventTypes());
  expect(entries.at(-1)).toEqual({
    id: expect.any(String),
    at: t.clock.now(),
    tenant: null,
    topic: 'agents',
    type: 'AgentStateChanged',
    data: { agentId: '1000', from: 'ready', to: 'paused', reason: 'LUNCH', endedPause: null },
  });
});

test("a transaction's events reach a projector that takes them all at once together, in order, once per transaction that published any", async () => {
  const batches: string[][] = [];
  const t = await createTestCore({
    directory: { agents: [agent('1000')], extensions: [extension(5, '100')], trunks: [trunk(1)] },
    projectors: [
      {
        name: 'batches',
        async projectAll(events: readonly DomainEvent[]) {
          batches.push(events.map((event) => event.type));
        },
      },
    ],
  });
  const { callId } = await t.core.startClickToCall(clickToCall);
  const source = await legOf(t, callId, 'source');
  await t.ring(source.id);
  await t.answer(source.id);
  await t.endLeg(source.id);
  await t.confirmHangups();
  expect(batches.flat()).toEqual(t.eventTypes());
  expect(batches.every((batch) => batch.length > 0)).toBe(true);
  expect(batches.some((batch) => batch.length > 1)).toBe(true);
});

test("a call's events carry its tenant; its end carries the CDR", async () => {
  const t = await setup();
  const { callId } = await t.core.startClickToCall(clickToCall);
  const source = await legOf(t, callId, 'source');
  await t.ring(source.id);
  await t.answer(source.id);
  await t.endLeg(source.id);
  await t.confirmHangups();
  const entries = await logged(t);
  expect(entries.every((entry) => entry.topic === 'calls' && entry.tenant === 'acme')).toBe(true);
  const ended = entries.find((entry) => entry.type === 'CallEnded')!;
  expect(ended.data).toMatchObject({
    call: { id: callId, tenant: 'acme', origin: { dialect: 'voipsun', operation: 'originate' }, state: 'ended', toNumber: '800123456' },
    cdr: { callId, tenant: 'acme', hangupCause: 16, toNumber: '800123456' },
  });
  // The API account that placed the call is no reader's business.
  expect(JSON.stringify(ended.data)).not.toContain('apiUserId');
  expect(entries.find((entry) => entry.type === 'LegAnswered')?.data).toMatchObject({ leg: { id: source.id, role: 'source', state: 'up' } });
});

test('queue and lead events have topics of their own', () => {
  const at = new Date('2024-05-01T09:00:00.000Z');
  expect(eventLogEntry({ type: 'LeadAdded', leadId: 7, listId: 101, campaignId: 'TESTCAMP', at })).toEqual({
    at,
    type: 'LeadAdded',
    topic: 'leads',
    tenant: null,
    data: { leadId: 7, listId: 101, campaignId: 'TESTCAMP' },
  });
  expect(eventLogEntry({ type: 'PlaybackStarted', playbackId: 'p1', agentId: '1000', callId: null, at }).topic).toBe('playbacks');
});

test("a customer transferred to a queue: a calls event of the call's tenant; an agent's events belong to no tenant", () => {
  const at = new Date('2024-05-01T09:00:00.000Z');
  const transferred = eventLogEntry({ type: 'CustomerTransferred', callId: 'c1', agentId: '1000', toCallId: 'c2', tag: null, tenant: 'acme', at });
  expect(transferred).toMatchObject({ topic: 'calls', tenant: 'acme', data: { callId: 'c1', agentId: '1000', toCallId: 'c2' } });
  expect(eventLogEntry({ type: 'AgentPhoneRinging', agentId: '1000', callId: 'c1', legId: 'l1', at }).tenant).toBeNull();
});

test('a sign-out logs its cause only when the sign-out gave one', async () => {
  const t = await setup();
  await loginPlain(t, '1000');
  await t.core.logoutAgent({ agentId: '1000', whenInCall: 'force', cause: 42 });
  await loginPlain(t, '1000');
  await t.core.logoutAgent({ agentId: '1000', whenInCall: 'refuse' });
  const signOuts = (await logged(t)).filter((entry) => entry.type === 'AgentLoggedOut').map((entry) => entry.data);
  expect(signOuts).toEqual([
    { agentId: '1000', via: expect.any(String), reason: 'forced', cause: 42 },
    { agentId: '1000', via: expect.any(String), reason: 'requested' },
  ]);
});
