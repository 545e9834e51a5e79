import { DEVICES_EVENT_SOURCE, devicesApplication } from './contact-round-trips';
import { PbxFailure } from '@pbx-gateway/core';
import type { CoreLogger } from '@pbx-gateway/core';
import { loadAriClient, SOCKET_CLOSED, SOCKET_OPEN } from './ari-client-facade';
import type { AriClientFacade, EventSocket } from './ari-client-facade';
import { failureFromAriResponse, RequestNotAnswered, unavailableFailure } from './ari-error-mapping';
import type { AriCallOptions, AriOperation, AriParams } from './ari-operations';
import { createRestAgent, installRequestDecorator } from './keep-alive-guard';
import { withDeadline } from './rest-call-timeout';
import { RestExchange, runWithTransport } from './rest-exchange';
import type { TransportContext } from './rest-exchange';

export interface AriSessionSettings {
  url: URL;
  user: string;
  password: string;
  app: string;
  requestTimeoutMs: number;
  /** See AriPbxOptions.restKeepAliveMs. */
  restKeepAliveMs: number;
  logger: CoreLogger;
}

/**
 * One connection to the engine: the API description loaded by ari-client,
 * the application's event WebSocket open, and a REST transport of its own.
 * A session never reconnects; when its socket goes, the supervisor opens a
 * new one (reloading the description, which a restarted engine may change).
 */
export interface AriSession {
  call(operation: AriOperation, params: AriParams, options?: AriCallOptions): Promise<unknown>;
  /** Resolves with a reason once the event WebSocket is gone. */
  readonly closed: Promise<string>;
  /**
   * Starts handing events over. Frames that arrive before are held, so that
   * the supervisor can announce the connection before any of its events.
   */
  deliverEvents(handler: (message: unknown) => void): void;
  /** Closes the socket and aborts requests still in flight. */
  close(): Promise<void>;
}

/** Connects, within `requestTimeoutMs` per step; rejects promptly when `signal` aborts. */
export async function openAriSession(settings: AriSessionSettings, signal: AbortSignal): Promise<AriSession> {
  const authorization = `Basic ${Buffer.from(`${settings.user}:${settings.password}`).toString('base64')}`;
  const agent = createRestAgent(settings.url, settings.restKeepAliveMs);
  const transport: TransportContext = { agent, authorization, exchange: null };
  const freshAgent = createRestAgent(settings.url, 0);
  const fresh: TransportContext = { agent: freshAgent, authorization, exchange: null };
  const step = <T>(work: PromiseLike<T>, what: string): Promise<T> =>
    abortable(
      withDeadline(Promise.resolve(work), settings.requestTimeoutMs, () => new Error(`${what}: no answer within ${settings.requestTimeoutMs} ms`)),
      signal,
    );

  let socket: EventSocket | null = null;
  try {
    installRequestDecorator();
    const client = await step(
      runWithTransport(transport, () => loadAriClient(settings.url.origin, settings.user, settings.password, (note) => settings.logger.info('pbx-ari: note from the ARI client', { note }))),
      'loading the ARI description',
    );
    // ari-client has just (re)registered its process-wide credentials; ours go after them.
    installRequestDecorator();
    const session = new Session(client, transport, fresh, settings);
    socket = client.openEvents(
      `${settings.app},${devicesApplication(settings.app)}`,
      (message) => session.receive(message),
      (error) => settings.logger.warn('pbx-ari: skipped an event frame ari-client could not read', { error: String(error) }),
    );
    await step(opened(socket), 'opening the event WebSocket');
    session.watch(socket);
    await subscribeDevices(session, settings);
    return session;
  } catch (error) {
    socket?.terminate();
    agent.destroy();
    freshAgent.destroy();
    throw error;
  }
}

class Session implements AriSession {
  readonly closed: Promise<string>;
  private resolveClosed!: (reason: string) => void;
  private socket: EventSocket | null = null;
  private held: unknown[] = [];
  private handler: ((message: unknown) => void) | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private awaitingPong = false;
  private closing = false;

  constructor(
    private readonly client: AriClientFacade,
    private readonly transport: TransportContext,
    /** Without keep-alive: for a request the engine dropped with an idle connection. */
    private readonly fresh: TransportContext,
    private readonly settings: AriSessionSettings,
  ) {
    this.closed = new Promise((resolve) => {
      this.resolveClosed = resolve;
    });
  }

  receive(message: unknown): void {
    if (this.handler) this.handler(message);
    else this.held.push(message);
  }

  deliverEvents(handler: (message: unknown) => void): void {
    this.handler = handler;
    const held = this.held;
    this.held = [];
    for (const message of held) handler(message);
  }

