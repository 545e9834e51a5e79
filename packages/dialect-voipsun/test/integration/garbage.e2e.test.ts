import { startTestGateway, type TestGateway } from '@pbx-gateway/test-support';
import type { Errno } from '../../src';
import { sendGarbage, type GarbageCase } from '../support/garbage';
import { hangUpEverything, listCalls } from '../support/live-calls';
import { SUCCESS } from '../support/wire-expect';

/**
 * Mutated requests against the whole stack: whatever arrives, the answer is
 * a VoIPSUN answer (never errno 999, never another status or type), and the
 * gateway keeps working. Originates that survive the mutations place real
 * calls, to a number the far end answers busy so that they end by themselves.
 * Mutated passwords would lock the API user out after ten failures (the
 * core's lock-out, tested in dial-plans.test.ts); here the threshold is
 * raised so that every request is judged on its own.
 */
const COUNT = 200;
const BUSY = '800999000';
const COMMON: Errno[] = ['100', '110', '120'];
let gateway: TestGateway;

beforeAll(async () => {
  gateway = await startTestGateway({
    core: { lockout: { maxFailures: 1_000_000, windowMs: 900_000 } },
  });
  await gateway.farEnd.setOtherNumbers({ outcome: 'busy', ringMs: 100 });
}, 60000);

afterAll(async () => {
  await gateway?.close();
});

const cases: GarbageCase[] = [
  {
    action: 'originate',
    seed: 9001,
    valid: [
      ['username', 'voipsun'],
      ['password', 'secretpwd'],
      ['action', 'originate'],
      ['srcExtenId', '5'],
      ['dstNum', BUSY],
      ['customCDR1', 'garbage'],
      ['dialerCid', 'customCDR1'],
      ['srcRingTimeout', '5'],
    ],
    allowed: [...COMMON, '200', '201', '202', '203', '220', '221', '225', '226', '227', '250', '900'],
    success: /^\{"success":"true"\}$/,
  },
  {
    action: 'hangupcall',
    seed: 9002,
    valid: [
      ['username', 'voipsun'],
      ['password', 'secretpwd'],
      ['action', 'hangupcall'],
      ['channelName', 'SIP\\5555-0000b704'],
    ],
    allowed: [...COMMON, '400'],
    success: /^\{"success":"true"\}$/,
  },
  {
    action: 'listcalls',
    seed: 9003,
    valid: [
      ['username', 'voipsun'],
      ['password', 'secretpwd'],
      ['action', 'listcalls'],
    ],
    allowed: [...COMMON],
    success: /^\{"success":"true","total":"[0-9]+","results":\[.*\]\}$/,
  },
];

describe.each(cases)('generated garbage through the whole stack: $action', (garbageCase) => {
  test(`${COUNT} mutated requests each get a VoIPSUN answer, and the gateway keeps working`, async () => {
    const { failures, outcomes } = await sendGarbage(gateway.http, garbageCase, COUNT);
    expect(failures).toEqual([]);
    expect(outcomes.has('success')).toBe(true);
    expect(outcomes.size).toBeGreaterThanOrEqual(3);
    // Every call the surviving originates placed ends by itself (busy), each with exactly one CDR.
    await gateway.waitFor(async () => (await gateway.query("SELECT id FROM calls WHERE purpose = 'click_to_call' AND state <> 'ended'")).length === 0, 20000, 'every call to end');
    await gateway.core.idle();
    const [counts] = await gateway.query<{ calls: string; cdrs: string }>(
      "SELECT (SELECT count(*) FROM calls WHERE purpose = 'click_to_call') AS calls, (SELECT count(*) FROM cdrs WHERE purpose = 'click_to_call') AS cdrs",
    );
    expect(counts?.cdrs).toBe(counts?.calls);
    // Still up and answering, with the database and the engine.
    expect((await listCalls(gateway)).raw).toMatch(/^\{"success":"true"/);
    expect((await gateway.http.get('/api/api.php?username=voipsun&password=secretpwd&action=hangupcall&channelName=PJSIP/none')).text).toBe(SUCCESS);
    await hangUpEverything(gateway);
  }, 120000);
});
