import { startGatewayProcess, waitFor, type GatewayProcess } from '@pbx-gateway/test-support';
import { demoCoreSettings, demoProvisioning } from '../../src';
import { expectOneCdrCallback } from './support/sipcall-cdr-callbacks';
import { startEngineBehindRelay, type EngineBehindRelay } from './support/engine-behind-relay';

/**
 * The gateway process is SIGKILLed at the two moments a command spends
 * outside any transaction: after it committed its intent (the call and its
 * leg, with the ids the core chose) and before the engine received the
 * request; and after the engine carried the request out and before its
 * answer was recorded. A relay between the gateway and the simulator holds
 * the request, or its answer, so the kill falls exactly there. After a
 * restart on the same database, nothing is lost or done twice: the engine
 * was asked once at most (no second call), the call ends with exactly one
 * CDR, and its CDR callback is delivered exactly once.
 */

const BUSY_NUMBER = '13900001111';

let world: EngineBehindRelay;
let gateway: GatewayProcess | null = null;

beforeAll(async () => {
  // The number is busy after a short ring: the call ends while the gateway is away.
  world = await startEngineBehindRelay({ busyNumbers: BUSY_NUMBER, recordTraffic: true });
}, 60_000);

afterAll(async () => {
  world?.relay.release();
  await gateway?.stop();
  await world?.close();
}, 60_000);

const query = async <Row>(sql: string, params: unknown[] = []): Promise<Row[]> => (await world.pool.query(sql, params)).rows as Row[];

async function startGatewayBehindRelay(core: Record<string, unknown> = {}): Promise<GatewayProcess> {
  gateway = await startGatewayProcess({
    databaseUrl: world.database.url,
    ariUrl: world.relay.url,
    provisioning: demoProvisioning({ callbackUrl: world.receiver.url, nodeIp: '127.0.0.1' }),
    config: { core: { serverIp: demoCoreSettings.serverIp, media: demoCoreSettings.media, ...core } },
    env: { ARI_TIMEOUT_MS: '20000' },
    startTimeoutMs: 60_000,
  });
  const url = gateway.url;
  await waitFor(async () => (await fetch(new URL('/health', url))).status === 200, 30_000, 'the gateway to reach the engine');
  return gateway;
}

async function sipcall(fields: Record<string, string>): Promise<string | null> {
  try {
    const response = await fetch(new URL('/', gateway!.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      signal: AbortSignal.timeout(30_000),
    });
    return await response.text();
  } catch {
    // The gateway was killed while the request waited.
    return null;
  }
}

async function token(): Promise<string> {
  const text = await sipcall({ service: 'App.Sip_Auth.Login', appid: 'demoappid', accesskey: 'demoaccesskey' });
  return (JSON.parse(text ?? '{}') as { data: { result: { token: string } } }).data.result.token;
}

const playVoice = (accessToken: string, customuuid: string): Promise<string | null> =>
  sipcall({
    service: 'App.Sip_Call.PlayVoice',
    token: accessToken,
    voicetype: '2',
    destnumber: BUSY_NUMBER,
    voicefile: 'wwww.baidu.com/test.mp3',
    chengshudu: '1',
    userid: '1@extGroup-1',
    disnumber: '13333333333',
    customuuid,
  });

/** The call of a PlayVoice and its one leg, once committed. */
async function recordedCall(customuuid: string): Promise<{ callId: string; legId: string } | undefined> {
  const rows = await query<{ call_id: string; leg_id: string }>(
    "SELECT c.id AS call_id, l.id AS leg_id FROM calls c JOIN legs l ON l.call_id = c.id WHERE c.data->>'customuuid' = $1",
    [customuuid],
  );
  return rows[0] ? { callId: rows[0].call_id, legId: rows[0].leg_id } : undefined;
}

async function originatesOf(legId: string): Promise<number> {
  const requests = await world.sim.control.requests();
  return requests.filter((request) => request.method === 'POST' && /\/channels(\/|$)/.test(request.path) && JSON.stringify(request).includes(legId)).length;
}

async function expectSettledOnce(customuuid: string, callId: string, originates: number): Promise<void> {
  await waitFor(async () => (await query("SELECT 1 FROM calls WHERE id = $1 AND state = 'ended'", [callId])).length === 1, 30_000, 'the call to end');
  expect(await query<{ n: string }>("SELECT count(*) AS n FROM calls WHERE data->>'customuuid' = $1", [customuuid])).toEqual([{ n: '1' }]);
  expect(await query<{ n: string }>('SELECT count(*) AS n FROM cdrs WHERE call_id = $1', [callId])).toEqual([{ n: '1' }]);
  const [leg] = await query<{ id: string }>('SELECT id FROM legs WHERE call_id = $1', [callId]);
  expect(await originatesOf(leg!.id)).toBe(originates);
  await expectOneCdrCallback(query, world.receiver, callId, 30_000);
  // No callback of the call reached the receiver twice.
  const keys = world.receiver
    .received()
    .filter((callback) => JSON.stringify(callback.body).includes(callId))
    .map((callback) => callback.headers['idempotency-key']);
  expect(new Set(keys).size).toBe(keys.length);
}

