import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import type { Json, JsonObject, QueryValue, TraceEntry } from '../../support/trace-format';

/**
 * An HTTP and WebSocket relay in front of one ARI server (the real Asterisk
 * or the simulator) that writes down what crosses it in the golden traces'
 * format: requests, responses, WebSocket opens, refusals, closes and every
 * event. Any client (ari-client, raw HTTP, `ws`) talks to it as to the server,
 * so the two servers are observed exactly alike. `/ari/api-docs` is relayed
 * but not written down: it is the client's start-up, compared on its own.
 */
export interface RecordingProxy {
  url: string;
  entries: TraceEntry[];
  /** Resolves with the first event (already received or still to come) that matches. */
  waitForEvent(match: (event: JsonObject) => boolean, timeoutMs?: number): Promise<JsonObject>;
  events(): JsonObject[];
  close(): Promise<void>;
}

function parseQuery(search: URLSearchParams): Record<string, QueryValue> | undefined {
  const query: Record<string, QueryValue> = {};
  let any = false;
  for (const [key, value] of search) {
    any = true;
    const previous = query[key];
    if (previous === undefined) query[key] = value;
    else query[key] = Array.isArray(previous) ? [...previous, value] : [previous as string, value];
  }
  return any ? query : undefined;
}

/** Requests made with other credentials than the normal ones say so in `auth`, as the traces do. */
function authOf(header: string | undefined, search: URLSearchParams, normal: string): string | undefined {
  if (search.has('api_key')) return undefined;
  if (header === undefined) return 'none';
  const decoded = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');
  return decoded === normal ? undefined : decoded;
}

