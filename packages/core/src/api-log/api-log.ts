import type { JsonObject } from '../kernel/json';

/** One request that reached a dialect, with every secret already redacted. */
export interface ApiLogEntry {
  at: Date;
  dialect: string;
  operation: string;
  method: string;
  path: string;
  params: JsonObject;
  /**
   * The API account behind the request: its login where the request names it
   * (VICIdial `user`, VoIPSUN `username`, Sip_Call `appid`), else the account
   * id a token stands for (Sip_Call token requests).
   */
  apiUser: string | null;
  agentId: string | null;
  httpStatus: number;
  outcome: 'success' | 'error';
  /** The dialect's result code or first answer line, short. */
  result: string;
  durationMs: number;
  remoteAddress: string | null;
}

export const REDACTED = '[redacted]';

/**
 * Copies `params`, replacing the value of every secret-bearing name. A
 * parameter that only mentions a secret-bearing name may hold the secret all
 * the same: a JSON text posted as a form arrives as one parameter named
 * `{"password":"…",…}`, a multipart body declared as a form as one whose
 * value holds `name="password"` and the password after it, a nested object
 * as JSON text. Such a name is replaced as well as its value; such a value is
 * replaced.
 */
export function redactParams(params: Readonly<Record<string, unknown>>, secretNames: ReadonlySet<string>): JsonObject {
  const names = namesOf(secretNames);
  const mentionsSecret = (text: string): boolean => {
    const lower = text.toLowerCase();
    return names.some((name) => lower.includes(name));
  };
  const out: JsonObject = {};
  let hiddenNames = 0;
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (secretNames.has(name.toLowerCase())) {
      out[name] = REDACTED;
    } else if (mentionsSecret(name)) {
      hiddenNames += 1;
      out[`${REDACTED} ${hiddenNames}`] = REDACTED;
    } else {
      const kept = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : (JSON.stringify(value) ?? null);
      out[name] = typeof kept === 'string' && mentionsSecret(kept) ? REDACTED : kept;
    }
  }
  return out;
}

// A dialect passes the same set with every request: its list is made once.
const secretNameLists = new WeakMap<ReadonlySet<string>, readonly string[]>();
function namesOf(secretNames: ReadonlySet<string>): readonly string[] {
  let names = secretNameLists.get(secretNames);
  if (names === undefined) {
    names = [...secretNames].filter((name) => name !== '');
    secretNameLists.set(secretNames, names);
  }
  return names;
}
