/** Decodes one path segment; null when its percent-encoding is broken. */
export function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * An agent id as a path carries it: digits without a leading zero, within
 * the configured range (Huawei documents 101–59999, later 101–999999).
 */
export function parseAgentId(raw: string, range: { min: number; max: number }): string | null {
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) return null;
  const value = Number(raw);
  return value >= range.min && value <= range.max ? raw : null;
}
