import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { handleControlRequest } from '../control/control-routes';
import type { ConnectionFaults, SimControl } from '../control/sim-control';
import type { World } from '../engine/world';
import type { Json } from '../util/json';
import { EventSockets } from '../ws/event-socket';
import { handleAriRequest, type AriOutcome } from './ari-handler';
import { htmlErrorReply, SERVER_NAME, statusText, type HttpReply } from './responses';
import { queryRecord, type TrafficLog } from './traffic-log';


export interface ServerSettings {
  users: Record<string, string>;
  keepAliveTimeoutMs: number;
  logger: (line: string) => void;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/**
 * The HTTP side of the simulator: ARI under /ari (REST and the events
 * WebSocket), the control API under /sim, and connection behaviour like
 * Asterisk's HTTP server: idle keep-alive connections are closed after
 * session_keep_alive milliseconds, without the Keep-Alive hint Node adds.
 */
export class SimHttpServer implements ConnectionFaults {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly idleTimers = new Map<Socket, NodeJS.Timeout>();
  private readonly eventSockets: EventSockets;
  private keepAliveMs: number;
  private resetUntil = 0;
  private refuseTimer?: NodeJS.Timeout;
  private host = '127.0.0.1';
  private port = 0;
  private closed = false;
  control?: SimControl;

