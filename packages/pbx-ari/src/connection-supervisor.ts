import { unavailableFailure } from './ari-error-mapping';
import { openAriSession } from './ari-session';
import type { AriSession, AriSessionSettings } from './ari-session';
import { ReconnectBackoff } from './reconnect-backoff';

export interface SupervisorSettings extends AriSessionSettings {
  initialDelayMs: number;
  maxDelayMs: number;
}

/** What the supervisor reports, in the order it happens. */
export interface SupervisorHooks {
  /** A session is up; its events follow this call. */
  connected(): void;
  /** The session that was up is gone. */
  disconnected(reason: string): void;
  /** One event frame of the current session, as ari-client parsed it. */
  message(message: unknown): void;
}

export type SessionOpener = (settings: AriSessionSettings, signal: AbortSignal) => Promise<AriSession>;

/**
 * Keeps one session to the engine alive.
 *
 * It connects in the background, and when the first attempt fails or the
 * event WebSocket drops, it tries again after an exponential, jittered delay
 * (reconnect-backoff.ts), each time with a fresh ari-client so that the API
 * description is reloaded: an engine that was restarted or upgraded may
 * describe itself differently. While no session is up, `currentSession()`
 * fails at once with `unavailable`: a command must not wait for a
 * connection that may take minutes to come back.
 *
 * The hooks announce every session that comes up (`connected`, which the
 * adapter turns into `pbx_connected`) and every loss (`disconnected`):
 * Asterisk does not replay the events missed in between, so the core
 * reconciles from a snapshot each time it hears `pbx_connected`.
 */
export class ConnectionSupervisor {
  private session: AriSession | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private cycle: AbortController | null = null;
  private firstAttempt: Promise<void> = Promise.resolve();
  private settleFirstAttempt: () => void = () => undefined;
  private readonly backoff: ReconnectBackoff;

  constructor(
    private readonly settings: SupervisorSettings,
    private readonly hooks: SupervisorHooks,
    private readonly open: SessionOpener = openAriSession,
    random: () => number = Math.random,
  ) {
    this.backoff = new ReconnectBackoff(settings.initialDelayMs, settings.maxDelayMs, random);
  }

  get connected(): boolean {
    return this.session !== null;
  }

  /**
   * Starts connecting. Resolves when the first attempt has succeeded or
   * failed, or after the time one attempt may take at most, whichever comes
   * first; never rejects: an engine that is not there yet is retried in the
   * background, and `connected` tells how it went.
   */
  start(): Promise<void> {
    if (!this.running) {
      this.running = true;
      this.firstAttempt = new Promise((resolve) => {
        this.settleFirstAttempt = resolve;
      });
      this.loop = this.run();
    }
    const bound = 2 * this.settings.requestTimeoutMs + 500;
    return Promise.race([this.firstAttempt, sleep(bound)]);
  }

  /** Closes the session and stops reconnecting; emits nothing. */
  async stop(): Promise<void> {
    this.running = false;
    this.cycle?.abort();
    const session = this.session;
    this.session = null;
    if (session) await session.close();
    await this.loop;
    this.loop = null;
  }

  /** The session commands go through, or an immediate `unavailable` failure. */
  currentSession(what: string): AriSession {
    if (!this.session) throw unavailableFailure(what, 'not connected to the engine');
    return this.session;
  }

  private async run(): Promise<void> {
    let failedAttempts = 0;
    while (this.running) {
      const cycle = new AbortController();
      this.cycle = cycle;
      let session: AriSession;
      try {
        session = await this.open(this.settings, cycle.signal);
      } catch (error) {
        this.settleFirstAttempt();
        if (!this.running) return;
        failedAttempts += 1;
        const delayMs = this.backoff.nextDelayMs();
        this.settings.logger.warn('pbx-ari: cannot connect to the engine, retrying', {
          url: this.settings.url.origin,
          attempt: failedAttempts,
          retryInMs: delayMs,
          error: error instanceof Error ? error.message : String(error),
        });
        await pause(delayMs, cycle.signal);
        continue;
      }
      if (!this.running) {
        await session.close();
        return;
      }
      this.session = session;
      this.backoff.reset();
      failedAttempts = 0;
      this.settings.logger.info('pbx-ari: connected to the engine', { url: this.settings.url.origin, app: this.settings.app });
      this.hooks.connected();
      session.deliverEvents((message) => this.hooks.message(message));
      this.settleFirstAttempt();

      const reason = await session.closed;
      if (!this.running) return;
      this.session = null;
      const delayMs = this.backoff.nextDelayMs();
      this.settings.logger.warn('pbx-ari: lost the engine, reconnecting', { reason, retryInMs: delayMs });
      this.hooks.disconnected(reason);
      // Requests still in flight on the lost session finish or time out on
      // their own: one the engine did carry out must not be reported failed.
      await pause(delayMs, cycle.signal);
    }
  }
}

const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/** Waits `ms`, or less if `signal` aborts (stop() must not wait out a backoff). */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
