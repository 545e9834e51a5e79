import { waitFor } from '@pbx-gateway/test-support';
import { auditCallbacks, type OutboxRow } from './support/callback-audit';
import { seededRandom, type SeededRandom } from '@pbx-gateway/test-support';
import type { CallbackReceipt } from './support/stalling-callback-receiver';
import { customerRule, OUTBOX, startVoiceMenuCrashFixture, type CustomerBehaviour, type VoiceMenuCrashFixture } from './support/voice-menu-crash-fixture';

/**
 * The gateway process is SIGKILLed while Sip_Call voice-menu calls run and
 * their callbacks wait in the outbox, some of them in the middle of a
 * delivery; the simulator (Asterisk) keeps its channels while the gateway is
 * away. After a restart on the same database every callback reaches the
 * receiver, identical under its Idempotency-Key, in each call's order, and
 * every call ends with exactly one CDR.
 */

const CALLS_PER_RUN = 8;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(() => resolve(), ms));
const PLAYED = /^\{"ret":200,"data":\{"status":0,"desc":"Play command sent successfully","reqtime":\d+,"rsptime":\d+\},"msg":""\}$/;

interface PlannedCall {
  customuuid: string;
  destnumber: string;
  behaviour: CustomerBehaviour;
}

/** What one run did: its calls, the answers PlayVoice got, and which deliveries were unrecorded when the gateway died. */
interface RunRecord {
  planned: PlannedCall[];
  answers: Map<string, string | null>;
  unrecordedAtKill: Set<string>;
  kills: number;
  /** Voice-menu calls the gateway held live at each kill: the restart has to pick them up. */
  liveAtKills: number[];
}

function planCalls(random: SeededRandom, prefix: string): { calls: PlannedCall[]; apply: (fixture: VoiceMenuCrashFixture) => Promise<void> } {
  const behaviours: CustomerBehaviour[] = ['presses_1', 'presses_1', 'presses_1', 'presses_1', 'presses_2', 'silent', 'busy'];
  const calls = Array.from({ length: CALLS_PER_RUN }, (_, index) => ({
    customuuid: `${prefix}-${index}`,
    destnumber: `1380000${String(index).padStart(4, '0')}`,
    behaviour: index === 0 ? 'presses_1' : random.pick(behaviours),
  }));
  // Talk times long enough that some customers hang up while the gateway is away, short enough to end every call.
  const rules = calls.map((call) => customerRule(call.destnumber, call.behaviour, random.between(2000, 7000)));
  return { calls, apply: (fixture) => fixture.sim.control.setNumberRules(rules) };
}

/**
 * SIGKILLs the gateway and notes which callbacks had reached the receiver
 * (answered 200, or held open at that moment) without the gateway having
 * recorded their delivery: only those may legally arrive again.
 */
async function killAndRecord(fixture: VoiceMenuCrashFixture, record: RunRecord): Promise<Set<string>> {
  const killedAt = Date.now();
  await fixture.killGateway();
  record.kills += 1;
  const undelivered = new Set((await fixture.outbox()).filter((row) => !row.delivered_at).map((row) => row.id));
  const reachedAtKill = (receipt: CallbackReceipt): boolean =>
    receipt.outcome === 'accepted' || receipt.outcome === 'held' || (receipt.outcome === 'abandoned' && (receipt.endedAt ?? 0) >= killedAt);
  const inFlight = new Set(fixture.receiver.receipts().filter(reachedAtKill).map((receipt) => receipt.idempotencyKey).filter((key) => undelivered.has(key)));
  // Only the batch being delivered can be caught between the receiver's 200 and the gateway's record of it.
  expect(inFlight.size).toBeLessThanOrEqual(OUTBOX.batchSize);
  for (const key of inFlight) record.unrecordedAtKill.add(key);
  const live = await fixture.query<{ n: string }>("SELECT count(*) AS n FROM calls WHERE state <> 'ended' AND origin_dialect = 'sipcall'");
  record.liveAtKills.push(Number(live[0]!.n));
  return inFlight;
}

async function placeCalls(fixture: VoiceMenuCrashFixture, token: string, calls: readonly PlannedCall[], record: RunRecord, spacing: () => number): Promise<void> {
  const pending: Array<Promise<void>> = [];
  for (const call of calls) {
    pending.push(fixture.playVoice(token, call.customuuid, call.destnumber).then((answer) => void record.answers.set(call.customuuid, answer)));
    await sleep(spacing());
  }
  await Promise.all(pending);
}

