/** The driver returns bigint and count(*) as strings, so that no precision is lost silently. */
export function toNumber(value: string | number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${String(value)}`);
  return n;
}

/** Ids of bigserial rows travel as decimal strings; anything else names no row. */
export const isSerialId = (id: string): boolean => /^[1-9][0-9]{0,17}$/.test(id);
