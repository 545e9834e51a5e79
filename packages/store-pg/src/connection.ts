import { knex, type Knex } from 'knex';
import type { Client } from 'pg';
import { pipelineTransactions } from './support/pipelined-transactions';

/** How long the store waits on Postgres before giving up; every wait is bounded. */
export interface StoreTimeouts {
  /** Opening a TCP connection and logging in. */
  connectMs: number;
  /** Server side: Postgres cancels a statement (including a lock wait) after this. */
  statementMs: number;
  /** Client side: a reply that never comes (a dead peer), slightly above `statementMs`. */
  queryMs: number;
  /** Waiting for a free pooled connection. */
  acquireMs: number;
  /** Server side: a transaction left open and idle is ended so that its row locks are released. */
  idleInTransactionMs: number;
}

export const DEFAULT_TIMEOUTS: StoreTimeouts = {
  connectMs: 5_000,
  statementMs: 15_000,
  queryMs: 20_000,
  acquireMs: 10_000,
  idleInTransactionMs: 60_000,
};

export const APPLICATION_NAME = 'pbx-gateway';

export interface PgClientSettings {
  connectionString: string;
  connectionTimeoutMillis: number;
  statement_timeout: number;
  query_timeout: number;
  idle_in_transaction_session_timeout: number;
  keepAlive: boolean;
  keepAliveInitialDelayMillis: number;
  application_name: string;
}

/** Settings shared by pooled connections and the dedicated listening connection. */
export function pgClientSettings(connectionString: string, timeouts: StoreTimeouts, applicationName: string): PgClientSettings {
  return {
    connectionString,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.queryMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    application_name: applicationName,
  };
}

export interface PoolSize {
  min?: number;
  max?: number;
}

interface PooledConnection {
  __knexUid?: string;
}

const READ_TIMEOUT = 'Query read timeout';

/**
 * A knex instance whose every wait is bounded and whose pool heals itself:
 * connections Postgres terminated are dropped by knex on their next checkout,
 * and a connection whose reply never came (a dead peer) is dropped here, since
 * the driver would otherwise hand it out again.
 */
export function createKnex(connectionString: string, pool: PoolSize, timeouts: StoreTimeouts, onError: (error: Error) => void): Knex {
  const unresponsive = new Set<string>();
  const db = knex({
    client: 'pg',
    connection: pgClientSettings(connectionString, timeouts, APPLICATION_NAME),
    acquireConnectionTimeout: timeouts.acquireMs,
    // Error messages must not carry bound values: they include secret hashes and client data.
    compileSqlOnError: false,
    pool: {
      min: pool.min ?? 0,
      max: pool.max ?? 10,
      createTimeoutMillis: timeouts.connectMs + 1_000,
      idleTimeoutMillis: 30_000,
      propagateCreateError: true,
      afterCreate: (connection: Client, done: (error: Error | null, connection: Client) => void) => {
        pipelineTransactions(connection);
        done(null, connection);
      },
      validate: (connection: PooledConnection) => {
        const uid = connection.__knexUid;
        if (uid === undefined || !unresponsive.has(uid)) return true;
        unresponsive.delete(uid);
        return false;
      },
    },
    log: {
      // knex warns when it drops a terminated connection: that is the recovery working, not a fault.
      warn: () => undefined,
      deprecate: () => undefined,
      debug: () => undefined,
      error: (message: unknown) => onError(new Error(`knex: ${String(message)}`)),
    },
  });
  db.on('query-error', (error: unknown, query: PooledConnection) => {
    if (error instanceof Error && error.message.endsWith(READ_TIMEOUT) && query.__knexUid !== undefined) {
      unresponsive.add(query.__knexUid);
    }
  });
  return db;
}
