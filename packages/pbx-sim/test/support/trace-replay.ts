import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import type { Bindings } from './unifier';
import type { EventEntry, Json, JsonObject, QueryValue, RequestEntry, ResponseEntry, Trace, TraceEntry } from './trace-format';

export interface ActualResponse {
  req: number;
  status: number;
  contentType: string | null;
  body: Json;
  binaryBytes?: number;
  allow?: string;
  wwwAuthenticate?: string;
}

export interface ActualEvent {
  ws: string;
  event: JsonObject;
}

export interface Replay {
  responses: Map<number, ActualResponse>;
  events: ActualEvent[];
  wsOpened: Set<string>;
  wsRejected: Map<string, { status: number; body: Json }>;
  problems: string[];
}

const USER = 'gateway:gateway';
/** How long past the trace's own time the replay waits for events the trace had seen by then. */
const EVENT_GRACE_MS = 4000;

function queryString(query: Record<string, QueryValue> | undefined, substitute: (s: string) => string): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(substitute(String(v)))}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function authHeader(auth: string | undefined): Record<string, string> {
  if (auth === 'none') return {};
  return { Authorization: `Basic ${Buffer.from(auth ?? USER).toString('base64')}` };
}

function sendRequest(base: URL, entry: RequestEntry, substitute: (s: string) => string): Promise<Omit<ActualResponse, 'req'>> {
  const path = substitute(entry.path) + queryString(entry.query, substitute);
  let payload: Buffer | undefined;
  if (entry.raw_body !== undefined) payload = Buffer.from(entry.raw_body);
  else if (entry.body !== undefined) payload = Buffer.from(substitute(JSON.stringify(entry.body)));
  const headers: Record<string, string | number> = { ...authHeader(entry.auth) };
  if (payload) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = payload.length;
  }
  return new Promise((resolve, reject) => {
    // A new connection per request, as the recorder did (no keep-alive).
    const req = httpRequest({ host: base.hostname, port: base.port, method: entry.method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const contentType = res.headers['content-type'] ?? null;
        let body: Json = null;
        let binaryBytes: number | undefined;
        if (raw.length > 0) {
          if (contentType === 'application/json') body = JSON.parse(raw.toString('utf8')) as Json;
          else if (contentType !== null && contentType.startsWith('audio/')) binaryBytes = raw.length;
          else body = raw.toString('utf8');
        }
        const allow = res.headers.allow;
        const www = res.headers['www-authenticate'];
        resolve({
          status: res.statusCode ?? 0,
          contentType,
          body,
          ...(binaryBytes !== undefined ? { binaryBytes } : {}),
          ...(allow !== undefined ? { allow } : {}),
          ...(www !== undefined ? { wwwAuthenticate: www } : {}),
        });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)));
}

/**
 * Replays one scenario against a simulator: every request, WebSocket open
 * and close at the trace's time, and never before the events the recorder
 * had already seen at that point have arrived (the recorder waited for
 * them too). Placeholders in paths, queries and bodies are replaced by the
 * values bound so far; `resolve` binds what only events revealed.
 */
export async function replayTrace(
  trace: Trace,
  base: URL,
  bindings: Bindings,
  learn: (entry: ResponseEntry, actual: ActualResponse) => void,
  resolve: (text: string, events: ActualEvent[]) => string,
): Promise<Replay> {
  const replay: Replay = { responses: new Map(), events: [], wsOpened: new Set(), wsRejected: new Map(), problems: [] };
  const sockets = new Map<string, WebSocket>();
  const expectedResponses = new Map<number, ResponseEntry>();
  for (const entry of trace.entries) if (entry.type === 'response') expectedResponses.set(entry.req, entry);
  const start = Date.now();
  let eventsSeen = 0;
  const substitute = (text: string): string => bindings.substitute(text) ?? resolve(text, replay.events);

  const waitFor = async (entry: TraceEntry, eventsBefore: number): Promise<void> => {
    await sleep(start + entry.t - Date.now());
    const deadline = Date.now() + EVENT_GRACE_MS;
    while (replay.events.length < eventsBefore && Date.now() < deadline) await sleep(20);
  };

  for (const entry of trace.entries) {
    if (entry.type === 'event') {
      eventsSeen++;
      continue;
    }
    if (entry.type === 'request') {
      await waitFor(entry, eventsSeen);
      const response = await sendRequest(base, entry, substitute);
      const actual = { req: entry.req, ...response };
      replay.responses.set(entry.req, actual);
      const expected = expectedResponses.get(entry.req);
      if (expected) learn(expected, actual);
    } else if (entry.type === 'ws_connect') {
      await waitFor(entry, eventsSeen);
      const url = `ws://${base.host}${entry.path}${queryString(entry.query, (s) => s)}`;
      const ws = new WebSocket(url, { headers: authHeader(entry.auth) });
      const name = entry.ws;
      ws.on('message', (data: WebSocket.RawData) => replay.events.push({ ws: name, event: JSON.parse(data.toString()) as JsonObject }));
      await new Promise<void>((done) => {
        ws.once('open', () => {
          replay.wsOpened.add(name);
          done();
        });
        ws.once('unexpected-response', (_req, res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: Json = text;
            try {
              body = JSON.parse(text) as Json;
            } catch {
              // not JSON: kept as text
            }
            replay.wsRejected.set(name, { status: res.statusCode ?? 0, body });
            done();
          });
        });
        ws.once('error', () => done());
      });
      sockets.set(name, ws);
    } else if (entry.type === 'ws_close') {
      await waitFor(entry, eventsSeen);
      const ws = sockets.get(entry.ws);
      if (ws && ws.readyState === WebSocket.OPEN) {
        await new Promise<void>((done) => {
          ws.once('close', () => done());
          ws.close(entry.code);
        });
      }
    }
  }
  const total = trace.entries.filter((e): e is EventEntry => e.type === 'event').length;
  const deadline = Date.now() + EVENT_GRACE_MS;
  while (replay.events.length < total && Date.now() < deadline) await sleep(20);
  // Anything the simulator sends late would be an extra event: give it a moment to show.
  await sleep(300);
  for (const ws of sockets.values()) ws.terminate();
  return replay;
}
