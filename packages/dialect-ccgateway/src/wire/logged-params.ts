const MAX_LOGGED_FIELDS = 40;
const MAX_LOGGED_CHARS = 200;

function safeJson(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return '[unprintable]';
  }
}

/** What the API log keeps of a request: scalar fields, shortened. */
export function loggedParams(sources: ReadonlyArray<Readonly<Record<string, unknown>>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let count = 0;
  for (const source of sources) {
    for (const [name, value] of Object.entries(source)) {
      if (count >= MAX_LOGGED_FIELDS) return out;
      count += 1;
      const text = typeof value === 'string' ? value : safeJson(value);
      const kept = typeof value === 'number' || typeof value === 'boolean' || value === null ? value : text === null ? null : text.slice(0, MAX_LOGGED_CHARS);
      Object.defineProperty(out, name.slice(0, 64), { value: kept, enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}
