import { ServerResponse, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { compareEventLogIds, EVENT_LOG_SIGNAL, type EventLogEntry, type Store } from '@pbx-gateway/core';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { adminKeyMatches, bearerKey } from '../admin/admin-key';
import { parseSubscribeRequest, type SubscribeRequest } from './subscribe-request';

/** Where the stream is offered (docs/event-stream.md). */
export const EVENT_STREAM_PATH = '/events/v1/stream';

/** Close codes of the stream's own refusals (4000–4999 are the application's). */
export const STREAM_CLOSE = { invalidRequest: 4400, unauthorized: 4401, disabled: 4404, subscribeTimeout: 4408 } as const;

const PAGE = 500;
const SUBSCRIBE_TIMEOUT_MS = 10_000;
const WAIT_MS = 25_000;
// While committed entries wait behind an older transaction still running, asked again this soon, then less and less often.
const HELD_RETRY_MS = { first: 20, most: 1000 } as const;
const PING_MS = 30_000;
// A reader this far behind is dropped rather than held in memory; it resumes from its last id.
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export interface EventStreamDeps {
  store: Pick<Store, 'direct' | 'mailboxSignals'>;
  /** SHA-256 of the admin key; null: the stream is off, as the admin API is. */
  apiKeySha256: string | null;
  logger: Logger;
}

export interface EventStream {
  close(): Promise<void>;
}

/**
 * Offers the event log on an authenticated WebSocket: the reader's first
 * message says which topics, which tenant and from which id; entries then
 * follow in the log's order once their transactions have finished, each once.
 */
export function attachEventStream(server: Server, deps: EventStreamDeps): EventStream {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const stopping = new AbortController();
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    if (pathOf(req) === EVENT_STREAM_PATH) wss.handleUpgrade(req, socket, head, (ws) => serve(ws, req, deps, stopping.signal));
    else answerAsPlainRequest(server, req, socket, head);
  };
  server.on('upgrade', onUpgrade);
  return {
    async close() {
      server.off('upgrade', onUpgrade);
      stopping.abort();
      for (const client of wss.clients) client.close(1001, 'the gateway is stopping');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

const pathOf = (req: IncomingMessage): string => (req.url ?? '').split('?')[0] ?? '';

/**
 * Once anyone listens for upgrades, Node hands every request asking for one
 * (a WebSocket elsewhere, `curl --http2`'s `Upgrade: h2c`) to the listeners
 * instead of the app. Elsewhere than the stream, such a request is answered
 * by the app like any other, on its socket, which then closes.
 */
function answerAsPlainRequest(server: Server, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  if (head.length > 0) socket.unshift(head);
  const res = new ServerResponse(req);
  res.shouldKeepAlive = false;
  res.assignSocket(socket as Socket);
  res.once('finish', () => {
    res.detachSocket(socket as Socket);
    socket.end();
  });
  server.emit('request', req, res);
}

function serve(ws: WebSocket, req: IncomingMessage, deps: EventStreamDeps, stopping: AbortSignal): void {
  const remoteAddress = req.socket.remoteAddress ?? null;
  // A reader's protocol error (a frame too large, a bad frame) closes its socket; unheard, it would end the process.
  ws.on('error', (error) => deps.logger.warn({ remoteAddress, error: error.message }, 'event stream reader failed'));
  if (deps.apiKeySha256 === null) {
    refuse(ws, STREAM_CLOSE.disabled, 'STREAM_DISABLED', 'the event stream is switched off: no admin key is configured');
    return;
  }
  const headerKey = bearerKey(req.headers.authorization);
  const timer = setTimeout(() => refuse(ws, STREAM_CLOSE.subscribeTimeout, 'INVALID_REQUEST', 'no subscribe message came'), SUBSCRIBE_TIMEOUT_MS);
  ws.once('close', () => clearTimeout(timer));
  ws.once('message', (data, isBinary) => {
    clearTimeout(timer);
    const parsed = isBinary ? ({ ok: false, message: 'send text frames' } as const) : parseSubscribeRequest(String(data));
    if (!parsed.ok) {
      refuse(ws, STREAM_CLOSE.invalidRequest, 'INVALID_REQUEST', parsed.message);
      return;
    }
    const key = parsed.request.key ?? headerKey;
    if (key === null || !adminKeyMatches(key, deps.apiKeySha256!)) {
      deps.logger.warn({ remoteAddress }, 'event stream refused: no valid key');
      refuse(ws, STREAM_CLOSE.unauthorized, 'UNAUTHORIZED', 'a valid admin key is required');
      return;
    }
    deps.logger.info({ remoteAddress, topics: parsed.request.filter.topics, after: parsed.request.after }, 'event stream subscribed');
    const ended = new AbortController();
    const endAll = (): void => ended.abort();
    stopping.addEventListener('abort', endAll, { once: true });
    ws.once('close', () => {
      stopping.removeEventListener('abort', endAll);
      ended.abort();
    });
    // Anything the reader says after subscribing is ignored; pings keep proxies from closing an idle stream.
    const ping = setInterval(() => ws.ping(), PING_MS);
    ended.signal.addEventListener('abort', () => clearInterval(ping), { once: true });
    follow(ws, parsed.request, deps, ended.signal).catch((error: unknown) => {
      if (ended.signal.aborted) return;
      deps.logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'event stream reader dropped');
      ws.close(1011, 'the event log could not be read');
    });
  });
}

async function follow(ws: WebSocket, request: SubscribeRequest, deps: EventStreamDeps, ended: AbortSignal): Promise<void> {
  const { eventLog } = deps.store.direct;
  const signals = deps.store.mailboxSignals;
  let version = signals.version(EVENT_LOG_SIGNAL.agentId, EVENT_LOG_SIGNAL.channel);
  let after = request.after ?? (await eventLog.lastId());
  let first = true;
  let heldRetryMs: number = HELD_RETRY_MS.first;
  while (!ended.aborted) {
    const page = await eventLog.readAfter(after, request.filter, PAGE);
    if (ended.aborted) return;
    if (first) {
      send(ws, { type: 'subscribed', after });
      if (request.after !== null && compareEventLogIds(request.after, page.prunedThrough) < 0) {
        send(ws, { type: 'gap', after: request.after, prunedThrough: page.prunedThrough });
      }
      first = false;
    }
    for (const entry of page.entries) send(ws, eventMessage(entry));
    if (page.entries.length > 0) after = page.entries.at(-1)!.id;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      ws.close(1013, 'the reader is too slow; resume from the last id');
      return;
    }
    if (page.entries.length === PAGE) continue;
    await signals.wait(EVENT_LOG_SIGNAL.agentId, EVENT_LOG_SIGNAL.channel, page.held ? heldRetryMs : WAIT_MS, ended, version);
    heldRetryMs = page.held ? Math.min(heldRetryMs * 2, HELD_RETRY_MS.most) : HELD_RETRY_MS.first;
    version = signals.version(EVENT_LOG_SIGNAL.agentId, EVENT_LOG_SIGNAL.channel);
  }
}

/** One entry on the wire. */
export function eventMessage(entry: EventLogEntry): Record<string, unknown> {
  return { type: 'event', id: entry.id, at: entry.at.toISOString(), topic: entry.topic, tenant: entry.tenant, event: entry.type, data: entry.data };
}

function send(ws: WebSocket, message: Record<string, unknown>): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

function refuse(ws: WebSocket, closeCode: number, code: string, message: string): void {
  send(ws, { type: 'error', code, message });
  ws.close(closeCode, code);
}
