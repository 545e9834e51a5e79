import { PbxFailure, silentLogger } from '@pbx-gateway/core';
import type { AriSession } from '../src/ari-session';
import { ConnectionSupervisor } from '../src/connection-supervisor';
import type { SupervisorHooks, SupervisorSettings } from '../src/connection-supervisor';

/**
 * The supervisor's life cycle with sessions that are plain objects: this is
 * about when it connects, announces and retries, not about ARI (the
 * integration tests run it against the simulator).
 */
class FakeSession implements AriSession {
  readonly closed: Promise<string>;
  private end!: (reason: string) => void;
  private handler: ((message: unknown) => void) | null = null;
  private held: unknown[] = [];
  closedByUs = false;

  constructor() {
    this.closed = new Promise((resolve) => {
      this.end = resolve;
    });
  }
  call(): Promise<unknown> {
    return Promise.resolve('answered');
  }
  deliverEvents(handler: (message: unknown) => void): void {
    this.handler = handler;
    for (const message of this.held.splice(0)) handler(message);
  }
  receive(message: unknown): void {
    if (this.handler) this.handler(message);
    else this.held.push(message);
  }
  drop(): void {
    this.end('dropped');
  }
  close(): Promise<void> {
    this.closedByUs = true;
    this.end('closed');
    return Promise.resolve();
  }
}

const settings: SupervisorSettings = {
  url: new URL('http://127.0.0.1:1'),
  user: 'gateway',
  password: 'gateway',
  app: 'gateway',
  requestTimeoutMs: 200,
  restKeepAliveMs: 4000,
  initialDelayMs: 20,
  maxDelayMs: 80,
  logger: silentLogger,
};

function recorder(): SupervisorHooks & { log: string[] } {
  const log: string[] = [];
  return {
    log,
    connected: () => log.push('connected'),
    disconnected: (reason) => log.push(`disconnected:${reason}`),
    message: (message) => log.push(`message:${String(message)}`),
  };
}

const waitFor = async (condition: () => boolean, timeoutMs = 2000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('connection supervisor', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('returns from start when the first attempt fails, fails commands at once, and connects on a later attempt', async () => {
    const hooks = recorder();
    const sessions: FakeSession[] = [];
    let attempts = 0;
    const supervisor = new ConnectionSupervisor(settings, hooks, async () => {
      attempts += 1;
      if (attempts < 3) throw new Error('ECONNREFUSED');
      const session = new FakeSession();
      sessions.push(session);
      return session;
    }, () => 0.5);

    // On a fake clock, start returns before any time has passed: it does not wait out the backoff.
    jest.useFakeTimers();
    await supervisor.start();
    expect(supervisor.connected).toBe(false);
    expect(() => supervisor.currentSession('channels.list')).toThrow(PbxFailure);
    try {
      supervisor.currentSession('channels.list');
    } catch (error) {
      expect((error as PbxFailure).kind).toBe('unavailable');
    }

    // Two backoffs of at most maxDelayMs each.
    await jest.advanceTimersByTimeAsync(2 * settings.maxDelayMs);
    jest.useRealTimers();
    expect(supervisor.connected).toBe(true);
    expect(attempts).toBe(3);
    expect(hooks.log).toEqual(['connected']);
    await supervisor.stop();
    expect(sessions[0]?.closedByUs).toBe(true);
  });

  it('announces a loss, reconnects with a new session, and hands over its events after announcing it', async () => {
    const hooks = recorder();
    const sessions: FakeSession[] = [];
    const supervisor = new ConnectionSupervisor(settings, hooks, async () => {
      const session = new FakeSession();
      // A frame that arrives while the session is being set up.
      session.receive(`early-${sessions.length + 1}`);
      sessions.push(session);
      return session;
    });
    await supervisor.start();
    expect(supervisor.connected).toBe(true);
    sessions[0]?.receive('e1');
    sessions[0]?.drop();
    await waitFor(() => sessions.length === 2 && supervisor.connected);
    sessions[1]?.receive('e2');
    await supervisor.stop();
    expect(hooks.log).toEqual([
      'connected',
      'message:early-1',
      'message:e1',
      'disconnected:dropped',
      'connected',
      'message:early-2',
      'message:e2',
    ]);
  });

  it('stops at once even while waiting out a long backoff', async () => {
    const supervisor = new ConnectionSupervisor({ ...settings, initialDelayMs: 60_000, maxDelayMs: 60_000 }, recorder(), async () => {
      throw new Error('ECONNREFUSED');
    });
    jest.useFakeTimers();
    await supervisor.start();
    // The clock does not move past the first attempt, yet stop returns: it does not wait out the minute.
    await supervisor.stop();
    jest.useRealTimers();
  });

  it('gives up waiting in start after a bounded time when an attempt hangs', async () => {
    const supervisor = new ConnectionSupervisor(settings, recorder(), (_settings, signal) =>
      new Promise<AriSession>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('cancelled')))),
    );
    jest.useFakeTimers();
    let returned = false;
    const starting = supervisor.start().then(() => {
      returned = true;
    });
    // Two request timeouts at least, and a bounded wait past them.
    await jest.advanceTimersByTimeAsync(2 * settings.requestTimeoutMs - 1);
    expect(returned).toBe(false);
    await jest.advanceTimersByTimeAsync(1500);
    expect(returned).toBe(true);
    await starting;
    jest.useRealTimers();
    expect(supervisor.connected).toBe(false);
    await supervisor.stop();
  });
});
