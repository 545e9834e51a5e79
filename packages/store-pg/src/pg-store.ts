import type { Store, StoreTransaction } from '@pbx-gateway/core';
import { BufferedApiLogWriter, DEFAULT_API_LOG_BUFFERING, type ApiLogBuffering } from './api-log-writer';
import { CommitNoticeSender, TransactionNotices } from './commit-notices';
import { createKnex, DEFAULT_TIMEOUTS, type PoolSize, type StoreTimeouts } from './connection';
import { PgMailboxSignals } from './mailbox-signals';
import { runMigrations } from './migrate';
import { createRepositories } from './repositories';
import { settleWithin } from './support/errors';

export interface PgStoreOptions {
  connectionString: string;
  pool?: PoolSize;
  /** Failures that have no caller to reject: API log writes, the listening connection. */
  onError?: (error: Error) => void;
  /** Bounds on every wait for Postgres; defaults suit production. */
  timeouts?: Partial<StoreTimeouts>;
  /** How the API log is batched; defaults suit production. */
  apiLog?: Partial<ApiLogBuffering>;
}

export interface PgStore extends Store {
  /** Migrates the database to the latest schema. */
  migrate(): Promise<void>;
  /** Whether Postgres answers a query now; never rejects. */
  ping(): Promise<boolean>;
  /** The connection pool right now: connections lent out, idle, and acquisitions waiting for one. */
  poolUse(): PoolUse;
}

export interface PoolUse {
  used: number;
  free: number;
  pending: number;
  max: number;
}

/** The part of knex's pool (tarn) read for `poolUse`; absent until the first query and after `destroy`. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

const reportAsWarning = (error: Error): void => process.emitWarning(error.message, 'PbxGatewayStoreWarning');

export function createPgStore(options: PgStoreOptions): PgStore {
  const onError = options.onError ?? reportAsWarning;
  const timeouts: StoreTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const db = createKnex(options.connectionString, options.pool ?? {}, timeouts, onError);
  const notices = new CommitNoticeSender(db, onError);
  // Outside a transaction each statement commits on its own: its notice can go as soon as it has.
  const direct: StoreTransaction = createRepositories(db, (address) => notices.announce([address]));
  const mailboxSignals = new PgMailboxSignals(options.connectionString, timeouts, onError);
  const apiLog = new BufferedApiLogWriter(db, { ...DEFAULT_API_LOG_BUFFERING, ...options.apiLog }, onError);
  let closing: Promise<void> | null = null;

  return {
    direct,
    mailboxSignals,
    apiLog,

    // knex commits when `work` resolves and rolls back (rethrowing) when it throws; the notices go after the commit.
    async transaction(work) {
      const pending = new TransactionNotices();
      const result = await db.transaction((trx) => work(createRepositories(trx, pending.announce, { inTransaction: true })));
      notices.announce(pending.values());
      return result;
    },

    migrate: () => runMigrations(options.connectionString, timeouts, onError),

    poolUse() {
      const pool = (db.client as { pool?: TarnPool | null }).pool;
      if (!pool) return { used: 0, free: 0, pending: 0, max: options.pool?.max ?? 0 };
      return { used: pool.numUsed(), free: pool.numFree(), pending: pool.numPendingAcquires(), max: pool.max };
    },

    async ping() {
      try {
        await db.raw('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },

    close() {
      closing ??= (async () => {
        await apiLog.close();
        await notices.close();
        await mailboxSignals.close();
        await settleWithin(db.destroy(), timeouts.acquireMs);
      })();
      return closing;
    },
  };
}
