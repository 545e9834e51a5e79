/**
 * The file name of a new recording, unique and safe as a path segment:
 * `<YYYYMMDD-HHMMSS>_<agent>_<label>_<unique>` (UTC), the label left out when
 * none is given. Only letters, digits, `-` and `_` reach the engine, which
 * takes the name as a path under its recordings directory.
 */
export function recordingName(at: Date, agentId: string, label: string | null, unique: string): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const stamp =
    `${pad(at.getUTCFullYear(), 4)}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}-` +
    `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}`;
  const parts = [stamp, safe(agentId), label === null ? '' : safe(label), safe(unique)].filter((part) => part !== '');
  return parts.join('_');
}

const safe = (text: string): string => text.replace(/[^A-Za-z0-9_-]/g, '');
