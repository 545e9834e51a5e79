import { Client, Pool } from 'pg';
import { startPbxSim, type PbxSim } from '@pbx-gateway/pbx-sim';
import {
  createTestDatabase,
  startCallbackReceiver,
  startGatewayProcess,
  startTcpProxy,
  TEST_MEDIA,
  testServerUrl,
  waitFor,
  type CallbackReceiver,
  type GatewayProcess,
  type TcpProxy,
  type TestDatabase,
} from '@pbx-gateway/test-support';
import { demoCoreSettings, demoProvisioning, demoSimulatorPhones } from '../../src';
import { anyOf, ccgatewayAnswer, ccgatewayGuid, sipcallAnswer, vicidialAnswer, voipsunAnswer, type ReplyCheck } from './support/dialect-answers';
import { ccgateway, ccgatewayPoll, ccgatewaySignIn, sipcallLogin, sipcallPlayVoice, vicidial, vicidialVersion, voipsun } from './support/demo-requests';
import { connectedClickToCall, connectedVoiceMenu, engineChannelIds, LONG_RECORDING, sipcallLoggedIn, type GatewayView } from './support/live-state';
import { expectEndedByGateway, type Query } from './support/lost-call-records';
import { problemsOf, runProbes, type Probe } from './support/outage-probes';
import { expectOneCdrCallback } from './support/sipcall-cdr-callbacks';
import { fetchClient, type WireClient, type WireReply } from './support/wire-client';

/**
 * Postgres going away under the gateway, run as its own process (so that
 * "no crash" means the process stays up and logs no unhandled failure).
 * Requests that meet the outage get their dialect's error for an unexpected
 * failure (docs: VICIdial `service unavailable`, VoIPSUN errno 999,
 * CC-Gateway `100-007`, Sip_Call `ret 500`), at once; afterwards, with no
 * restart, the gateway serves again, long polls are woken by their events,
 * callbacks go out, the API log is written, and engine events it could not
 * record meanwhile are made good.
 */

/** A long poll woken by its event answers long before this; one that waits it out was not woken. */
const POLL_WAIT_MS = 20_000;
/** A refused or cut connection fails at once; a request that hangs on it breaks this. */
const ANSWER_MS = 5_000;
/** Requests sent in a burst share two cores with the rest; a reply that never comes (20 s query time-out) still breaks this. */
const BURST_MS = 10_000;
/** The pool, the listener, the dispatcher and the log writer retry with backoffs of a few seconds at most. */
const RECOVERY_MS = 15_000;

let database: TestDatabase;
let admin: Pool;
let query: Query;
let sim: PbxSim;
let callbacks: CallbackReceiver;
let proxy: TcpProxy;
let gateway: GatewayProcess;
let send: WireClient;
let view: GatewayView;
let token: string;
/** Agent 101, signed in for the whole file; its queue is empty between tests. */
let guid101: string;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = new Pool({ connectionString: database.url, max: 2 });
  // Dropping the database at the end may end a connection that is still closing.
  admin.on('error', () => undefined);
  query = async <Row>(sql: string, params: unknown[] = []) => (await admin.query(sql, params)).rows as Row[];
  callbacks = await startCallbackReceiver();
  sim = await startPbxSim({
    port: 0,
    phones: demoSimulatorPhones.map((resource) => ({ resource })),
    media: { ...TEST_MEDIA, [LONG_RECORDING.media]: LONG_RECORDING.ms },
    remoteMediaMs: 600,
  });
  const target = new URL(database.url);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  gateway = await startGatewayProcess({
    databaseUrl: proxy.rewrite(database.url),
    ariUrl: sim.url,
    provisioning: demoProvisioning({ callbackUrl: callbacks.url, nodeIp: '127.0.0.1' }),
    config: {
      core: { serverIp: demoCoreSettings.serverIp, media: demoCoreSettings.media, outbox: { retryBaseMs: 200, retryMaxMs: 1000 } },
      dialects: { ccgateway: { pollWaitMs: POLL_WAIT_MS } },
    },
  });
  send = fetchClient(gateway.url);
  view = { query, sim };
  token = await sipcallLoggedIn(send);
  guid101 = await signedIn('101', '', '40038');
}, 60_000);