/**
 * Waits until every call has ended, every callback is delivered and the
 * engine holds no channel the gateway does not know (a channel originated
 * by a command the kill rolled back goes once it answers into nothing).
 */
async function settle(fixture: VoiceMenuCrashFixture): Promise<void> {
  await waitFor(
    async () => {
      const live = await fixture.query<{ n: string }>("SELECT count(*) AS n FROM calls WHERE state <> 'ended' AND origin_dialect = 'sipcall'");
      const pending = await fixture.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE delivered_at IS NULL');
      const liveLegs = await fixture.query<{ n: string }>("SELECT count(*) AS n FROM legs WHERE state <> 'ended'");
      const channels = (await fixture.sim.control.listChannels()).length;
      return live[0]!.n === '0' && pending[0]!.n === '0' && Number(liveLegs[0]!.n) === channels;
    },
    90000,
    'every voice-menu call ended, every callback delivered, the engine holding only what the gateway knows',
  );
}

interface LegRow {
  id: string;
  call_id: string;
  role: string;
  state: string;
  channel_name: string | null;
  answered_at: Date | null;
}

async function verify(fixture: VoiceMenuCrashFixture, record: RunRecord, label: string): Promise<void> {
  const rows: OutboxRow[] = await fixture.outbox();
  const receipts = fixture.receiver.receipts();

  // Delivery: complete, identical per key, repeated only where the gateway died before recording, in order per call.
  const audit = auditCallbacks(receipts, rows, record.unrecordedAtKill);
  expect(audit.problems).toEqual([]);
  // The first kill caught calls in progress, so the restart had live calls to reconcile.
  expect(record.liveAtKills[0]).toBeGreaterThan(0);
  process.stdout.write(
    `${label}: ${record.kills} kill(s) with ${record.liveAtKills.join(' and ')} calls live, ${rows.length} callbacks, ${audit.deliveries} deliveries, ` +
      `${audit.repeatedKeys.length} received more than once, ${record.unrecordedAtKill.size} unrecorded at a kill\n`,
  );

  // Every PlayVoice answered as sent started a call; every call the gateway knows was one of ours.
  const calls = await fixture.query<{ id: string; state: string; customuuid: string; answered_by: string | null }>(
    "SELECT id, state, data->>'customuuid' AS customuuid, progress->>'answeredBy' AS answered_by FROM calls WHERE origin_dialect = 'sipcall'",
  );
  const planned = new Set(record.planned.map((call) => call.customuuid));
  for (const call of calls) expect(planned.has(call.customuuid)).toBe(true);
  for (const [customuuid, answer] of record.answers) {
    if (answer === null) continue;
    expect(answer).toMatch(PLAYED);
    expect(calls.filter((call) => call.customuuid === customuuid)).toHaveLength(1);
  }
  expect(calls.length).toBeGreaterThan(0);

  // One CDR per ended call, none for a live one; the CDR callback is that CDR, once per call.
  const cdrs = await fixture.query<{ id: string; call_id: string }>('SELECT id::text AS id, call_id FROM cdrs');
  const ended = await fixture.query<{ id: string }>("SELECT id FROM calls WHERE state = 'ended'");
  expect(cdrs.map((cdr) => cdr.call_id).sort()).toEqual(ended.map((call) => call.id).sort());
  const legs = await fixture.query<LegRow>('SELECT id, call_id, role, state, channel_name, answered_at FROM legs');
  for (const call of calls) {
    expect(call.state).toBe('ended');
    const ofCall = rows.filter((row) => row.ordering_key === call.id);
    const cdrCallbacks = ofCall.filter((row) => row.topic === 'sipcall.cdr').map((row) => JSON.parse(row.body) as { id: number; uuid: string; customuuid: string });
    expect(cdrCallbacks).toEqual([expect.objectContaining({ id: Number(cdrs.find((cdr) => cdr.call_id === call.id)!.id), uuid: call.id, customuuid: call.customuuid })]);
    const statuses = ofCall.filter((row) => row.topic === 'sipcall.status').map((row) => JSON.parse(row.body) as { buuid: string; status: string; uuid: string });
    for (const member of legs.filter((leg) => leg.call_id === call.id && leg.role === 'member')) {
      const of = (status: string) => statuses.filter((body) => body.buuid === member.id && body.status === status).length;
      // Only the member that got the caller was answered for the receiver; one whose phone answered after
      // another had won (or after the menu ended) was released unanswered: ring, then hang-up.
      const gotTheCaller = call.answered_by === member.id;
      if (gotTheCaller) expect(member.answered_at).not.toBeNull();
      expect({ leg: member.id, ring: of('ring') <= 1, answer: of('answer'), hangup: of('hangup') }).toEqual({
        leg: member.id,
        ring: true,
        answer: gotTheCaller ? 1 : 0,
        hangup: member.channel_name ? 1 : of('hangup'),
      });
      expect(of('hangup')).toBeLessThanOrEqual(1);
    }
    for (const status of statuses) {
      expect(status.uuid).toBe(call.id);
      expect(legs.some((leg) => leg.id === status.buuid && leg.role === 'member')).toBe(true);
    }
  }

  // The gateway and the engine agree: no live leg the engine lost, no channel the gateway does not know.
  const channels = (await fixture.sim.control.listChannels()).map((channel) => String(channel.id));
  const liveLegs = legs.filter((leg) => leg.state !== 'ended').map((leg) => leg.id);
  expect([...channels].sort()).toEqual([...liveLegs].sort());
}

