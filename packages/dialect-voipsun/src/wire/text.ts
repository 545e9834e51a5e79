/**
 * The first `max` characters of `value`, counted in code points: cutting
 * between the halves of a surrogate pair would leave text that neither JSON
 * columns nor the engine accept.
 */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value;
  return Array.from(value).slice(0, max).join('');
}

/** Caller-id text without control characters (they would break the engine's caller-id syntax), shortened; null when nothing is left. */
export function callerText(value: string | null, max: number): string | null {
  if (value === null) return null;
  const clean = truncate(value.replace(/[\u0000-\u001f\u007f]/g, ''), max);
  return clean === '' ? null : clean;
}

/** A parameter's value, or null when it is absent or empty (CRMs send blank fields). */
export function nonEmpty(value: string | undefined | null): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

/** The longest caller number and name the gateway shows on a phone. */
export const MAX_CALLER_NUMBER = 40;
export const MAX_CALLER_NAME = 80;