afterEach(async () => {
  // A test that failed during an outage must not leave the next one without a database.
  await proxy.start();
});

afterAll(async () => {
  await gateway?.stop();
  await proxy?.close();
  await sim?.close();
  await callbacks?.close();
  await admin?.end();
  await database?.drop();
});

/** Signs a CC-Gateway agent in and takes the two events of its sign-in, leaving its queue empty. */
async function signedIn(agentId: string, password: string, phone: string): Promise<string> {
  const guid = ccgatewayGuid(await send(ccgatewaySignIn(agentId, password, phone), ANSWER_MS));
  const first = await send(ccgatewayPoll(agentId, guid), ANSWER_MS);
  const second = await send(ccgatewayPoll(agentId, guid), ANSWER_MS);
  expect([first.text, second.text].map((text) => (JSON.parse(text) as { event: { eventType: string } }).event.eventType)).toEqual([
    'AgentOther_InService',
    'AgentState_Ready',
  ]);
  return guid;
}

const eventTypeOf = (reply: WireReply): string | null => (JSON.parse(reply.text) as { event: { eventType: string } | null }).event?.eventType ?? null;

/** The process is up, wrote nothing but JSON log lines, and logged no crash or unhandled failure. */
function expectProcessHealthy(): void {
  expect(gateway.alive()).toBe(true);
  expect(gateway.strayOutput()).toBe('');
  const fatal = gateway.logs().filter((line) => (line.level ?? 0) >= 60 || /unhandled|uncaught/i.test(`${String(line.msg)} ${String(line.error ?? '')}`));
  expect(fatal).toEqual([]);
}

/** Ends every connection the gateway holds to its database, from outside, as a DBA or a failover would. */
async function terminateGatewayConnections(): Promise<number> {
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    const result = await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND application_name LIKE $2', [
      new URL(database.url).pathname.slice(1),
      'pbx-gateway%',
    ]);
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** The store-failure answer of each dialect (docs/<dialect>.md). */
const storeFailure = {
  vicidial: (fn: string) => vicidialAnswer.serviceUnavailable(fn, '1000'),
  voipsun: voipsunAnswer.internalError,
  ccgateway: ccgatewayAnswer.internalError,
  sipcall: sipcallAnswer.unexpected,
};

/** Requests of every dialect that need the store, with what they answer when it works and when it fails. */
function storeRequests(tag: string): Array<Probe & { storeFailure: ReplyCheck }> {
  return [
    {
      name: 'VICIdial external_pause',
      request: vicidial('function=external_pause&agent_user=1000&value=PAUSE'),
      expect: vicidialAnswer.pause('PAUSE', '1000'),
      storeFailure: storeFailure.vicidial('external_pause'),
    },
    { name: 'VoIPSUN listcalls', request: voipsun('action=listcalls'), expect: voipsunAnswer.listed, storeFailure: storeFailure.voipsun },
    { name: 'CC-Gateway agentstatus', request: ccgateway('GET', '/onlineagent/101/agentstatus', guid101), expect: ccgatewayAnswer.status, storeFailure: storeFailure.ccgateway },
    { name: 'Sip_Call Login', request: sipcallLogin, expect: sipcallAnswer.loggedIn, storeFailure: storeFailure.sipcall },
    { name: 'Sip_Call PlayVoice', request: sipcallPlayVoice(token, `store-${tag}`), expect: sipcallAnswer.played, storeFailure: storeFailure.sipcall },
  ];
}

/** A VICIdial request whose `source` marks it in the API log. */
const markedRequest = (source: string) => ({ method: 'GET' as const, path: `/agc/api.php?source=${source}&user=6666&pass=1234&function=external_pause&agent_user=1000&value=RESUME` });

async function loggedSources(sources: readonly string[]): Promise<string[]> {
  const rows = await query<{ source: string }>("SELECT params->>'source' AS source FROM api_log WHERE params->>'source' = ANY($1)", [sources]);
  return [...new Set(rows.map((row) => row.source))].sort();
}

/**
 * A poll that was waiting through an outage, once `eventType` has been made:
 * it answers in its dialect's words, with that event, or the internal error
 * (it woke while the database was away), or nothing (it waited its whole
 * time); then the event is not lost, the next poll has it.
 */
