import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** JSON values as stored in the golden traces. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export type QueryValue = string | number | boolean | (string | number | boolean)[];

export interface RequestEntry {
  t: number;
  type: 'request';
  req: number;
  method: string;
  path: string;
  query?: Record<string, QueryValue>;
  body?: Json;
  raw_body?: string;
  auth?: string;
}

export interface ResponseEntry {
  t: number;
  type: 'response';
  req: number;
  status: number;
  content_type: string | null;
  body: Json;
  body_truncated?: { total: number; kept: number };
  allow?: string;
  'www-authenticate'?: string;
}

export interface EventEntry {
  t: number;
  type: 'event';
  ws: string;
  event: JsonObject;
}

export interface WsConnectEntry {
  t: number;
  type: 'ws_connect';
  ws: string;
  path: string;
  query: Record<string, QueryValue>;
  auth?: string;
}

export interface WsOpenEntry {
  t: number;
  type: 'ws_open';
  ws: string;
}

export interface WsCloseEntry {
  t: number;
  type: 'ws_close';
  ws: string;
  code: number;
  reason?: string;
}

export interface WsRejectedEntry {
  t: number;
  type: 'ws_rejected';
  ws: string;
  status: number;
  body?: Json;
}

export interface NoteEntry {
  t: number;
  type: 'note';
  text?: string;
}

export type TraceEntry = RequestEntry | ResponseEntry | EventEntry | WsConnectEntry | WsOpenEntry | WsCloseEntry | WsRejectedEntry | NoteEntry;

export interface Trace {
  scenario: string;
  title: string;
  entries: TraceEntry[];
}

export function loadTraces(dir: string): Trace[] {
  return readdirSync(dir)
    .filter((f) => /\.json$/.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Trace);
}
