import { waitFor } from '@pbx-gateway/test-support';
import { customerRule, startVoiceMenuCrashFixture, type VoiceMenuCrashFixture } from './support/voice-menu-crash-fixture';

/**
 * A Sip_Call PlayVoice batch (`appid`) is being dialled, a few numbers at a
 * time, when the gateway process is SIGKILLed; the simulator keeps the calls
 * it has. After a restart on the same database the gateway dials the numbers
 * still waiting and no other: every number is called exactly once (one
 * originate on the engine, one call, one CDR).
 */

const MAX_LIVE = 3;
const NUMBERS = Array.from({ length: 14 }, (_, index) => `1390000${String(index).padStart(4, '0')}`);
const SENT = /^\{"ret":200,"data":\{"status":0,"desc":"Play command sent successfully","reqtime":\d+,"rsptime":\d+\},"msg":""\}$/;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(() => resolve(), ms));

interface NumberRow {
  number: string;
  state: string;
  call_id: string | null;
}

describe('a gateway killed (SIGKILL) in the middle of a PlayVoice batch', () => {
  let fixture: VoiceMenuCrashFixture | null = null;

  afterEach(async () => {
    await fixture?.close();
    fixture = null;
  });

  it('after a restart every number is called exactly once, each with one CDR', async () => {
    fixture = await startVoiceMenuCrashFixture({ core: { voiceBroadcast: { maxLiveCalls: MAX_LIVE, paceMs: 100, maxBatchNumbers: 5000, maxQueuedNumbers: 100000, retentionHours: 168 } } });
    const f = fixture;
    // Customers listen a while and hang up; one is busy, one answers during the restart.
    await f.sim.control.setNumberRules(NUMBERS.map((number, index) => customerRule(number, index === 5 ? 'busy' : 'silent', 1500 + (index % 4) * 400)));
    await f.sim.control.recordTraffic(true);
    await f.startGateway();

    const answer = await f.send({
      service: 'App.Sip_Call.PlayVoice',
      appid: 'demoappid',
      accesskey: 'demoaccesskey',
      nationcode: 'ph',
      destnumber: [...NUMBERS, NUMBERS[2]!].join(','),
      voicetype: '2',
      voicefile: 'wwww.baidu.com/test.mp3',
      waittime: '10',
      todayonly: '2',
      disnumber: '13333333333',
      customuuid: 'batch-restart',
    });
    expect(answer).toMatch(SENT);

    const numbers = (): Promise<NumberRow[]> => f.query<NumberRow>('SELECT number, state, call_id FROM voice_broadcast_numbers ORDER BY position');
    await waitFor(async () => (await numbers()).filter((row) => row.state === 'placed').length >= MAX_LIVE + 2, 30000, 'a few numbers of the batch placed');
    await f.killGateway();
    const atKill = await numbers();
    const placedAtKill = atKill.filter((row) => row.state === 'placed');
    const liveAtKill = await f.query<{ n: string }>("SELECT count(*) AS n FROM calls WHERE state <> 'ended' AND data->>'customuuid' = 'batch-restart'");
    // A number whose leg was committed but whose channel the engine had not confirmed was caught between the commit
    // and the engine: the dial may or may not have left, and the restart does not dial it again (a second call is
    // worse than a missed one); its call ends with its CDR.
    const unconfirmedAtKill = new Set(
      (
        await f.query<{ to_number: string }>(
          "SELECT c.to_number FROM calls c JOIN legs l ON l.call_id = c.id WHERE c.data->>'customuuid' = 'batch-restart' AND l.channel_name IS NULL",
        )
      ).map((row) => row.to_number),
    );
    // The kill caught the batch half way: numbers left to dial, calls up.
    expect(atKill.filter((row) => row.state === 'pending').length).toBeGreaterThan(0);
    expect(Number(liveAtKill[0]!.n)).toBeGreaterThan(0);

    await sleep(1000);
    await f.startGateway();
    await waitFor(
      async () => {
        const rows = await numbers();
        const live = await f.query<{ n: string }>("SELECT count(*) AS n FROM calls WHERE state <> 'ended' AND data->>'customuuid' = 'batch-restart'");
        return rows.every((row) => row.state === 'placed') && live[0]!.n === '0';
      },
      90000,
      'every number of the batch placed and every call ended',
    );

    const rows = await numbers();
    expect(rows.map((row) => row.number)).toEqual(NUMBERS);
    // The numbers placed before the kill kept their calls: none was placed again.
    for (const before of placedAtKill) expect(rows.find((row) => row.number === before.number)!.call_id).toBe(before.call_id);

    const calls = await f.query<{ id: string; to_number: string; state: string }>(
      "SELECT id, to_number, state FROM calls WHERE data->>'customuuid' = 'batch-restart' ORDER BY to_number",
    );
    expect(calls.map((call) => call.to_number)).toEqual(NUMBERS);
    expect(calls.map((call) => call.id).sort()).toEqual(rows.map((row) => row.call_id).sort());
    const cdrs = await f.query<{ call_id: string; n: string }>('SELECT call_id, count(*) AS n FROM cdrs GROUP BY call_id ORDER BY call_id');
    expect(cdrs).toEqual(calls.map((call) => ({ call_id: call.id, n: '1' })).sort((a, b) => a.call_id.localeCompare(b.call_id)));

    // The engine was asked to dial each number once; one caught between the commit and the engine at most once.
    const originates = (await f.sim.control.requests()).filter((request) => request.method === 'POST' && /\/channels(\/[^/]+)?$/.test(request.path));
    for (const number of NUMBERS) {
      const dialled = originates.filter((request) => JSON.stringify(request).includes(number)).length;
      if (unconfirmedAtKill.has(number)) expect({ number, dialled: dialled <= 1 }).toEqual({ number, dialled: true });
      else expect({ number, dialled }).toEqual({ number, dialled: 1 });
    }
  }, 180000);
});
