import type { ApiLogEntry, ApiLogWriter } from '@pbx-gateway/core';
import type { Knex } from 'knex';
import { isTransient, toError } from './support/errors';
import { storableJson, storableNullableText, storableText, toJsonb } from './support/json-column';

export interface ApiLogBuffering {
  /** A batch is written as soon as this many entries wait. */
  batchSize: number;
  /** Entries never wait longer than this for their batch. */
  flushDelayMs: number;
  /** Beyond this many waiting entries (Postgres down), new entries are dropped. */
  maxBuffered: number;
}

export const DEFAULT_API_LOG_BUFFERING: ApiLogBuffering = { batchSize: 200, flushDelayMs: 250, maxBuffered: 10_000 };

const RETRY_MAX_MS = 10_000;
const INT4_MAX = 2_147_483_647;

const clampInt = (value: number): number => (Number.isFinite(value) ? Math.min(INT4_MAX, Math.max(-INT4_MAX, Math.round(value))) : 0);

const toRow = (entry: ApiLogEntry) => ({
  at: entry.at,
  dialect: storableText(entry.dialect),
  operation: storableText(entry.operation),
  method: storableText(entry.method),
  path: storableText(entry.path),
  params: toJsonb(entry.params),
  api_user: storableNullableText(entry.apiUser),
  agent_id: storableNullableText(entry.agentId),
  http_status: clampInt(entry.httpStatus),
  outcome: entry.outcome,
  result: storableText(entry.result),
  duration_ms: clampInt(entry.durationMs),
  remote_address: storableNullableText(entry.remoteAddress),
});

/** A row as one element of the batch's JSON document: `params` nested, not a string. */
const toRecord = (entry: ApiLogEntry) => ({
  at: entry.at.toISOString(),
  dialect: storableText(entry.dialect),
  operation: storableText(entry.operation),
  method: storableText(entry.method),
  path: storableText(entry.path),
  params: storableJson(entry.params),
  api_user: storableNullableText(entry.apiUser),
  agent_id: storableNullableText(entry.agentId),
  http_status: clampInt(entry.httpStatus),
  outcome: entry.outcome,
  result: storableText(entry.result),
  duration_ms: clampInt(entry.durationMs),
  remote_address: storableNullableText(entry.remoteAddress),
});

/**
 * A whole batch is one statement with one parameter: the rows as a JSON
 * array. Building and sending thirteen bound values per row cost the
 * gateway more than the request it logged; one JSON text costs one
 * `JSON.stringify`, and Postgres reads it back into typed rows.
 */
const INSERT_BATCH = `
  INSERT INTO api_log (at, dialect, operation, method, path, params, api_user, agent_id, http_status, outcome, result, duration_ms, remote_address)
  SELECT at, dialect, operation, method, path, params, api_user, agent_id, http_status, outcome, result, duration_ms, remote_address
  FROM jsonb_to_recordset(?::jsonb) AS row(
    at timestamptz, dialect text, operation text, method text, path text, params jsonb, api_user text, agent_id text,
    http_status integer, outcome text, result text, duration_ms integer, remote_address text
  )`;

/**
 * Writes the API log in batches, off the request path: `append` only
 * buffers and never fails. Write failures go to `onError`; while Postgres is
 * unreachable the buffer keeps entries for a retry, up to its bound.
 */
export class BufferedApiLogWriter implements ApiLogWriter {
  private buffer: ApiLogEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private draining: Promise<void> | null = null;
  private retryMs: number;
  private dropped = 0;
  private closed = false;
  /** After a failed write: a full buffer must not bring the retry forward. */
  private backingOff = false;

  constructor(
    private readonly db: Knex,
    private readonly settings: ApiLogBuffering,
    private readonly onError: (error: Error) => void,
  ) {
    this.retryMs = settings.flushDelayMs;
  }

  append(entry: ApiLogEntry): Promise<void> {
    if (this.closed) {
      this.onError(new Error(`api log closed: entry for ${entry.dialect} ${entry.operation} dropped`));
    } else if (this.buffer.length >= this.settings.maxBuffered) {
      if (this.dropped === 0) this.onError(new Error(`api log buffer full (${this.buffer.length} entries): dropping new entries until it drains`));
      this.dropped += 1;
    } else {
      this.buffer.push(entry);
      if (this.buffer.length >= this.settings.batchSize && !this.backingOff) this.drainSoon(0);
      else this.drainSoon(this.settings.flushDelayMs);
    }
    return Promise.resolve();
  }

  /** Writes everything buffered, once; failures are reported, not retried. */
  async close(): Promise<void> {
    this.closed = true;
    this.clearTimer();
    await this.draining;
    await this.drain();
  }

  private drainSoon(delayMs: number): void {
    if (this.draining) return;
    if (delayMs === 0) {
      this.clearTimer();
      this.draining = this.drain().finally(() => {
        this.draining = null;
        if (this.buffer.length > 0 && !this.closed) this.drainSoon(this.settings.flushDelayMs);
      });
    } else if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.drainSoon(0);
      }, delayMs);
    }
  }

  private async drain(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.settings.batchSize);
      try {
        await this.db.raw(INSERT_BATCH, [JSON.stringify(batch.map(toRecord))]);
      } catch (error) {
        const failure = toError(error);
        if (!isTransient(error)) {
          await this.writeOneByOne(batch, failure);
        } else if (!this.closed) {
          this.keepForRetry(batch, failure);
          return;
        } else {
          // Closing while Postgres is away: report the loss rather than hold shutdown.
          const lost = batch.length + this.buffer.length;
          this.buffer = [];
          this.onError(new Error(`api log: ${lost} entries lost at close: ${failure.message}`, { cause: failure }));
          return;
        }
      }
      this.retryMs = this.settings.flushDelayMs;
    }
    if (this.dropped > 0) {
      this.onError(new Error(`api log: ${this.dropped} entries dropped while the buffer was full`));
      this.dropped = 0;
    }
  }

  private keepForRetry(batch: ApiLogEntry[], error: Error): void {
    const room = Math.max(0, this.settings.maxBuffered - this.buffer.length);
    const kept = batch.slice(0, room);
    this.dropped += batch.length - kept.length;
    this.buffer.unshift(...kept);
    this.onError(new Error(`api log: write failed, retrying in ${this.retryMs} ms: ${error.message}`, { cause: error }));
    this.backingOff = true;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.backingOff = false;
      this.drainSoon(0);
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  // One entry Postgres rejects must not cost the rest of its batch.
  private async writeOneByOne(batch: ApiLogEntry[], batchError: Error): Promise<void> {
    let lost = 0;
    let lastError = batchError;
    for (const entry of batch) {
      try {
        await this.db('api_log').insert(toRow(entry));
      } catch (error) {
        lost += 1;
        lastError = toError(error);
      }
    }
    if (lost > 0) this.onError(new Error(`api log: ${lost} of ${batch.length} entries lost: ${lastError.message}`, { cause: lastError }));
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
