/**
 * Asterisk renders every time in ARI as `2025-11-21T06:17:00.123+0000`
 * (ast_json_timeval): milliseconds and a numeric zone, never `Z`.
 */
export function asteriskTimestamp(ms: number = Date.now()): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}