it('a kill after the intent is committed and before the engine hears of it: the leg ends as never dialled, one CDR, no call placed', async () => {
  await startGatewayBehindRelay();
  const accessToken = await token();
  world.relay.hold('requests');
  const answer = playVoice(accessToken, 'crash-before-request');
  const recorded = await waitFor(() => recordedCall('crash-before-request'), 20_000, 'the call to be committed');
  // Committed, and the engine has not received the request (the relay holds it).
  expect(await originatesOf(recorded.legId)).toBe(0);
  await gateway!.kill();
  gateway = null;
  expect(await answer).toBeNull();
  world.relay.release();

  await startGatewayBehindRelay();
  await expectSettledOnce('crash-before-request', recorded.callId, 0);
  await gateway!.stop();
  gateway = null;
}, 180_000);

it('a kill after the engine carried the request out and before its answer is recorded: one call placed, one CDR', async () => {
  await startGatewayBehindRelay();
  const accessToken = await token();
  world.relay.hold('answers');
  const answer = playVoice(accessToken, 'crash-before-answer');
  const recorded = await waitFor(() => recordedCall('crash-before-answer'), 20_000, 'the call to be committed');
  await waitFor(async () => (await originatesOf(recorded.legId)) === 1, 20_000, 'the engine to place the call');
  await gateway!.kill();
  gateway = null;
  expect(await answer).toBeNull();
  world.relay.release();

  await startGatewayBehindRelay();
  await expectSettledOnce('crash-before-answer', recorded.callId, 1);
  await gateway!.stop();
  gateway = null;
}, 180_000);

it('a kill after a number of a batch was placed and before the engine hears of it: that number ends as never dialled, the others are dialled once each', async () => {
  // One call of the batch at a time, so the kill leaves numbers waiting.
  const oneAtATime = { voiceBroadcast: { maxLiveCalls: 1, paceMs: 100, maxBatchNumbers: 5000, maxQueuedNumbers: 100000, retentionHours: 168 } };
  const numbers = [BUSY_NUMBER, '13900002222', '13900003333'];
  await startGatewayBehindRelay(oneAtATime);
  world.relay.hold('requests');
  const answer = await sipcall({
    service: 'App.Sip_Call.PlayVoice',
    appid: 'demoappid',
    accesskey: 'demoaccesskey',
    nationcode: 'ph',
    destnumber: numbers.join(','),
    voicetype: '2',
    voicefile: 'wwww.baidu.com/test.mp3',
    todayonly: '2',
    disnumber: '13333333333',
    customuuid: 'crash-batch',
  });
  expect(answer).toMatch(/"desc":"Play command sent successfully"/);
  const first = await waitFor(() => recordedCall('crash-batch'), 20_000, 'the first number placed');
  expect(await originatesOf(first.legId)).toBe(0);
  await gateway!.kill();
  gateway = null;
  world.relay.release();
  expect(await query<{ state: string }>('SELECT state FROM voice_broadcast_numbers ORDER BY position')).toEqual([{ state: 'placed' }, { state: 'pending' }, { state: 'pending' }]);

  await startGatewayBehindRelay(oneAtATime);
  const calls = await waitFor(
    async () => {
      const rows = await query<{ id: string; to_number: string; state: string }>(
        "SELECT id, to_number, state FROM calls WHERE data->>'customuuid' = 'crash-batch' ORDER BY created_at, id",
      );
      return rows.length === numbers.length && rows.every((row) => row.state === 'ended') ? rows : undefined;
    },
    60_000,
    'every number of the batch called and ended',
  );
  expect(calls.map((call) => call.to_number)).toEqual(numbers);
  expect(calls[0]!.id).toBe(first.callId);
  const legs = await query<{ id: string; call_id: string }>("SELECT l.id, l.call_id FROM legs l JOIN calls c ON c.id = l.call_id WHERE c.data->>'customuuid' = 'crash-batch'");
  for (const call of calls) {
    expect(await query<{ n: string }>('SELECT count(*) AS n FROM cdrs WHERE call_id = $1', [call.id])).toEqual([{ n: '1' }]);
    const leg = legs.find((row) => row.call_id === call.id)!;
    // The number whose dial never reached the engine is not dialled again; the others once.
    expect({ number: call.to_number, originates: await originatesOf(leg.id) }).toEqual({ number: call.to_number, originates: call.id === first.callId ? 0 : 1 });
    await expectOneCdrCallback(query, world.receiver, call.id, 30_000);
  }
  await gateway!.stop();
  gateway = null;
}, 180_000);
