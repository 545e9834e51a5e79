import { startGatewayProcess, waitFor, type GatewayProcess } from '@pbx-gateway/test-support';
import { demoCoreSettings, demoProvisioning } from '../../src';
import { ccgatewayAnswer, ccgatewayGuid, sipcallAnswer, sipcallToken, vicidialAnswer, voipsunAnswer } from './support/dialect-answers';
import { ccgatewayPoll, ccgatewaySignIn, sipcall, sipcallLogin, vicidialVersion, voipsun } from './support/demo-requests';
import { problemsOf, runProbes, type Probe } from './support/outage-probes';
import { startEngineBehindRelay, type EngineBehindRelay } from './support/engine-behind-relay';
import { fetchClient, type WireClient, type WireReply } from './support/wire-client';

/**
 * Asterisk answering every request 4 s late (and holding its answers back
 * while the probes run), on the whole gateway (its own process, real Postgres, the real
 * pbx-sim behind a relay that holds back everything it sends). No
 * transaction waits for the engine, so with 200 engine commands in flight on
 * a pool of 8 connections, the requests that do not need the engine answer
 * at their usual speed (were connections held across engine requests, the
 * pool would stay busy until the engine answered), and every engine command
 * still gets its answer.
 */

const ENGINE_DELAY_MS = 4000;
const POOL_MAX = 8;
const COMMANDS = 200;
/** Numbers the simulator answers busy after a short ring: each call ends by itself with its CDR. */
const BUSY_PREFIX = '1390000';

let world: EngineBehindRelay;
let gateway: GatewayProcess;
let send: WireClient;

beforeAll(async () => {
  world = await startEngineBehindRelay({ busyNumbers: `${BUSY_PREFIX}[0-9]{4}` });
  gateway = await startGatewayProcess({
    databaseUrl: world.database.url,
    ariUrl: world.relay.url,
    provisioning: demoProvisioning({ callbackUrl: world.receiver.url, nodeIp: '127.0.0.1' }),
    config: {
      core: { serverIp: demoCoreSettings.serverIp, media: demoCoreSettings.media },
      // A poll with nothing to fetch answers at once rather than waiting for an event.
      dialects: { ccgateway: { pollWaitMs: 1 } },
    },
    // Long enough that a late answer is an answer, not a time-out.
    env: { DATABASE_POOL_MAX: String(POOL_MAX), ARI_TIMEOUT_MS: '30000' },
    startTimeoutMs: 60_000,
  });
  send = fetchClient(gateway.url);
  await waitFor(async () => (await fetch(new URL('/health', gateway.url))).status === 200, 30_000, 'the gateway to reach the engine');
}, 120_000);

afterAll(async () => {
  world?.relay.setDelay(0);
  await gateway?.stop();
  await world?.close();
}, 60_000);

const playVoice = (token: string, index: number) =>
  sipcall({
    service: 'App.Sip_Call.PlayVoice',
    token,
    voicetype: '2',
    destnumber: `${BUSY_PREFIX}${String(index).padStart(4, '0')}`,
    voicefile: 'wwww.baidu.com/test.mp3',
    chengshudu: '1',
    userid: '1@extGroup-1',
    disnumber: '13333333333',
    customuuid: `slow-${index}`,
  });

/** Answers the same request got before the engine slowed down. */
const sameAs =
  (before: WireReply): ((reply: WireReply) => void) =>
  (reply) => {
    if (reply.status !== before.status || reply.text !== before.text) throw new Error(`expected ${before.status} ${before.text}, got ${reply.status} ${reply.text}`);
  };

it('keeps answering what needs no engine at its usual speed while 200 engine commands wait on a slow engine', async () => {
  const token = sipcallToken(await send(sipcallLogin, 10_000));
  const guid = ccgatewayGuid(await send(ccgatewaySignIn('102', 'Agent@102', '102'), 10_000));
  const nonAgentRead = { method: 'GET' as const, path: '/vicidial/non_agent_api.php?source=test&user=6666&pass=1234&function=agent_status&agent_user=1000' };
  const nonAgentAnswer = await send(nonAgentRead, 10_000);
  const probes: Probe[] = [
    { name: 'VICIdial version', request: vicidialVersion, expect: vicidialAnswer.version },
    { name: 'VICIdial non-agent API read', request: nonAgentRead, expect: sameAs(nonAgentAnswer) },
    { name: 'VoIPSUN listcalls', request: voipsun('action=listcalls'), expect: voipsunAnswer.listed },
    { name: 'CC-Gateway poll', request: ccgatewayPoll('102', guid), expect: ccgatewayAnswer.polled },
    { name: 'Sip_Call Login', request: sipcallLogin, expect: sipcallAnswer.loggedIn },
  ];
  // The same requests with a quick engine, twice (the first warms caches up); the slower run counts.
  await runProbes(send, probes, 10_000);
  const baseline = await runProbes(send, probes, 10_000);
  expect(problemsOf(baseline)).toEqual([]);
  const usualMs = Math.max(...baseline.map((result) => result.elapsedMs));
  // Generous, for a busy machine: with the engine's answers held back until the probes are done, a
  // request that waited for a connection held by a command waiting on the engine would not be
  // answered at all. Below the ~8 s of silence after which pbx-ari would give the engine up.
  const boundMs = Math.max(5 * usualMs, 6_000);

  world.relay.setDelay(ENGINE_DELAY_MS);
  const since = new Date();
  const commands = Array.from({ length: COMMANDS }, (_, index) => send(playVoice(token, index), 120_000));
  // Every command is recorded. While the probes run, the engine's late answers are held back
  // (briefly: a longer silence would rightly look like an engine gone), so the commands only wait.
  await waitFor(async () => (await calls(since)) >= COMMANDS, 90_000, 'every command to be recorded');
  world.relay.hold('answers');

  const whileSlow = await runProbes(send, probes, boundMs);
  expect({ problems: problemsOf(whileSlow), boundMs }).toEqual({ problems: [], boundMs });
  world.relay.release();

  // Every engine command got a documented answer in the end: played, or (pbx-ari giving up on an
  // engine this slow) the engine unreachable; none hung or failed otherwise.
  const answers = await Promise.all(commands);
  const undocumented = answers.filter((reply) => {
    for (const check of [sipcallAnswer.played, sipcallAnswer.pbxUnavailable]) {
      try {
        check(reply);
        return false;
      } catch {
        // try the next documented answer
      }
    }
    return true;
  });
  expect(undocumented.map((reply) => reply.text)).toEqual([]);
  world.relay.setDelay(0);
  // Every call recorded ends, each with one CDR (busy, or never dialled).
  await waitFor(async () => (await endedWithCdr(since)) === COMMANDS, 90_000, 'every call to end with its CDR');
  expect(await calls(since)).toBe(COMMANDS);
}, 300_000);

async function calls(since: Date): Promise<number> {
  const rows = await world.pool.query<{ n: string }>("SELECT count(*) AS n FROM calls WHERE created_at >= $1 AND origin_dialect = 'sipcall'", [since]);
  return Number(rows.rows[0]!.n);
}

async function endedWithCdr(since: Date): Promise<number> {
  const rows = await world.pool.query<{ n: string }>(
    "SELECT count(*) AS n FROM calls c JOIN cdrs d ON d.call_id = c.id WHERE c.created_at >= $1 AND c.origin_dialect = 'sipcall' AND c.state = 'ended'",
    [since],
  );
  return Number(rows.rows[0]!.n);
}
