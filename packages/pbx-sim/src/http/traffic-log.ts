import type { Json, JsonObject } from '../util/json';

export type QueryRecord = Record<string, string | string[]>;

export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  query: QueryRecord;
  body?: Json;
  rawBody?: string;
  status: number;
}

export interface LoggedEvent {
  at: number;
  app: string;
  event: JsonObject;
}

/** Opt-in record of ARI traffic, for tests that check what a client sent or received. */
export class TrafficLog {
  enabled: boolean;
  readonly requests: LoggedRequest[] = [];
  readonly events: LoggedEvent[] = [];

  constructor(enabled: boolean) {
    this.enabled = enabled;
  }

  request(entry: LoggedRequest): void {
    if (this.enabled) this.requests.push(entry);
  }

  event(entry: LoggedEvent): void {
    if (this.enabled) this.events.push(entry);
  }

  clear(): void {
    this.requests.splice(0);
    this.events.splice(0);
  }
}

export function queryRecord(pairs: readonly [string, string][]): QueryRecord {
  const record: QueryRecord = {};
  for (const [key, value] of pairs) {
    const existing = record[key];
    if (existing === undefined) record[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else record[key] = [existing, value];
  }
  return record;
}