  constructor(
    private readonly world: World,
    private readonly traffic: TrafficLog,
    private readonly settings: ServerSettings,
  ) {
    this.keepAliveMs = settings.keepAliveTimeoutMs;
    this.eventSockets = new EventSockets(world);
    this.server = createServer();
    // Idle connections are ours to close (see onFinished); Node must neither close them nor advertise a timeout.
    this.server.keepAliveTimeout = 0;
    this.server.on('connection', (socket: Socket) => this.onConnection(socket));
    this.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      this.onRequest(request, response).catch((error: unknown) => {
        this.settings.logger(`request failed: ${String((error as Error)?.stack ?? error)}`);
        if (!response.headersSent) this.send(response, { status: 500, headers: { 'Content-type': 'application/json' }, body: Buffer.from('{"error":"Internal Server Error"}') });
      });
    });
    this.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.onUpgrade(request, socket, head).catch(() => socket.destroy());
    });
  }

  async listen(host: string, port: number): Promise<number> {
    this.host = host;
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    return this.port;
  }

  private onConnection(socket: Socket): void {
    if (Date.now() < this.resetUntil) {
      socket.resetAndDestroy();
      return;
    }
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.clearIdle(socket);
    });
  }

  private clearIdle(socket: Socket): void {
    const timer = this.idleTimers.get(socket);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(socket);
  }

  private onFinished(socket: Socket): void {
    if (socket.destroyed || this.closed) return;
    this.clearIdle(socket);
    this.idleTimers.set(
      socket,
      setTimeout(() => {
        this.idleTimers.delete(socket);
        socket.destroy();
      }, this.keepAliveMs),
    );
  }

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const socket = request.socket;
    this.clearIdle(socket);
    response.on('finish', () => this.onFinished(socket));
    const url = new URL(request.url ?? '/', 'http://simulator');
    const method = request.method ?? 'GET';
    const body = await readBody(request);
    if (url.pathname === '/ari' || url.pathname.startsWith('/ari/')) {
      const query = [...url.searchParams] as [string, string][];
      const ariPath = url.pathname.slice('/ari'.length);
      const outcome = await handleAriRequest(this.world, this.settings.users, { method, ariPath, query, headers: request.headers, body }, false);
      const reply = outcome.kind === 'reply' ? outcome.reply : htmlErrorReply(500, 'Internal Server Error');
      this.logAri(method, url.pathname, query, outcome, body, reply.status, ariPath);
      this.send(response, reply);
      return;
    }
    if (url.pathname.startsWith('/sim/') && this.control) {
      if (url.pathname === '/sim/refuse' && method === 'POST') {
        await this.controlRefuse(response, body);
        return;
      }
      const reply = await handleControlRequest(this.control, method, url.pathname, body);
      this.send(response, jsonBody(reply.status, reply.body));
      return;
    }
    this.send(response, htmlErrorReply(404, 'The requested URL was not found on this server.'));
  }

  /** Over HTTP the refusal starts once the answer has left, so the caller gets it. */
  private async controlRefuse(response: ServerResponse, raw: Buffer): Promise<void> {
    let ms = NaN;
    let mode: 'refuse' | 'reset' = 'refuse';
    try {
      const parsed = JSON.parse(raw.toString('utf8') || '{}') as { ms?: unknown; mode?: unknown };
      if (typeof parsed.ms === 'number') ms = parsed.ms;
      if (parsed.mode === 'reset') mode = 'reset';
    } catch {
      // reported below as a bad request
    }
    if (!Number.isFinite(ms) || ms < 0) {
      this.send(response, jsonBody(400, { error: 'ms must be a positive number' }));
      return;
    }
    response.on('finish', () => void this.refuseConnections(ms, mode));
    this.send(response, jsonBody(204, undefined));
  }

  private logAri(method: string, path: string, query: [string, string][], outcome: AriOutcome, raw: Buffer, status: number, ariPath: string): void {
    this.settings.logger(`${method} ${path} ${status}`);
    if (!this.traffic.enabled || ariPath.startsWith('/api-docs/')) return;
    const parsedBody = outcome.kind === 'reply' ? outcome.parsedBody : undefined;
    this.traffic.request({
      at: Date.now(),
      method,
      path,
      query: queryRecord(query),
      ...(parsedBody !== undefined ? { body: parsedBody } : raw.length > 0 ? { rawBody: raw.toString('utf8') } : {}),
      status,
    });
  }

  private send(response: ServerResponse, reply: HttpReply): void {
    const headers: Record<string, string | number> = {
      Server: SERVER_NAME,
      Date: new Date().toUTCString(),
      'Cache-Control': 'no-cache, no-store',
      ...reply.headers,
      'Content-Length': reply.body?.length ?? 0,
    };
    response.writeHead(reply.status, statusText(reply.status), headers);
    response.end(reply.body);
  }

  private async onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    // A pooled connection may carry the upgrade: it is no longer idle.
    this.clearIdle(request.socket);
    const url = new URL(request.url ?? '/', 'http://simulator');
    const method = request.method ?? 'GET';
    const query = [...url.searchParams] as [string, string][];
    if (!(url.pathname === '/ari' || url.pathname.startsWith('/ari/'))) {
      writeRaw(socket, htmlErrorReply(404, 'The requested URL was not found on this server.'));
      return;
    }
    const ariPath = url.pathname.slice('/ari'.length);
    const outcome = await handleAriRequest(this.world, this.settings.users, { method, ariPath, query, headers: request.headers, body: Buffer.alloc(0) }, true);
    this.logAri(method, url.pathname, query, outcome, Buffer.alloc(0), outcome.kind === 'reply' ? outcome.reply.status : 101, ariPath);
    if (outcome.kind === 'reply') {
      writeRaw(socket, outcome.reply);
      return;
    }
    this.eventSockets.accept(request, socket, head, outcome.apps, outcome.subscribeAll);
  }

  dropWebSockets(): number {
    return this.eventSockets.dropAll();
  }

  setKeepAliveTimeout(ms: number): void {
    this.keepAliveMs = ms;
  }

  /** Cuts every open connection, as a process that died would. */
  private cutAll(): void {
    this.eventSockets.dropAll();
    for (const socket of [...this.sockets]) socket.destroy();
  }

  async refuseConnections(ms: number, mode: 'refuse' | 'reset'): Promise<void> {
    if (this.closed) return;
    if (mode === 'reset') {
      this.resetUntil = Date.now() + ms;
      this.cutAll();
      return;
    }
    if (this.refuseTimer) clearTimeout(this.refuseTimer);
    const closing = this.server.listening ? new Promise<void>((resolve) => this.server.close(() => resolve())) : Promise.resolve();
    this.cutAll();
    await closing;
    this.refuseTimer = setTimeout(() => {
      this.refuseTimer = undefined;
      if (!this.closed) this.server.listen(this.port, this.host);
    }, ms);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.refuseTimer) clearTimeout(this.refuseTimer);
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    this.eventSockets.close();
    const closing = this.server.listening ? new Promise<void>((resolve) => this.server.close(() => resolve())) : Promise.resolve();
    for (const socket of [...this.sockets]) socket.destroy();
    await closing;
  }
}

function jsonBody(status: number, body: Json | undefined): HttpReply {
  if (body === undefined || status === 204) return { status, headers: {} };
  return { status, headers: { 'Content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) };
}

function writeRaw(socket: Duplex, reply: HttpReply): void {
  const lines = [`HTTP/1.1 ${reply.status} ${statusText(reply.status)}`, `Server: ${SERVER_NAME}`, `Date: ${new Date().toUTCString()}`, 'Connection: close', 'Cache-Control: no-cache, no-store'];
  for (const [name, value] of Object.entries(reply.headers)) lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${reply.body?.length ?? 0}`);
  socket.end(Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n'), reply.body ?? Buffer.alloc(0)]));
}
