import { Pool } from 'pg';
import { startPbxSim, type NumberRule, type PbxSim } from '@pbx-gateway/pbx-sim';
import { demoCoreSettings, demoProvisioning, demoSimulatorPhones } from '@pbx-gateway/server';
import { createTestDatabase, startGatewayProcess, TEST_MEDIA, type GatewayProcess, type TestDatabase } from '@pbx-gateway/test-support';
import { startStallingCallbackReceiver, type StallingCallbackReceiver } from './stalling-callback-receiver';
import type { OutboxRow } from './callback-audit';

/** Outbox settings of these runs: small batches, short leases, quick retries, so a killed claim comes due again soon. */
export const OUTBOX = { batchSize: 4, leaseMs: 6000, retryBaseMs: 150, retryMaxMs: 800 };
/** Shorter than the lease (the gateway refuses to start otherwise), longer than any hold before a kill. */
const CALLBACK_TIMEOUT_MS = 4000;

/** How the called customer behaves, as the simulator's number rules express it. */
export type CustomerBehaviour = 'presses_1' | 'presses_2' | 'silent' | 'busy';

export interface VoiceMenuCrashFixture {
  sim: PbxSim;
  receiver: StallingCallbackReceiver;
  gateway(): GatewayProcess;
  /** Starts the gateway process (again) on the same database and simulator. */
  startGateway(): Promise<GatewayProcess>;
  /** SIGKILLs the running gateway; resolves once the process is gone. */
  killGateway(): Promise<void>;
  /** Sip_Call Login; the token lives in Postgres, so it outlives a restart. */
  login(): Promise<string>;
  /**
   * One PlayVoice for `customuuid` to a number that behaves as asked. Resolves
   * with the answer's text, or null when the gateway died before answering.
   */
  playVoice(token: string, customuuid: string, destnumber: string): Promise<string | null>;
  /** Any Sip_Call request to the running gateway; null when it died before answering. */
  send(fields: Record<string, string>): Promise<string | null>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  outbox(): Promise<OutboxRow[]>;
  close(): Promise<void>;
}

/** The simulator rule for a customer at `number`; `hangupAfterMs` is the talk time before the customer hangs up. */
export function customerRule(number: string, behaviour: CustomerBehaviour, hangupAfterMs: number): NumberRule {
  switch (behaviour) {
    case 'presses_1':
      return { match: number, outcome: 'answer', ringMs: 200, dtmf: '1', dtmfAfterMs: 300, hangupAfterMs };
    case 'presses_2':
      return { match: number, outcome: 'answer', ringMs: 200, dtmf: '2', dtmfAfterMs: 300, hangupAfterMs };
    case 'silent':
      return { match: number, outcome: 'answer', ringMs: 200, hangupAfterMs };
    case 'busy':
      return { match: number, outcome: 'busy', ringMs: 300 };
  }
}

/**
 * A fresh database, the simulator in this process (it outlives the gateway,
 * as Asterisk does), a callback receiver that can fail or hang, and the
 * gateway as its own OS process with the demo tenant's callbacks pointed at
 * the receiver. Extension 100 answers quickly, 101 slowly, so a transfer
 * usually rings both and one of them is released. `core` adds to (or
 * replaces) the gateway's core settings.
 */
export async function startVoiceMenuCrashFixture(options: { core?: Record<string, unknown> } = {}): Promise<VoiceMenuCrashFixture> {
  const database: TestDatabase = await createTestDatabase();
  const receiver = await startStallingCallbackReceiver();
  const sim = await startPbxSim({
    port: 0,
    users: { gateway: 'gateway' },
    phones: demoSimulatorPhones.map((resource) => ({ resource, answerAfterMs: resource === 'sip101' ? 1200 : 400 })),
    media: TEST_MEDIA,
    remoteMediaMs: 800,
  });
  const pool = new Pool({ connectionString: database.url, max: 2 });
  // pool.end() resolves before its sockets are closed: the forced drop of the
  // database may end one of them first, which is expected here, not an error.
  pool.on('error', () => undefined);
  let running: GatewayProcess | null = null;

  const fixture: VoiceMenuCrashFixture = {
    sim,
    receiver,
    gateway() {
      if (!running) throw new Error('the gateway is not running');
      return running;
    },
    async startGateway() {
      running = await startGatewayProcess({
        databaseUrl: database.url,
        ariUrl: sim.url,
        provisioning: demoProvisioning({ callbackUrl: receiver.url, nodeIp: '127.0.0.1' }),
        config: {
          core: { serverIp: demoCoreSettings.serverIp, media: demoCoreSettings.media, voiceMenuKeyWaitMs: 1500, outbox: OUTBOX, ...options.core },
        },
        env: { CALLBACK_TIMEOUT_MS: String(CALLBACK_TIMEOUT_MS), ARI_TIMEOUT_MS: '3000' },
        startTimeoutMs: 60000,
      });
      return running;
    },
    async killGateway() {
      await running?.kill();
      running = null;
    },
    async login() {
      const text = await post(fixture.gateway().url, { service: 'App.Sip_Auth.Login', appid: 'demoappid', accesskey: 'demoaccesskey' });
      const token = text === null ? undefined : (JSON.parse(text) as { data?: { result?: { token?: string } } }).data?.result?.token;
      if (!token) throw new Error(`Login answered ${text}`);
      return token;
    },
    async playVoice(token, customuuid, destnumber) {
      if (!running) return null;
      return post(running.url, {
        service: 'App.Sip_Call.PlayVoice',
        token,
        voicetype: '2',
        destnumber,
        voicefile: 'wwww.baidu.com/test.mp3',
        chengshudu: '1',
        userid: '1@extGroup-1',
        disnumber: '13333333333',
        customuuid,
      });
    },
    async send(fields) {
      return running ? post(running.url, fields) : null;
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as Row[];
    },
    outbox: () => fixture.query<OutboxRow>('SELECT id::text AS id, topic, ordering_key, body, delivered_at FROM outbox ORDER BY id'),
    async close() {
      await running?.stop();
      running = null;
      await sim.close();
      await receiver.close();
      await pool.end();
      await database.drop();
    },
  };
  return fixture;
}

/** A form POST to the Sip_Call endpoint; null when the connection broke (the gateway was killed). */
async function post(baseUrl: string, fields: Record<string, string>): Promise<string | null> {
  try {
    const response = await fetch(new URL('/', baseUrl), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      signal: AbortSignal.timeout(15000),
    });
    return await response.text();
  } catch (error) {
    // A gateway that hangs is a failure; one that was killed mid-request is what these tests do.
    if (error instanceof Error && error.name === 'TimeoutError') throw error;
    return null;
  }
}
