import { silentLogger } from '@pbx-gateway/core';
import type { CoreLogger } from '@pbx-gateway/core';

export interface AriPbxOptions {
  /** Asterisk's HTTP server, e.g. `http://127.0.0.1:8088` (ARI lives under `/ari` there; a path given here is ignored). */
  url: string;
  user: string;
  password: string;
  /** The Stasis application the gateway runs as. */
  app: string;
  /** The most any single REST call (and each connection step) may take; default 5000. */
  requestTimeoutMs?: number;
  /**
   * How long a connection to the engine's HTTP server may sit idle and still
   * carry the next request; default 4000. Keep it well under Asterisk's
   * `session_keep_alive` (http.conf, 15000 by default), so that the gateway
   * always lets a connection go before the engine closes it. 0 opens a new
   * connection for every request.
   */
  restKeepAliveMs?: number;
  reconnect?: {
    /** Delay before the first retry; default 500. */
    initialDelayMs?: number;
    /** Cap of the exponential backoff; default 30000. */
    maxDelayMs?: number;
  };
  logger?: CoreLogger;
}

export interface ResolvedAriPbxOptions {
  url: URL;
  user: string;
  password: string;
  app: string;
  requestTimeoutMs: number;
  restKeepAliveMs: number;
  initialDelayMs: number;
  maxDelayMs: number;
  logger: CoreLogger;
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 5000;
export const DEFAULT_REST_KEEP_ALIVE_MS = 4000;
export const DEFAULT_INITIAL_RECONNECT_DELAY_MS = 500;
export const DEFAULT_MAX_RECONNECT_DELAY_MS = 30_000;

/** Checks the options once, at construction, so that a typo fails at start-up and not at the first call. */
export function resolveAriPbxOptions(options: AriPbxOptions): ResolvedAriPbxOptions {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new TypeError(`pbx-ari: url is not a URL: ${options.url}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`pbx-ari: url must be http(s), got ${url.protocol}`);
  }
  if (!/^[A-Za-z0-9_.-]+$/.test(options.app)) {
    throw new TypeError(`pbx-ari: app must be a plain application name, got "${options.app}"`);
  }
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const restKeepAliveMs = options.restKeepAliveMs ?? DEFAULT_REST_KEEP_ALIVE_MS;
  if (!Number.isFinite(restKeepAliveMs) || restKeepAliveMs < 0) {
    throw new RangeError('pbx-ari: restKeepAliveMs must be 0 or a positive number of milliseconds');
  }
  const initialDelayMs = options.reconnect?.initialDelayMs ?? DEFAULT_INITIAL_RECONNECT_DELAY_MS;
  const maxDelayMs = Math.max(initialDelayMs, options.reconnect?.maxDelayMs ?? DEFAULT_MAX_RECONNECT_DELAY_MS);
  for (const [name, value] of Object.entries({ requestTimeoutMs, initialDelayMs })) {
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`pbx-ari: ${name} must be a positive number of milliseconds`);
  }
  return {
    url,
    user: options.user,
    password: options.password,
    app: options.app,
    requestTimeoutMs,
    restKeepAliveMs,
    initialDelayMs,
    maxDelayMs,
    logger: options.logger ?? silentLogger,
  };
}
