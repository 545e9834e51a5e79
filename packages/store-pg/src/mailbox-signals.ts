import type { MailboxSignals } from '@pbx-gateway/core';
import { Client, type Notification } from 'pg';
import { pgClientSettings, type StoreTimeouts } from './connection';
import { decodeMailboxNotice, MAILBOX_NOTICE_CHANNEL, mailboxKey } from './mailbox-notice';
import { storableText } from './support/json-column';
import { settleWithin, toError } from './support/errors';

export interface ListenerSettings {
  /** Backoff between reconnection attempts: doubles from `reconnectMinMs` up to `reconnectMaxMs`. */
  reconnectMinMs: number;
  reconnectMaxMs: number;
  /** How often the idle listening connection proves it is still alive. */
  heartbeatMs: number;
}

export const DEFAULT_LISTENER_SETTINGS: ListenerSettings = { reconnectMinMs: 100, reconnectMaxMs: 5_000, heartbeatMs: 15_000 };

export const LISTENER_APPLICATION_NAME = 'pbx-gateway-listener';

// setTimeout fires at once for delays beyond this.
const MAX_TIMER_MS = 2_147_483_647;

interface Waiter {
  release(): void;
}

/**
 * Wakes in-process waiters when a mailbox append commits, through one
 * LISTEN connection per store. The connection opens on the first `wait` and
 * reopens by itself whenever it is lost. Notices sent while it was not
 * listening are gone, so every (re)connection also wakes all current waiters:
 * a waiter must be ready to find its mailbox empty and wait again.
 */
export class PgMailboxSignals implements MailboxSignals {
  private readonly waiters = new Map<string, Set<Waiter>>();
  /** Notices seen per mailbox; `epoch` counts the moments notices may have been missed. */
  private readonly notices = new Map<string, number>();
  private epoch = 0;
  private client: Client | null = null;
  private started = false;
  private closed = false;
  private backoffMs: number;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly timeouts: StoreTimeouts,
    private readonly onError: (error: Error) => void,
    private readonly settings: ListenerSettings = DEFAULT_LISTENER_SETTINGS,
  ) {
    this.backoffMs = settings.reconnectMinMs;
  }

  version(agentId: string, channel: string): number {
    this.startListening();
    return this.epoch + (this.notices.get(keyOf(agentId, channel)) ?? 0);
  }

  wait(agentId: string, channel: string, timeoutMs: number, abort?: AbortSignal, since?: number): Promise<void> {
    if (this.closed || abort?.aborted || !(timeoutMs > 0)) return Promise.resolve();
    if (since !== undefined && this.version(agentId, channel) !== since) return Promise.resolve();
    this.startListening();
    const key = keyOf(agentId, channel);
    return new Promise<void>((resolve) => {
      let done = false;
      const waiter: Waiter = {
        release: () => {
          if (done) return;
          done = true;
          clearTimeout(timer);
          abort?.removeEventListener('abort', onAbort);
          const set = this.waiters.get(key);
          set?.delete(waiter);
          if (set?.size === 0) this.waiters.delete(key);
          resolve();
        },
      };
      const onAbort = (): void => waiter.release();
      const timer = setTimeout(waiter.release, Math.min(timeoutMs, MAX_TIMER_MS));
      abort?.addEventListener('abort', onAbort, { once: true });
      const set = this.waiters.get(key) ?? new Set<Waiter>();
      set.add(waiter);
      this.waiters.set(key, set);
    });
  }

  /** Stops listening and releases every waiter. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.clearTimers();
    this.wakeAll();
    const client = this.client;
    this.client = null;
    if (client) await settleWithin(client.end(), this.timeouts.connectMs);
  }

  private startListening(): void {
    if (this.started) return;
    this.started = true;
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client(pgClientSettings(this.connectionString, this.timeouts, LISTENER_APPLICATION_NAME));
    this.client = client;
    client.on('notification', (notice: Notification) => this.onNotice(notice));
    client.on('error', (error: Error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('mailbox listener: connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${MAILBOX_NOTICE_CHANNEL}`);
    } catch (error) {
      this.lost(client, toError(error));
      return;
    }
    if (this.client !== client) return;
    this.backoffMs = this.settings.reconnectMinMs;
    this.scheduleHeartbeat(client);
    this.wakeAll();
  }

  private lost(client: Client, error: Error): void {
    if (this.client !== client) return;
    this.client = null;
    this.clearTimers();
    client.removeAllListeners();
    // A dropped connection may still report errors; they are already handled here.
    client.on('error', () => undefined);
    void settleWithin(client.end(), this.timeouts.connectMs);
    if (this.closed) return;
    this.onError(new Error(`mailbox listener lost its connection, reconnecting: ${error.message}`, { cause: error }));
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, this.backoffMs);
    this.reconnectTimer.unref();
    this.backoffMs = Math.min(this.backoffMs * 2, this.settings.reconnectMaxMs);
  }

  // An idle connection whose peer vanished raises nothing by itself: a query proves it alive.
  private scheduleHeartbeat(client: Client): void {
    this.heartbeatTimer = setTimeout(() => {
      this.heartbeatTimer = null;
      client.query('SELECT 1').then(
        () => {
          if (this.client === client) this.scheduleHeartbeat(client);
        },
        (error: unknown) => this.lost(client, toError(error)),
      );
    }, this.settings.heartbeatMs);
    this.heartbeatTimer.unref();
  }

  private onNotice(notice: Notification): void {
    if (notice.channel !== MAILBOX_NOTICE_CHANNEL) return;
    const address = decodeMailboxNotice(notice.payload);
    if (!address) return;
    const key = mailboxKey(address);
    this.notices.set(key, (this.notices.get(key) ?? 0) + 1);
    const set = this.waiters.get(key);
    if (set) for (const waiter of [...set]) waiter.release();
  }

  private wakeAll(): void {
    this.epoch += 1;
    for (const set of [...this.waiters.values()]) for (const waiter of [...set]) waiter.release();
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.heartbeatTimer) clearTimeout(this.heartbeatTimer);
    this.reconnectTimer = null;
    this.heartbeatTimer = null;
  }
}

const keyOf = (agentId: string, channel: string): string => mailboxKey({ agentId: storableText(agentId), channel: storableText(channel) });
