import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import type { WireRequest } from './request-shape';

/** What a client saw: the status, headers and body of the answer, and how long it waited. */
export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  elapsedMs: number;
}

export type Exchange = { kind: 'answer'; answer: Answer } | { kind: 'failure'; reason: string; elapsedMs: number };

/** Answers are read up to this size; none of the dialects answers anywhere near it. */
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/**
 * Sends one request over its own TCP connection (closed once the answer is
 * in, so one request's fate cannot spill into the next) and waits at most
 * `timeoutMs` for the whole answer. Never rejects: a timeout or a broken
 * connection is reported as a failure.
 *
 * The connection is announced as keep-alive, as ordinary clients do: a
 * server that answers before it has read a large body then drains the body
 * instead of closing on it (with `Connection: close`, Node's server closes
 * and the client's unfinished upload can reset the answer away).
 */
export function exchange(baseUrl: string, request: WireRequest, timeoutMs: number): Promise<Exchange> {
  const base = new URL(baseUrl);
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  return new Promise<Exchange>((resolve) => {
    let settled = false;
    const finish = (result: Exchange): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const headers: Record<string, string> = { ...request.headers, Connection: 'keep-alive' };
    if (request.body !== undefined) headers['Content-Length'] = String(request.body.length);
    const outgoing = httpRequest({ host: base.hostname, port: Number(base.port), method: request.method, path: request.target, headers, agent: false });
    const timer = setTimeout(() => {
      finish({ kind: 'failure', reason: `no complete answer within ${timeoutMs} ms`, elapsedMs: elapsed() });
      outgoing.destroy();
    }, timeoutMs);
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
      });
      incoming.on('end', () => {
        finish({ kind: 'answer', answer: { status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks), elapsedMs: elapsed() } });
        outgoing.destroy();
      });
      incoming.on('error', (error) => finish({ kind: 'failure', reason: `answer cut off: ${error.message}`, elapsedMs: elapsed() }));
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      finish({ kind: 'failure', reason: `connection failed: ${error.code ?? error.message}`, elapsedMs: elapsed() });
    });
    outgoing.end(request.body);
  });
}

/** What came back on a raw connection: every status line seen, and whether the gateway closed it. */
export interface RawExchange {
  statuses: number[];
  text: string;
  closedByGateway: boolean;
  elapsedMs: number;
}

/**
 * Writes bytes no well-behaved client would (broken framing, header garbage)
 * on a raw socket. With `endAfterMs` the client half-closes after that long,
 * as a client that gives up on an unfinished body does. Resolves when the
 * gateway closes the connection or after `timeoutMs`.
 */
export function rawExchange(baseUrl: string, bytes: Buffer, options: { timeoutMs: number; endAfterMs?: number }): Promise<RawExchange> {
  const base = new URL(baseUrl);
  const started = performance.now();
  return new Promise<RawExchange>((resolve) => {
    const chunks: Buffer[] = [];
    let settled = false;
    const socket = connect(Number(base.port), base.hostname);
    const finish = (closedByGateway: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (endTimer) clearTimeout(endTimer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const statuses = [...text.matchAll(/HTTP\/1\.[01] (\d{3}) /g)].map((match) => Number(match[1]));
      resolve({ statuses, text, closedByGateway, elapsedMs: Math.round(performance.now() - started) });
    };
    const timer = setTimeout(() => finish(false), options.timeoutMs);
    let endTimer: NodeJS.Timeout | null = null;
    socket.on('connect', () => {
      socket.write(bytes);
      if (options.endAfterMs !== undefined) endTimer = setTimeout(() => socket.end(), options.endAfterMs);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
  });
}
