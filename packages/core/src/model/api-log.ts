import type { JsonObject } from '../support/json';

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

/** Copies `params`, replacing the value of every secret-bearing name. */
export function redactParams(params: Readonly<Record<string, unknown>>, secretNames: ReadonlySet<string>): JsonObject {
  const out: JsonObject = {};
  for (const [name, value] of Object.entries(params)) {
    if (secretNames.has(name.toLowerCase())) out[name] = REDACTED;
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) out[name] = value;
    else if (value !== undefined) out[name] = JSON.stringify(value) ?? null;
  }
  return out;
}
