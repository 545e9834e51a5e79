import { connect } from 'ari-client';
import { isRecord } from './ari-models';
import type { AriOperation, AriParams } from './ari-operations';

/**
 * The only file that touches ari-client. It narrows the client to the few
 * things the adapter uses, each checked at runtime, so that the rest of the
 * package works with typed values and a change inside ari-client fails here,
 * loudly, instead of somewhere else, quietly.
 *
 * Two of those things are ari-client internals of version 2.2.0, used on
 * purpose:
 *
 * - `_ws`, the event WebSocket `start()` opens: the client emits nothing when
 *   it closes (only when it has already decided to reconnect), and the
 *   supervisor must know at once.
 * - `_wsClosed`, the flag `stop()` sets to say "closed on purpose": set for
 *   the whole life of the socket, it turns off ari-client's own reconnect
 *   loop. That loop cannot be cancelled, reconnects without reloading the
 *   API description, and would open a second WebSocket for the application
 *   behind the supervisor's back; the supervisor owns reconnection instead.
 */
export interface AriClientFacade {
  /** Sends one operation, as ari-client would: resolves to its result, rejects with its error. */
  invoke(operation: AriOperation, params: AriParams): PromiseLike<unknown>;
  /** Opens the event WebSocket for `app` and returns it (still connecting). */
  openEvents(app: string, onMessage: (message: unknown) => void, onUnreadable: (error: unknown) => void): EventSocket;
}

/** The part of a `ws` WebSocket the adapter uses. */
export interface EventSocket {
  readonly readyState: number;
  on(event: 'open' | 'pong', listener: () => void): void;
  on(event: 'close', listener: (code: number, reason: unknown) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  ping(): void;
  close(code?: number): void;
  terminate(): void;
}

export const SOCKET_OPEN = 1;
export const SOCKET_CLOSED = 3;

/** Where the notes of ari-client's Swagger loader go instead of stdout. */
export type SwaggerNoteSink = (note: string) => void;

/**
 * ari-client's Swagger loader (swagger-client 2) reports through a global
 * `log` function of its own that prints arrays to stdout with console.log:
 * against a real Asterisk, whose description is Swagger 1.1, it prints "This
 * API is using a deprecated version of Swagger!" on every connection, which
 * breaks a log made of one JSON object per line. The loader calls that global
 * by name, so replacing it routes the notes to the adapter's logger.
 */
export function routeSwaggerNotes(sink: SwaggerNoteSink): void {
  (globalThis as { log?: unknown }).log = (...parts: unknown[]): void => sink(parts.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' '));
}

/** Loads the API description from `baseUrl` (`/ari/api-docs/resources.json` and each resource file). */
export async function loadAriClient(baseUrl: string, user: string, password: string, swaggerNotes: SwaggerNoteSink): Promise<AriClientFacade> {
  routeSwaggerNotes(swaggerNotes);
  const client: unknown = await connect(baseUrl, user, password);
  if (!isRecord(client) || typeof client.start !== 'function' || typeof client.on !== 'function') {
    throw new Error('ari-client returned no usable client');
  }
  return facadeOf(client);
}

function facadeOf(client: Record<string, unknown>): AriClientFacade {
  return {
    invoke(operation, params) {
      const [resource, nickname] = operation.split('.') as [string, string];
      const group = client[resource];
      const send = isRecord(group) ? group[nickname] : undefined;
      if (typeof send !== 'function') {
        return Promise.reject(new Error(`the engine's API description has no operation ${operation}`));
      }
      // ari-client copies the options; the copy keeps our object untouched.
      return (send as (options: AriParams) => PromiseLike<unknown>)({ ...params });
    },

    openEvents(app, onMessage, onUnreadable) {
      const on = client.on as (event: string, listener: (message: unknown) => void) => void;
      on.call(client, '*', onMessage);
      client._wsClosed = true;
      const started = (client.start as (apps: string) => PromiseLike<void>).call(client, app);
      // The promise settles only on the first open; the socket itself is watched instead.
      void Promise.resolve(started).catch(() => undefined);
      const socket = client._ws;
      if (!isEventSocket(socket)) throw new Error('ari-client opened no WebSocket (internals changed?)');
      guardMessageListeners(socket, onUnreadable);
      return socket;
    },
  };
}

/**
 * ari-client parses each frame and looks its type up in the API description
 * inside the socket's `message` listener; a frame it cannot read (bad JSON, a
 * type the description lacks) throws out of that listener and would take the
 * process down. Wrapped, such a frame is reported and skipped.
 */
function guardMessageListeners(socket: EventSocket & EventEmitterLike, onUnreadable: (error: unknown) => void): void {
  for (const listener of socket.listeners('message')) {
    socket.removeListener('message', listener);
    socket.on('message', (...args: unknown[]) => {
      try {
        listener.apply(socket, args);
      } catch (error) {
        onUnreadable(error);
      }
    });
  }
}

interface EventEmitterLike {
  listeners(event: string): Array<(...args: unknown[]) => void>;
  removeListener(event: string, listener: (...args: unknown[]) => void): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
}

function isEventSocket(value: unknown): value is EventSocket & EventEmitterLike {
  return (
    isRecord(value) &&
    typeof value.readyState === 'number' &&
    ['on', 'ping', 'close', 'terminate', 'listeners', 'removeListener'].every((method) => typeof value[method] === 'function')
  );
}