describe('a gateway killed (SIGKILL) while Sip_Call callbacks are pending', () => {
  let fixture: VoiceMenuCrashFixture | null = null;

  afterEach(async () => {
    await fixture?.close();
    fixture = null;
  });

  it('callbacks failing, then held open by the receiver at the kill: after a restart each is delivered, once per key, in order, with one CDR per call', async () => {
    fixture = await startVoiceMenuCrashFixture();
    const random = seededRandom(1);
    const plan = planCalls(random, 'held');
    await plan.apply(fixture);
    const record: RunRecord = { planned: plan.calls, answers: new Map(), unrecordedAtKill: new Set(), kills: 0, liveAtKills: [] };
    fixture.receiver.setMode({ kind: 'fail' });
    await fixture.startGateway();
    const token = await fixture.login();
    await placeCalls(fixture, token, plan.calls, record, () => random.between(50, 200));

    // Callbacks pile up while the receiver fails, then the next batch hangs in the receiver's hands.
    const f = fixture;
    await waitFor(async () => (await f.outbox()).filter((row) => !row.delivered_at).length >= CALLS_PER_RUN, 20000, 'callbacks piling up');
    await waitFor(() => new Set(f.receiver.receipts().filter((r) => r.outcome === 'failed').map((r) => r.idempotencyKey)).size >= 3, 20000, 'failed attempts');
    fixture.receiver.setMode({ kind: 'hold' });
    await waitFor(() => f.receiver.heldCount() >= 2, 20000, 'deliveries held open');
    const inFlight = await killAndRecord(fixture, record);
    expect(inFlight.size).toBeGreaterThanOrEqual(2);

    // Away long enough for the engine to move on: audio ends, customers hang up, members answer into nothing.
    await sleep(2500);
    fixture.receiver.setMode({ kind: 'accept', delayMs: () => random.between(0, 40) });
    await fixture.startGateway();
    await settle(fixture);
    await verify(fixture, record, 'held at the kill');
  }, 180000);

  it.each([11, 23, 47])('a kill at a random moment of a burst of calls, then another after the restart (seed %i)', async (seed) => {
    fixture = await startVoiceMenuCrashFixture();
    const random = seededRandom(seed);
    const plan = planCalls(random, `burst${seed}`);
    await plan.apply(fixture);
    const record: RunRecord = { planned: plan.calls, answers: new Map(), unrecordedAtKill: new Set(), kills: 0, liveAtKills: [] };
    // A slow receiver: deliveries overlap the kill.
    fixture.receiver.setMode({ kind: 'accept', delayMs: () => random.between(0, 250) });
    await fixture.startGateway();
    const token = await fixture.login();

    const burst = placeCalls(fixture, token, plan.calls, record, () => random.between(0, 400));
    await sleep(random.between(800, 4000));
    await killAndRecord(fixture, record);
    await burst;
    await sleep(random.between(200, 2000));

    await fixture.startGateway();
    await sleep(random.between(200, 2500));
    await killAndRecord(fixture, record);
    await sleep(random.between(200, 1500));

    await fixture.startGateway();
    await settle(fixture);
    await verify(fixture, record, `burst, seed ${seed}`);
  }, 180000);
});
