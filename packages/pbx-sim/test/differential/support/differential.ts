import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { connect, type Client } from 'ari-client';
import WebSocket from 'ws';
import { startPbxSim, type PbxSim, type PbxSimOptions } from '@pbx-gateway/pbx-sim';
import { compareTrace } from '../../support/trace-compare';
import type { Json, JsonObject, QueryValue, Trace, TraceEntry } from '../../support/trace-format';
import type { ActualEvent, ActualResponse, Replay } from '../../support/trace-replay';
import { Bindings } from '../../support/unifier';
import { maskRaces } from './asterisk-races';
import { maskVolatile, toPlaceholders } from './placeholders';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy';

/** The Stasis application every scenario runs. */
export const APP = 'diff';

export interface Reply {
  status: number;
  body: Json;
}

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: Json;
  rawBody?: string;
  /** `user:pass`, or 'none' for no Authorization header. */
  auth?: string;
}

/** One ARI server as a scenario sees it: everything it does goes through the recording proxy. */
export interface Target {
  kind: 'asterisk' | 'sim';
  url: string;
  http(method: string, path: string, options?: RequestOptions): Promise<Reply>;
  /** An event WebSocket for `app` (or the given query); resolves once open or refused. */
  socket(query?: Record<string, string>, auth?: string): Promise<WebSocket>;
  /** ari-client connected through the proxy (its start-up requests are not compared). */
  client(): Promise<Client>;
  event(match: (event: JsonObject) => boolean, timeoutMs?: number): Promise<JsonObject>;
  events(): JsonObject[];
  sleep(ms: number): Promise<void>;
}

export type Scenario = (target: Target) => Promise<void>;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function send(base: string, credentials: string, method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
  const url = new URL(`${base}/ari${path}`);
  for (const [key, value] of Object.entries(options.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(v));
  }
  const headers: Record<string, string | number> = {};
  const auth = options.auth ?? credentials;
  if (auth !== 'none') headers.Authorization = `Basic ${Buffer.from(auth).toString('base64')}`;
  let payload: Buffer | undefined;
  if (options.rawBody !== undefined) payload = Buffer.from(options.rawBody);
  else if (options.body !== undefined) payload = Buffer.from(JSON.stringify(options.body));
  if (payload) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = payload.length;
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path: url.pathname + url.search, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: Json = text === '' ? null : text;
        if (res.headers['content-type'] === 'application/json' && text !== '') body = JSON.parse(text) as Json;
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function makeTarget(kind: Target['kind'], credentials: string, proxy: RecordingProxy, sockets: WebSocket[], clients: Client[]): Target {
  return {
    kind,
    url: proxy.url,
    http: (method, path, options) => send(proxy.url, credentials, method, path, options),
    socket(query = { app: APP }, auth = credentials) {
      const url = new URL(`${proxy.url.replace('http', 'ws')}/ari/events`);
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      const headers = auth === 'none' ? {} : { Authorization: `Basic ${Buffer.from(auth).toString('base64')}` };
      const ws = new WebSocket(url, { headers });
      sockets.push(ws);
      return new Promise((resolve) => {
        ws.once('open', () => resolve(ws));
        ws.once('unexpected-response', () => resolve(ws));
        ws.once('error', () => resolve(ws));
      });
    },
    async client() {
      const [user, password] = credentials.split(':') as [string, string];
      const client = await connect(proxy.url, user, password);
      clients.push(client);
      return client;
    },
    event: (match, timeoutMs) => proxy.waitForEvent(match, timeoutMs),
    events: () => proxy.events(),
    sleep,
  };
}

/** Hangs up every channel and destroys every bridge, unrecorded, and waits until none is left. */
async function clearServer(base: string, credentials: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const channels = await send(base, credentials, 'GET', '/channels');
    const bridges = await send(base, credentials, 'GET', '/bridges');
    const list = (reply: Reply): JsonObject[] => (Array.isArray(reply.body) ? (reply.body as JsonObject[]) : []);
    if (list(channels).length === 0 && list(bridges).length === 0) return;
    for (const channel of list(channels)) await send(base, credentials, 'DELETE', `/channels/${String(channel.id)}`);
    for (const bridge of list(bridges)) await send(base, credentials, 'DELETE', `/bridges/${String(bridge.id)}`);
    await sleep(100);
  }
}

async function clearStoredRecordings(base: string, credentials: string): Promise<void> {
  const stored = await send(base, credentials, 'GET', '/recordings/stored');
  if (!Array.isArray(stored.body)) return;
  for (const recording of stored.body as JsonObject[]) await send(base, credentials, 'DELETE', `/recordings/stored/${String(recording.name)}`);
}

interface Run {
  entries: TraceEntry[];
  error?: string;
}

/** Settles after the scenario: late events (hang-ups, destroys) belong to it. */
const SETTLE_MS = 600;

async function runOn(kind: Target['kind'], server: string, credentials: string, scenario: Scenario): Promise<Run> {
  const proxy = await startRecordingProxy(server, credentials);
  const sockets: WebSocket[] = [];
  const clients: Client[] = [];
  const run: Run = { entries: proxy.entries };
  try {
    await scenario(makeTarget(kind, credentials, proxy, sockets, clients));
    await sleep(SETTLE_MS);
  } catch (error) {
    run.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  } finally {
    for (const client of clients) {
      try {
        client.stop();
      } catch {
        // already stopped
      }
    }
    for (const ws of sockets) ws.terminate();
    await proxy.close();
    await clearServer(server, credentials);
    await clearStoredRecordings(server, credentials);
  }
  return run;
}

