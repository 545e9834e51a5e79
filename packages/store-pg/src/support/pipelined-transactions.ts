import type { Client, QueryResult } from 'pg';
import { escapeLiteral } from 'pg';
// pg's own conversion of a bound value to the text it sends for it (dates in the session's form, arrays, JSON).
const { prepareValue } = require('pg/lib/utils') as { prepareValue: (value: unknown) => string | Buffer | null };

/**
 * A query option: the statement's result is not awaited (its row count is
 * known to the caller), so it may travel with the transaction's next
 * statement or its COMMIT instead of costing a round trip of its own.
 */
export const SEND_WITH_NEXT = 'pbxSendWithNext';

interface QueryConfigLike {
  text?: unknown;
  values?: unknown[];
  [SEND_WITH_NEXT]?: boolean;
  [key: string]: unknown;
}

type QueryCallback = (error: Error | null, result?: QueryResult | QueryResult[]) => void;
type QueryFunction = (...args: unknown[]) => unknown;

const EMPTY = (command: string): QueryResult => ({ command, rowCount: null, oid: 0, rows: [], fields: [] });

/**
 * Saves round trips of knex's transactions on one pooled connection.
 * node-postgres sends one statement and waits for its answer before the
 * next, and every round trip to Postgres costs a socket write and a wake-up
 * of the server process, whatever the statement. So:
 *
 * - `BEGIN` is held back and sent with the transaction's first statement;
 * - a statement marked `SEND_WITH_NEXT` is held back and sent with the next
 *   one, or with `COMMIT`;
 * - a transaction that ends before anything was sent sends nothing.
 *
 * Held-back statements go together as one simple-protocol query string, their
 * bound values written into the text as pg itself would send them (quoted
 * literals, which Postgres types from their context as it types parameters).
 * A string that fails stops at the failing statement, so the rest (`COMMIT`
 * included) is not run; a failed `… ; COMMIT` is rolled back here, since the
 * caller takes a failed COMMIT for a finished transaction. Statements that
 * cannot be written out so (bytea values, row modes, named statements) are
 * sent as they are, after what was held back.
 */
export function pipelineTransactions(client: Client): void {
  const send = client.query.bind(client) as QueryFunction;
  // Statements held back, as text; `begun` once BEGIN has been seen and until COMMIT or ROLLBACK.
  let held: string[] = [];
  let begun = false;
  let beginSent = false;

  const reset = (): void => {
    held = [];
    begun = false;
    beginSent = false;
  };
  const takeHeld = (): string[] => {
    const statements = held;
    held = [];
    if (statements.length > 0) beginSent = beginSent || begun;
    return statements;
  };

  (client as unknown as { query: QueryFunction }).query = function query(...args: unknown[]): unknown {
    const [config, callback] = args;
    if (args.length !== 2 || typeof callback !== 'function' || !isPlainQuery(config)) {
      // Not how knex queries: what was held back goes first (pg answers queries in the order given).
      if (held.length > 0) send(joined(takeHeld()), ignoreHere);
      return send(...args);
    }
    const done = callback as QueryCallback;
    const text = config.text.trim();
    if (text === 'BEGIN;' && !begun) {
      begun = true;
      held = ['BEGIN'];
      reply(done, EMPTY('BEGIN'));
      return undefined;
    }
    if (text === 'COMMIT;' && begun) {
      const statements = held;
      const beginWasSent = beginSent;
      reset();
      if (!beginWasSent && statements.length <= 1) {
        // Only the BEGIN was held: the transaction did nothing at all.
        reply(done, EMPTY('COMMIT'));
        return undefined;
      }
      if (statements.length === 0) return send(config, done);
      send(joined([...statements, 'COMMIT']), (error: Error | null, result?: QueryResult | QueryResult[]) => {
        if (!error) return done(null, last(result));
        // The string stopped before its COMMIT: the transaction is still open, and aborted.
        send({ text: 'ROLLBACK' }, () => done(error));
      });
      return undefined;
    }
    if (text === 'ROLLBACK;' && begun) {
      // Statements held back are dropped unsent: their transaction is ending anyway.
      held = [];
      const mustSend = beginSent;
      reset();
      if (!mustSend) {
        reply(done, EMPTY('ROLLBACK'));
        return undefined;
      }
      return send(config, done);
    }
    const inline = begun ? inlined(text, config) : null;
    if (inline !== null && config[SEND_WITH_NEXT] === true) {
      held.push(inline);
      reply(done, EMPTY(text.slice(0, text.indexOf(' ')).toUpperCase()));
      return undefined;
    }
    if (held.length === 0) return send(config, done);
    if (inline !== null) {
      send(joined([...takeHeld(), inline]), (error: Error | null, result?: QueryResult | QueryResult[]) => done(error, error ? undefined : last(result)));
      return undefined;
    }
    const statements = takeHeld();
    send(joined(statements), (error: Error | null) => (error ? done(error) : send(config, done)));
    return undefined;
  };
}

function isPlainQuery(config: unknown): config is QueryConfigLike & { text: string } {
  return typeof config === 'object' && config !== null && typeof (config as QueryConfigLike).text === 'string' && !('submit' in config);
}

/** A statement with its `$n` parameters written in as literals, or null when that cannot be done safely. */
function inlined(text: string, config: QueryConfigLike): string | null {
  if (config.name !== undefined || config.rowMode !== undefined || config.types !== undefined) return null;
  const statement = text.endsWith(';') ? text.slice(0, -1) : text;
  const values = config.values ?? [];
  if (values.length === 0) return statement.includes(';') ? null : statement;
  const literals: string[] = [];
  for (const value of values) {
    const prepared = prepareValue(value);
    if (prepared === null) literals.push('NULL');
    else if (typeof prepared === 'string') literals.push(escapeLiteral(prepared));
    else return null;
  }
  let out = '';
  let i = 0;
  while (i < statement.length) {
    const c = statement[i]!;
    if (c === "'" || c === '"') {
      // A quoted string or identifier, its quote doubled inside: copied as it is.
      const end = closingQuote(statement, i, c);
      if (end < 0) return null;
      if (c === "'" && i > 0 && /[eE]/.test(statement[i - 1]!)) return null;
      out += statement.slice(i, end + 1);
      i = end + 1;
    } else if (c === '$') {
      const match = /^\$(\d+)/.exec(statement.slice(i, i + 8));
      // `$$` or `$tag$` opens a dollar-quoted string: not read here.
      if (!match) return null;
      const literal = literals[Number(match[1]) - 1];
      if (literal === undefined) return null;
      out += literal;
      i += match[0].length;
    } else if (c === ';' || (c === '-' && statement[i + 1] === '-') || (c === '/' && statement[i + 1] === '*')) {
      return null;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function closingQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  for (;;) {
    const at = text.indexOf(quote, i);
    if (at < 0) return -1;
    if (text[at + 1] !== quote) return at;
    i = at + 2;
  }
}

function joined(statements: string[]): string {
  return statements.join(';\n');
}

/** The answer to the last statement of a string (pg gives an array for a string of several). */
function last(result: QueryResult | QueryResult[] | undefined): QueryResult | undefined {
  return Array.isArray(result) ? result[result.length - 1] : result;
}

function reply(done: QueryCallback, result: QueryResult): void {
  process.nextTick(done, null, result);
}

/** A failure of statements flushed ahead of another query shows on that query: the transaction is aborted. */
function ignoreHere(): void {}
