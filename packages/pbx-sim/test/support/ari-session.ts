import WebSocket from 'ws';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface AriReply {
  status: number;
  headers: Headers;
  body: Json;
  text: string;
}

/** A minimal ARI client for tests: REST calls with basic auth, and event WebSockets. */
export class AriSession {
  private readonly sockets: WebSocket[] = [];

  constructor(
    readonly baseUrl: string,
    private readonly credentials = 'gateway:gateway',
  ) {}

  private get authorization(): string {
    return `Basic ${Buffer.from(this.credentials).toString('base64')}`;
  }

  async call(method: string, path: string, query: Record<string, string | number | boolean> = {}, body?: Json): Promise<AriReply> {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
    const url = `${this.baseUrl}/ari${path}${search.size > 0 ? `?${search}` : ''}`;
    const headers: Record<string, string> = { Authorization: this.authorization };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, headers: response.headers, text, body: type.startsWith('application/json') && text !== '' ? (JSON.parse(text) as Json) : null };
  }

  /** Same as call, but fails the test unless the status is the one expected. */
  async expect(status: number, method: string, path: string, query: Record<string, string | number | boolean> = {}, body?: Json): Promise<Json> {
    const reply = await this.call(method, path, query, body);
    if (reply.status !== status) throw new Error(`${method} ${path}: ${reply.status} ${reply.text}, expected ${status}`);
    return reply.body;
  }

  async events(app: string, options: { subscribeAll?: boolean } = {}): Promise<EventStream> {
    const query = `app=${encodeURIComponent(app)}&api_key=${encodeURIComponent(this.credentials)}${options.subscribeAll ? '&subscribeAll=true' : ''}`;
    const ws = new WebSocket(`${this.baseUrl.replace(/^http/, 'ws')}/ari/events?${query}`);
    this.sockets.push(ws);
    const stream = new EventStream(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return stream;
  }

  close(): void {
    for (const ws of this.sockets) ws.terminate();
  }
}

export class EventStream {
  readonly received: JsonObject[] = [];
  private waiters: { test: (e: JsonObject) => boolean; resolve: (e: JsonObject) => void; from: number }[] = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      const event = JSON.parse(data.toString()) as JsonObject;
      this.received.push(event);
      this.waiters = this.waiters.filter((w) => {
        if (!w.test(event)) return true;
        w.resolve(event);
        return false;
      });
    });
  }

  /** Resolves with the first event (already received or to come) that passes `test`. */
  next(test: (event: JsonObject) => boolean, timeoutMs = 5000): Promise<JsonObject> {
    const seen = this.received.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; got ${this.received.map((e) => e.type).join(', ')}`)), timeoutMs);
      this.waiters.push({
        test,
        from: this.received.length,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  }

  /** The first event of `type` about channel `channelId` (or any channel). */
  waitFor(type: string, channelId?: string, timeoutMs?: number): Promise<JsonObject> {
    return this.next((e) => e.type === type && (channelId === undefined || channelOf(e) === channelId), timeoutMs);
  }

  ofChannel(channelId: string): JsonObject[] {
    return this.received.filter((e) => channelOf(e) === channelId);
  }

  types(channelId?: string): string[] {
    return (channelId === undefined ? this.received : this.ofChannel(channelId)).map((e) => String(e.type));
  }
}

export function channelOf(event: JsonObject): string | undefined {
  for (const key of ['channel', 'peer'] as const) {
    const value = event[key];
    if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.id === 'string') return value.id;
  }
  return undefined;
}

export function field(value: Json | undefined, ...path: string[]): Json | undefined {
  let current: Json | undefined = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    current = current[key];
  }
  return current;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
