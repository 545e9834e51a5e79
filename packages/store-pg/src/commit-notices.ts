import type { Knex } from 'knex';
import { encodeMailboxNotice, MAILBOX_NOTICE_CHANNEL, type MailboxAddress } from './mailbox-notice';
import { toError } from './support/errors';

/** Records that a mailbox (or the event log) gained a row; announced once that row has committed. */
export type Announce = (address: MailboxAddress) => void;

export interface NoticeSending {
  /** First wait after a failed send; doubles up to `retryMaxMs`. */
  retryMinMs: number;
  retryMaxMs: number;
}

export const DEFAULT_NOTICE_SENDING: NoticeSending = { retryMinMs: 100, retryMaxMs: 5_000 };

/**
 * Sends the LISTEN/NOTIFY notices of committed appends, after their commit
 * and outside their transaction.
 *
 * A NOTIFY inside a transaction makes its COMMIT take a lock that is one for
 * the whole Postgres cluster and is held until the commit record is flushed
 * (it keeps the notification queue in commit order): every transaction that
 * notifies then commits one after another, each waiting for its own flush.
 * Most agent commands append to the event log, so with the notice inside
 * them, commits that Postgres would otherwise flush together (group commit)
 * queued behind each other, and the gateway's agent commands were capped at
 * one per WAL flush whatever the pool size. Sent from here, one statement
 * carries the notices of all the transactions that committed while the
 * previous one was on its way (one in flight at a time, duplicates merged),
 * so the lock is taken once per round trip instead of once per command.
 *
 * What this gives up: a process that dies between a commit and its notice
 * leaves the appended row without a wake-up. Nothing is lost: every waiter
 * looks again when its wait times out (a long poll's own wait, the event
 * stream's and webhook feeder's intervals), and a failed send is retried.
 */
export class CommitNoticeSender {
  private pending = new Set<string>();
  private sending: Promise<void> | null = null;
  private closed = false;
  private retryMs: number;

  constructor(
    private readonly db: Knex,
    private readonly onError: (error: Error) => void,
    private readonly settings: NoticeSending = DEFAULT_NOTICE_SENDING,
  ) {
    this.retryMs = settings.retryMinMs;
  }

  /** Queues the notices of one committed unit of work and sends them as soon as no send is in flight. */
  announce(addresses: Iterable<MailboxAddress>): void {
    if (this.closed) return;
    for (const address of addresses) this.pending.add(encodeMailboxNotice(address));
    if (this.pending.size > 0) this.sending ??= this.sendAll();
  }

  /** Sends what is pending (one try); later notices are dropped, as the listeners are closing too. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.pending.size > 0) this.sending ??= this.sendAll();
    await this.sending;
  }

  private async sendAll(): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const payloads = [...this.pending];
        this.pending = new Set();
        try {
          await this.db.raw('SELECT pg_notify(?, payload) FROM unnest(?::text[]) AS payload', [MAILBOX_NOTICE_CHANNEL, payloads]);
          this.retryMs = this.settings.retryMinMs;
        } catch (error) {
          if (this.closed) {
            this.onError(new Error(`commit notices: ${payloads.length} not sent at close: ${toError(error).message}`, { cause: error }));
            return;
          }
          this.onError(new Error(`commit notices: sending failed, retrying in ${this.retryMs} ms: ${toError(error).message}`, { cause: error }));
          for (const payload of payloads) this.pending.add(payload);
          await new Promise((resolve) => setTimeout(resolve, this.retryMs));
          this.retryMs = Math.min(this.retryMs * 2, this.settings.retryMaxMs);
        }
      }
    } finally {
      this.sending = null;
    }
  }
}

/** The notices of one transaction: kept until it commits, forgotten if it rolls back. */
export class TransactionNotices {
  private readonly addresses = new Map<string, MailboxAddress>();

  readonly announce: Announce = (address) => {
    this.addresses.set(encodeMailboxNotice(address), address);
  };

  values(): Iterable<MailboxAddress> {
    return this.addresses.values();
  }
}