async function expectWaitingPollSettled(polled: WireReply, agentId: string, guid: string, eventType: string): Promise<void> {
  anyOf(ccgatewayAnswer.polled, ccgatewayAnswer.internalError)(polled);
  if (eventTypeOf(polled) === eventType) return;
  if (polled.text.includes('"event":null')) expect(polled.elapsedMs).toBeGreaterThanOrEqual(POLL_WAIT_MS - 1000);
  expect(eventTypeOf(await send(ccgatewayPoll(agentId, guid), ANSWER_MS))).toBe(eventType);
}

/** A new poll of an agent with an empty queue, then an event: the poll answers with it, woken by its notice. */
async function expectPollWokenBy(agentId: string, guid: string, action: string, eventType: string): Promise<void> {
  const polling = send(ccgatewayPoll(agentId, guid), POLL_WAIT_MS + ANSWER_MS);
  // Give the poll time to start waiting, so that the event finds it waiting.
  await new Promise((resolve) => setTimeout(resolve, 300));
  ccgatewayAnswer.success(await send(ccgateway('POST', `/onlineagent/${agentId}/${action}`, guid), ANSWER_MS));
  const polled = await polling;
  expect(eventTypeOf(polled)).toBe(eventType);
  expect(polled.elapsedMs).toBeLessThan(POLL_WAIT_MS / 2);
}

test('Postgres ends the gateway connections while requests of every dialect and a long poll are in flight: dialect errors or answers, then recovery without a restart', async () => {
  const waiting = send(ccgatewayPoll('101', guid101), POLL_WAIT_MS + ANSWER_MS);
  await new Promise((resolve) => setTimeout(resolve, 300));

  // Three rounds of every dialect's requests, the connections ended in the middle of each.
  const answered: Array<Promise<string | null>> = [];
  let terminated = 0;
  for (let round = 0; round < 3; round += 1) {
    for (const probe of storeRequests(`round${round}`)) {
      answered.push(
        send(probe.request, BURST_MS).then(
          (reply) => {
            try {
              anyOf(probe.expect, probe.storeFailure)(reply);
              return null;
            } catch (error) {
              return `${probe.name}: ${error instanceof Error ? error.message : String(error)}`;
            }
          },
          (error: unknown) => `${probe.name}: no answer within ${BURST_MS} ms (${String(error)})`,
        ),
      );
    }
    terminated += await terminateGatewayConnections();
  }
  expect((await Promise.all(answered)).filter((problem) => problem !== null)).toEqual([]);
  expect(terminated).toBeGreaterThan(0);
  expectProcessHealthy();

  // The poll that waited through it answers in its dialect's words.
  ccgatewayAnswer.success(await send(ccgateway('POST', '/onlineagent/101/saybusy?reason=0&prolong=false', guid101), RECOVERY_MS));
  await expectWaitingPollSettled(await waiting, '101', guid101, 'AgentState_SetNotReady_Success');

  // Without a restart: every dialect answers, a new poll is woken by its event.
  expect(problemsOf(await runProbes(send, storeRequests('after').map(({ name, request, expect: check }) => ({ name, request, expect: check })), ANSWER_MS))).toEqual([]);
  await expectPollWokenBy('101', guid101, 'cancelbusy', 'AgentState_CancelNotReady_Success');
  expect(eventTypeOf(await send(ccgatewayPoll('101', guid101), ANSWER_MS))).toBe('AgentState_Ready');

  // Callbacks go out: the status callbacks of a call made now arrive.
  const menu = await connectedVoiceMenu(view, send, token, 'after-terminate');
  await waitFor(() => callbacks.received().some((callback) => (callback.body as { uuid?: string; status?: string }).uuid === menu.id && (callback.body as { status?: string }).status === 'answer'), RECOVERY_MS, 'the answer status callback');
  // The API log is written: a request made now reaches it.
  vicidialAnswer.pause('RESUME', '1000')(await send(markedRequest('afterterminate'), ANSWER_MS));
  await waitFor(async () => (await loggedSources(['afterterminate'])).length === 1, RECOVERY_MS, 'the API log row');
  await sim.control.hangup(`${menu.id}.1`);
  expectProcessHealthy();
}, 90_000);

