import type { JsonObject, JsonValue } from '@pbx-gateway/core';

// Postgres refuses NUL in text and jsonb, and jsonb refuses unpaired UTF-16
// surrogates; clients can send both (`%00` in a query string). Writing them as
// U+FFFD keeps the row instead of failing the whole transaction over one byte.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_UNSTORABLE = /[\u0000\uD800-\uDFFF]/;

export function storableText(text: string): string {
  return HAS_UNSTORABLE.test(text) ? text.replace(UNSTORABLE, '\uFFFD') : text;
}

export function storableNullableText(text: string | null): string | null {
  return text === null ? null : storableText(text);
}

export function storableJson(value: JsonValue): JsonValue {
  if (typeof value === 'string') return storableText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(storableJson);
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) out[storableText(key)] = storableJson(item);
  return out;
}

/**
 * The text of a jsonb parameter. Always serialised here: the driver would
 * turn a JS array into a Postgres array literal and send a bare string unquoted.
 */
export function toJsonb(value: JsonValue | Readonly<Record<string, string>>): string {
  return JSON.stringify(storableJson(value as JsonValue));
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A jsonb column holding an object, as the driver parsed it. */
export function fromJsonbObject(value: unknown): JsonObject {
  return isPlainObject(value) ? (value as JsonObject) : {};
}

/** A jsonb column holding an object of strings (attributes, headers). */
export function fromJsonbStrings(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isPlainObject(value)) return out;
  for (const [key, item] of Object.entries(value)) out[key] = typeof item === 'string' ? item : JSON.stringify(item);
  return out;
}

/** Any jsonb value, as the driver parsed it. */
export function fromJsonb(value: unknown): JsonValue {
  return value as JsonValue;
}
