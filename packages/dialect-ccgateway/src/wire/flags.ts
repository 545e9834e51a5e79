/** A `true`/`false` query or path flag (any case); empty or absent is the default; anything else null. */
export function flagValue(raw: string | undefined, absent: boolean): boolean | null {
  if (raw === undefined || raw === '') return absent;
  const text = raw.toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  return null;
}