  /** Follows the open socket: its end ends the session; a missing pong ends it too. */
  watch(socket: EventSocket): void {
    this.socket = socket;
    socket.on('close', (code, reason) => this.ended(`event WebSocket closed (${code}${reasonText(reason)})`));
    socket.on('error', (error) => this.settings.logger.warn('pbx-ari: event WebSocket error', { error: error.message }));
    socket.on('pong', () => {
      this.awaitingPong = false;
    });
    // A peer that vanished without closing (cable, firewall, frozen engine)
    // leaves a socket that looks open forever; a ping that gets no pong by
    // the next one ends it, and the supervisor reconnects.
    const every = Math.max(1000, 2 * this.settings.requestTimeoutMs);
    this.heartbeat = setInterval(() => this.beat(), every);
    this.heartbeat.unref();
  }

  async call(operation: AriOperation, params: AriParams, options: AriCallOptions = { idempotent: false }): Promise<unknown> {
    const attempts = options.idempotent ? 2 : 1;
    let transport = this.transport;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.attempt(operation, params, transport);
      } catch (error) {
        if (!(error instanceof RequestNotAnswered) || this.closing) throw error;
        // The engine closed an idle kept-alive connection as the request went
        // out, so it never read it: sent again on a connection of its own,
        // whatever the request is.
        const droppedUnread = error.onReusedConnection && transport === this.transport;
        if (!droppedUnread && attempt >= attempts) throw error;
        if (droppedUnread) transport = this.fresh;
        else this.settings.logger.warn('pbx-ari: request not answered, sending it again', { operation, error: error.message });
      }
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    this.stopHeartbeat();
    const socket = this.socket;
    if (socket && socket.readyState !== SOCKET_CLOSED) {
      socket.close(1000);
      // A peer that does not answer the closing handshake is cut off.
      const grace = setTimeout(() => socket.terminate(), 1000);
      await Promise.race([this.closed, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      clearTimeout(grace);
    }
    this.transport.agent.destroy();
    this.fresh.agent.destroy();
  }

  private attempt(operation: AriOperation, params: AriParams, transport: TransportContext): Promise<unknown> {
    const exchange = new RestExchange();
    const answered = new Promise<unknown>((resolve, reject) => {
      exchange.onNetworkFailure((error) =>
        reject(new RequestNotAnswered(operation, networkCause(error), exchange.failedOnReusedConnection)),
      );
      let sent: PromiseLike<unknown>;
      try {
        sent = runWithTransport({ ...transport, exchange }, () => this.client.invoke(operation, params));
      } catch (error) {
        reject(new PbxFailure('rejected', `${operation}: ${errorText(error)}`));
        return;
      }
      Promise.resolve(sent).then(resolve, (error: unknown) => {
        reject(
          exchange.status !== null
            ? failureFromAriResponse(exchange.status, exchange.body || errorText(error), operation)
            : new PbxFailure('rejected', `${operation}: ${errorText(error)}`),
        );
      });
    });
    const timeoutMs = this.settings.requestTimeoutMs;
    return withDeadline(answered, timeoutMs, () => unavailableFailure(operation, `no answer within ${timeoutMs} ms`));
  }

  private beat(): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== SOCKET_OPEN) return;
    if (this.awaitingPong) {
      this.settings.logger.warn('pbx-ari: no pong from the engine, dropping the event WebSocket');
      socket.terminate();
      return;
    }
    this.awaitingPong = true;
    socket.ping();
  }

  private ended(reason: string): void {
    this.stopHeartbeat();
    this.resolveClosed(reason);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }
}

/**
 * Subscribes the devices application to every PJSIP endpoint, before the
 * session is handed over: the engine forgets subscriptions when it restarts,
 * so every connection makes it again. Without it the gateway works on, only
 * without round trips: a refusal is logged, not a failed connection.
 */
async function subscribeDevices(session: Session, settings: AriSessionSettings): Promise<void> {
  try {
    await session.call('applications.subscribe', { applicationName: devicesApplication(settings.app), eventSource: DEVICES_EVENT_SOURCE }, { idempotent: true });
  } catch (error) {
    settings.logger.warn('pbx-ari: could not subscribe to the devices\' events; their round trips stay unknown', { error: errorText(error) });
  }
}

function opened(socket: EventSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.on('open', () => resolve());
    socket.on('error', (error) => reject(error));
    socket.on('close', (code) => reject(new Error(`event WebSocket closed before opening (${code})`)));
  });
}

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new Error('connection attempt cancelled'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new Error('connection attempt cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function networkCause(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${code} (${error.message})` : error.message;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error) ?? String(error);
}

function reasonText(reason: unknown): string {
  const text = Buffer.isBuffer(reason) ? reason.toString('utf8') : typeof reason === 'string' ? reason : '';
  return text ? `: ${text}` : '';
}