/** Close codes a peer may send (1005 and 1006 only describe what happened). */
function sendableCode(code: number): number {
  return code === 1000 || (code >= 1001 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999) ? code : 1000;
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function parseBody(raw: Buffer, contentType: string | null): { body: Json; binaryBytes?: number } {
  if (raw.length === 0) return { body: null };
  if (contentType !== null && contentType.startsWith('audio/')) return { body: { _binary_bytes: raw.length }, binaryBytes: raw.length };
  const text = raw.toString('utf8');
  if (contentType === 'application/json') {
    try {
      return { body: JSON.parse(text) as Json };
    } catch {
      return { body: text };
    }
  }
  return { body: text };
}

export async function startRecordingProxy(target: string, credentials: string): Promise<RecordingProxy> {
  const upstream = new URL(target);
  const entries: TraceEntry[] = [];
  const start = Date.now();
  const now = (): number => Date.now() - start;
  let requestCount = 0;
  let socketCount = 0;
  const waiters: { match: (e: JsonObject) => boolean; resolve: (e: JsonObject) => void }[] = [];
  const liveSockets = new Set<WebSocket>();

  const recordEvent = (ws: string, event: JsonObject): void => {
    entries.push({ t: now(), type: 'event', ws, event });
    for (const waiter of [...waiters]) {
      if (waiter.match(event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  };

  const relayRequest = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const payload = await readBody(req);
    const recorded = !url.pathname.startsWith('/ari/api-docs');
    const number = recorded ? ++requestCount : 0;
    if (recorded) {
      const entry: TraceEntry = { t: now(), type: 'request', req: number, method: req.method ?? 'GET', path: url.pathname };
      const query = parseQuery(url.searchParams);
      if (query) entry.query = query;
      if (payload.length > 0) {
        try {
          entry.body = JSON.parse(payload.toString('utf8')) as Json;
        } catch {
          entry.raw_body = payload.toString('utf8');
        }
      }
      const auth = authOf(req.headers.authorization, url.searchParams, credentials);
      if (auth !== undefined) entry.auth = auth;
      entries.push(entry);
    }
    const headers = { ...req.headers };
    delete headers.connection;
    const forwarded = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers, agent: false },
      (answer) => {
        void readBody(answer).then((raw) => {
          const contentType = answer.headers['content-type'] ?? null;
          if (recorded) {
            const { body } = parseBody(raw, contentType);
            const entry: TraceEntry = { t: now(), type: 'response', req: number, status: answer.statusCode ?? 0, content_type: contentType, body };
            if (answer.headers.allow !== undefined) entry.allow = answer.headers.allow;
            const www = answer.headers['www-authenticate'];
            if (www !== undefined) entry['www-authenticate'] = www;
            entries.push(entry);
          }
          const out = { ...answer.headers };
          delete out.connection;
          delete out['keep-alive'];
          delete out['transfer-encoding'];
          out['content-length'] = String(raw.length);
          res.writeHead(answer.statusCode ?? 502, out);
          res.end(raw);
        });
      },
    );
    forwarded.on('error', (error) => {
      res.writeHead(502);
      res.end(String(error));
    });
    forwarded.end(payload);
  };

  const wss = new WebSocketServer({ noServer: true });
  const server: Server = createServer((req, res) => void relayRequest(req, res));
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const name = `ws${++socketCount}`;
    const url = new URL(req.url ?? '/', 'http://proxy');
    const connect: TraceEntry = { t: now(), type: 'ws_connect', ws: name, path: url.pathname, query: parseQuery(url.searchParams) ?? {} };
    const auth = authOf(req.headers.authorization, url.searchParams, credentials);
    if (auth !== undefined) connect.auth = auth;
    entries.push(connect);
    const headers: Record<string, string> = {};
    if (req.headers.authorization !== undefined) headers.authorization = req.headers.authorization;
    const far = new WebSocket(`ws://${upstream.host}${req.url ?? '/'}`, { headers });
    far.once('unexpected-response', (_r, answer) => {
      void readBody(answer).then((raw) => {
        const contentType = answer.headers['content-type'] ?? null;
        let body: Json = raw.toString('utf8');
        if (contentType === 'application/json') body = parseBody(raw, contentType).body;
        entries.push({ t: now(), type: 'ws_rejected', ws: name, status: answer.statusCode ?? 0, body });
        const lines = [`HTTP/1.1 ${answer.statusCode ?? 500} ${answer.statusMessage ?? ''}`];
        if (contentType !== null) lines.push(`Content-Type: ${contentType}`);
        lines.push(`Content-Length: ${raw.length}`, 'Connection: close', '', '');
        socket.end(Buffer.concat([Buffer.from(lines.join('\r\n')), raw]));
      });
    });
    far.once('error', () => socket.destroy());
    far.once('open', () => {
      entries.push({ t: now(), type: 'ws_open', ws: name });
      wss.handleUpgrade(req, socket, head, (near) => {
        liveSockets.add(near);
        liveSockets.add(far);
        far.on('message', (data: WebSocket.RawData) => {
          recordEvent(name, JSON.parse(data.toString()) as JsonObject);
          if (near.readyState === WebSocket.OPEN) near.send(data.toString());
        });
        near.on('message', (data: WebSocket.RawData) => {
          if (far.readyState === WebSocket.OPEN) far.send(data.toString());
        });
        near.on('close', (code) => {
          entries.push({ t: now(), type: 'ws_close', ws: name, code });
          if (far.readyState === WebSocket.OPEN) far.close(sendableCode(code));
          liveSockets.delete(near);
        });
        far.on('close', (code) => {
          if (near.readyState === WebSocket.OPEN) near.close(sendableCode(code));
          liveSockets.delete(far);
        });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const events = (): JsonObject[] => entries.flatMap((e) => (e.type === 'event' ? [e.event] : []));
  return {
    url: `http://127.0.0.1:${port}`,
    entries,
    events,
    waitForEvent(match, timeoutMs = 10000) {
      const seen = events().find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve: (e: JsonObject) => (clearTimeout(timer), resolve(e)) };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no matching event within ${timeoutMs} ms from ${target}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    async close() {
      for (const ws of liveSockets) ws.terminate();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
