/** A flat view of request parameters: one string per name. */
export type RequestParams = Record<string, string>;

/**
 * Flattens parsed query or form values: a repeated name keeps its last value
 * (what PHP does), nested or array values keep their last scalar, anything
 * else is dropped.
 */
export function flattenParams(source: unknown): RequestParams {
  const out: RequestParams = Object.create(null) as RequestParams;
  if (!source || typeof source !== 'object') return out;
  for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
    const scalar = lastScalar(value);
    if (scalar !== undefined) out[name] = scalar;
  }
  return out;
}

/** Merges query and body parameters; `prefer` says which wins when both carry a name. */
export function mergeParams(query: RequestParams, body: RequestParams, prefer: 'query' | 'body'): RequestParams {
  const merged: RequestParams = Object.create(null) as RequestParams;
  const [first, second] = prefer === 'query' ? [body, query] : [query, body];
  for (const [name, value] of Object.entries(first)) merged[name] = value;
  for (const [name, value] of Object.entries(second)) merged[name] = value;
  return merged;
}

/** Parses a raw query string the way a form decoder does (`+` is a space), keeping the last of repeated names. */
export function parseQueryString(raw: string): RequestParams {
  const out: RequestParams = Object.create(null) as RequestParams;
  for (const [name, value] of new URLSearchParams(raw)) out[name] = value;
  return out;
}

/** The undecoded query string of a request URL (without `?`). */
export function rawQueryString(url: string): string {
  const mark = url.indexOf('?');
  return mark === -1 ? '' : url.slice(mark + 1);
}

function lastScalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    for (let index = value.length - 1; index >= 0; index -= 1) {
      const scalar = lastScalar(value[index]);
      if (scalar !== undefined) return scalar;
    }
  }
  return undefined;
}
