import { PbxFailure } from '@pbx-gateway/core';

/**
 * Turns what Asterisk answered into the core's failure vocabulary.
 *
 * Asterisk explains an error in a JSON body, usually `{"message": "..."}`,
 * but some paths of res_ari answer `{"error": "..."}` (an originate to an
 * unknown technology gives 500 `{"error":"Allocation failed"}`), so both keys
 * are read; anything else is kept as raw text so that the reason is never lost.
 */
export function failureFromAriResponse(status: number, bodyText: string, what: string): PbxFailure {
  const reason = engineMessage(bodyText) ?? `HTTP ${status}`;
  const message = `${what}: ${reason}`;
  switch (status) {
    case 404:
      return new PbxFailure('not_found', message, status);
    case 409:
      return new PbxFailure('conflict', message, status);
    case 412:
      return new PbxFailure('invalid_state', message, status);
    default:
      // 400 and 422 are requests the engine refused as such, 500 is the
      // engine failing to do it (bad technology, unknown bridge type); for
      // the core all of these are "the engine said no, and here is why".
      return new PbxFailure('rejected', message, status);
  }
}

/** No answer from the engine: refused, reset, timed out, or not connected. */
export function unavailableFailure(what: string, cause: string): PbxFailure {
  return new PbxFailure('unavailable', `${what}: ${cause}`);
}

/** The engine's own words from an error body, or null when it gave none. */
export function engineMessage(bodyText: string): string | null {
  const text = bodyText.trim();
  if (text === '') return null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed !== null && typeof parsed === 'object') {
      const record = parsed as Record<string, unknown>;
      for (const key of ['message', 'error']) {
        const value = record[key];
        if (typeof value === 'string' && value !== '') return value;
      }
    }
  } catch {
    // Not JSON: the raw text is the best explanation there is.
  }
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/**
 * The request failed at the connection level (refused, reset) before any
 * response: the engine may or may not have acted on it. The core sees an
 * ordinary `unavailable` failure; the adapter uses the distinction to retry
 * what is safe to send twice.
 */
export class RequestNotAnswered extends PbxFailure {
  /** See RestExchange.failedOnReusedConnection. */
  constructor(what: string, cause: string, readonly onReusedConnection = false) {
    super('unavailable', `${what}: ${cause}`);
    this.name = 'RequestNotAnswered';
  }
}

/**
 * A request on something the engine no longer has (its 404): for a hang-up,
 * a stop or a destroy that is the end asked for, so it answers `gone`.
 */
export async function unlessGone<T, G>(request: Promise<T>, gone: G): Promise<T | G> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof PbxFailure && error.kind === 'not_found') return gone;
    throw error;
  }
}
