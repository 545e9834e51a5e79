import type { Knex } from 'knex';

/**
 * Runs multi-statement writes (a row and its child rows) as one unit: inside
 * the caller's transaction when there is one, otherwise in a transaction of its own.
 */
export function atomically<T>(db: Knex, work: (trx: Knex) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction((trx) => work(trx));
}