/** PBX_SIM_DIFFERENTIAL_DUMP=<folder> keeps both runs of every scenario, for reading a difference. */
function dump(name: string, real: TraceEntry[], simulated: TraceEntry[]): void {
  const folder = process.env.PBX_SIM_DIFFERENTIAL_DUMP;
  if (folder === undefined) return;
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${name}.asterisk.json`), JSON.stringify(real, null, 1));
  writeFileSync(join(folder, `${name}.sim.json`), JSON.stringify(simulated, null, 1));
}

function toReplay(entries: TraceEntry[]): Replay {
  const replay: Replay = { responses: new Map(), events: [], wsOpened: new Set(), wsRejected: new Map(), problems: [] };
  for (const entry of entries) {
    if (entry.type === 'response') {
      const response: ActualResponse = { req: entry.req, status: entry.status, contentType: entry.content_type, body: maskVolatile(entry.body) };
      const body = entry.body;
      if (typeof body === 'object' && body !== null && !Array.isArray(body) && typeof body._binary_bytes === 'number') response.binaryBytes = body._binary_bytes;
      if (entry.allow !== undefined) response.allow = entry.allow;
      if (entry['www-authenticate'] !== undefined) response.wwwAuthenticate = entry['www-authenticate'];
      replay.responses.set(entry.req, response);
    } else if (entry.type === 'event') {
      const event: ActualEvent = { ws: entry.ws, event: maskVolatile(entry.event) };
      replay.events.push(event);
    } else if (entry.type === 'ws_open') {
      replay.wsOpened.add(entry.ws);
    } else if (entry.type === 'ws_rejected') {
      replay.wsRejected.set(entry.ws, { status: entry.status, body: entry.body ?? null });
    }
  }
  return replay;
}

/** Requests must be the same on both sides for their responses to be compared one by one. */
function requestProblems(expected: TraceEntry[], actual: TraceEntry[]): string[] {
  const shape = (entries: TraceEntry[]): string[] => entries.flatMap((e) => (e.type === 'request' ? [`${e.req} ${e.method}`] : []));
  const want = shape(expected);
  const got = shape(actual);
  return want.join() === got.join() ? [] : [`the simulator run made requests ${got.join(', ')}; Asterisk's ${want.join(', ')}`];
}

export interface DifferentialResult {
  problems: string[];
  /** Asterisk's run in the traces' normalised form, for reading a failure. */
  asterisk: Trace;
}

export interface Differential {
  /** Runs the scenario on the real Asterisk and on a fresh simulator, side by side, and compares what each showed. */
  compare(name: string, scenario: Scenario, simOptions?: PbxSimOptions): Promise<DifferentialResult>;
}

/**
 * Asterisk runs a scenario on several threads of its own, so two runs of it
 * can order or snapshot some events differently; the simulator is
 * deterministic. A simulator run that differs from Asterisk's is compared
 * again with further runs of the scenario on Asterisk (ASTERISK_RUNS in
 * all): it passes when it shows what one of them showed, a behaviour the real
 * Asterisk has, and fails with the first run's differences otherwise.
 */
const ASTERISK_RUNS = 3;

/** `credentials` (`user:password`) is the ARI account of the real Asterisk; the simulator is given the same. */
export function differential(asteriskUrl: string, credentials: string, defaults: PbxSimOptions): Differential {
  const compareRuns = (name: string, real: Run, simulated: Run): DifferentialResult => {
    if (real.error !== undefined) throw new Error(`the scenario failed on the real Asterisk: ${real.error}`);
    const trace: Trace = { scenario: name, title: name, entries: toPlaceholders(maskRaces(real.entries)) };
    const problems: string[] = [];
    if (simulated.error !== undefined) problems.push(`the scenario failed on the simulator: ${simulated.error.split('\n')[0] ?? ''}`);
    problems.push(...requestProblems(real.entries, simulated.entries));
    problems.push(...compareTrace(trace, toReplay(maskRaces(simulated.entries)), new Bindings()));
    return { problems, asterisk: trace };
  };
  return {
    async compare(name, scenario, simOptions) {
      let sim: PbxSim | undefined;
      try {
        sim = await startPbxSim({ ...defaults, ...simOptions });
        const [real, simulated] = await Promise.all([runOn('asterisk', asteriskUrl, credentials, scenario), runOn('sim', sim.url, credentials, scenario)]);
        dump(name, real.entries, simulated.entries);
        const first = compareRuns(name, real, simulated);
        for (let run = 2; run <= ASTERISK_RUNS && first.problems.length > 0 && simulated.error === undefined; run++) {
          const again = await runOn('asterisk', asteriskUrl, credentials, scenario);
          if (again.error === undefined && compareRuns(name, again, simulated).problems.length === 0) return { problems: [], asterisk: first.asterisk };
        }
        return first;
      } finally {
        await sim?.close();
      }
    },
  };
}

/** The `id` of a response body or of an event's channel, for the scenario's next requests. */
export function idOf(reply: Reply): string {
  const body = reply.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body) || typeof body.id !== 'string') throw new Error(`no id in ${JSON.stringify(body)}`);
  return body.id;
}

export function channelOf(event: JsonObject): string {
  const channel = event.channel;
  if (typeof channel !== 'object' || channel === null || Array.isArray(channel) || typeof channel.id !== 'string') return '';
  return channel.id;
}

/** Matches an event by type and, when given, by its channel's id. */
export function isEvent(type: string, channelId?: string): (event: JsonObject) => boolean {
  return (event) => event.type === type && (channelId === undefined || channelOf(event) === channelId);
}