test('Postgres unreachable for two seconds: errors at once meanwhile, then everything recovers by itself, and what the engine said meanwhile is made good', async () => {
  const clickToCall = await connectedClickToCall(view, send, 5, '800555111');
  const menu = await connectedVoiceMenu(view, send, token, 'database-away');
  const waiting = send(ccgatewayPoll('101', guid101), POLL_WAIT_MS + ANSWER_MS);
  await new Promise((resolve) => setTimeout(resolve, 300));

  await proxy.stop();
  const outageProbes: Probe[] = [
    ...storeRequests('during').map(({ name, request, storeFailure: check }) => ({ name, request, expect: check })),
    {
      name: 'VICIdial audio_playback',
      request: vicidial('function=audio_playback&agent_user=1000&value=hello-world&stage=PLAY'),
      expect: storeFailure.vicidial('audio_playback'),
    },
    { name: 'VoIPSUN originate', request: voipsun('action=originate&srcExtenId=6&dstNum=800555222'), expect: storeFailure.voipsun },
    { name: 'CC-Gateway saybusy', request: ccgateway('POST', '/onlineagent/101/saybusy?reason=0&prolong=false', guid101), expect: storeFailure.ccgateway },
    { name: 'CC-Gateway agentevent', request: ccgatewayPoll('101', guid101), expect: storeFailure.ccgateway },
    { name: 'VICIdial version (no store needed)', request: vicidialVersion, expect: vicidialAnswer.version },
    { name: 'marked for the API log', request: markedRequest('duringoutage'), expect: storeFailure.vicidial('external_pause') },
  ];
  expect(problemsOf(await runProbes(send, outageProbes, ANSWER_MS))).toEqual([]);
  const health = await send({ method: 'GET', path: '/health' }, ANSWER_MS);
  expect({ status: health.status, body: JSON.parse(health.text) as unknown }).toEqual({ status: 503, body: { status: 'degraded', database: 'down', pbx: 'connected' } });
  // Meanwhile both calls' far ends hang up: the engine says so once, and the gateway cannot write it down.
  await sim.control.hangup(`${clickToCall.id}.2`);
  await sim.control.hangup(`${menu.id}.1`);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  expectProcessHealthy();

  await proxy.start();
  const back = new Date();
  await waitFor(async () => (await send({ method: 'GET', path: '/health' }, ANSWER_MS)).status === 200, RECOVERY_MS, 'the gateway to find its database again');
  expect(problemsOf(await runProbes(send, storeRequests('back').map(({ name, request, expect: check }) => ({ name, request, expect: check })), ANSWER_MS))).toEqual([]);
  // The poll that waited through the outage answers in its dialect's words, and long polls are woken by their events again.
  ccgatewayAnswer.success(await send(ccgateway('POST', '/onlineagent/101/saybusy?reason=0&prolong=false', guid101), ANSWER_MS));
  await expectWaitingPollSettled(await waiting, '101', guid101, 'AgentState_SetNotReady_Success');
  await expectPollWokenBy('101', guid101, 'cancelbusy', 'AgentState_CancelNotReady_Success');
  expect(eventTypeOf(await send(ccgatewayPoll('101', guid101), ANSWER_MS))).toBe('AgentState_Ready');

  // The calls whose end the gateway could not record are ended once it reads the engine again.
  await waitFor(async () => (await query('SELECT id FROM cdrs WHERE call_id = ANY($1)', [[clickToCall.id, menu.id]])).length === 2, RECOVERY_MS, 'the CDRs of both calls');
  await expectEndedByGateway(query, clickToCall.id, back);
  await expectEndedByGateway(query, menu.id, back);
  await waitFor(async () => {
    const channels = await engineChannelIds(view);
    return ![`${clickToCall.id}.1`, `${menu.id}.2`, `${menu.id}.3`].some((id) => channels.has(id));
  }, RECOVERY_MS, 'the other parties of both calls to be hung up');
  await expectOneCdrCallback(query, callbacks, menu.id, RECOVERY_MS);


  // What the API log buffered during the outage was written once the database came back.
  await waitFor(async () => (await loggedSources(['duringoutage'])).length === 1, RECOVERY_MS, 'the API log rows buffered during the outage');
  expectProcessHealthy();
}, 90_000);
