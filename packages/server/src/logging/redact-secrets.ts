import { REDACTED } from '@pbx-gateway/core';

/**
 * Names that carry secrets wherever they appear in a log line. Dialects
 * already redact what they log; this is the second net, so a secret that slips
 * into a log object by another path is still not written.
 */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'pass',
  'password',
  'secret',
  'token',
  'accesskey',
  'agentPin',
  'agent_pass',
  'guid',
  'authorization',
  'cookie',
  'api_key',
  'signingKey',
  'x-pbx-signature',
]);

/** How deep below the logged object a secret is looked for: its properties, theirs, and theirs. */
const DEPTH = 2;

type Container = Record<string, unknown> | unknown[];

// Class instances (errors, dates, buffers) are written by their own serializers, not walked.
function isContainer(value: unknown): value is Container {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * The object with every secret-named property down to `DEPTH` levels below
 * it replaced by `[redacted]`. Nothing is copied unless a secret is found,
 * and then only the objects on the way to it: the caller's object is never
 * changed. A plain walk over the few keys of a log line costs far less than
 * pino's path-based redaction with wildcards did on every line.
 */
export function redactSecrets<T extends object>(value: T): T {
  return isContainer(value) ? (redactWithin(value, 0) as T) : value;
}

function redactWithin(container: Container, depth: number): Container {
  let copy: Container | null = null;
  const entries = Array.isArray(container) ? container.entries() : Object.entries(container);
  for (const [key, child] of entries) {
    let replacement = child;
    if (typeof key === 'string' && SECRET_KEYS.has(key)) replacement = REDACTED;
    else if (depth < DEPTH && isContainer(child)) replacement = redactWithin(child, depth + 1);
    if (replacement === child) continue;
    copy ??= Array.isArray(container) ? [...container] : { ...container };
    (copy as Record<string | number, unknown>)[key] = replacement;
  }
  return copy ?? container;
}
