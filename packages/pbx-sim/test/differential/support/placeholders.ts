import type { Json, JsonObject, TraceEntry } from '../../support/trace-format';

/**
 * Writes a recording of the real Asterisk in the golden traces' normalised
 * form (their README, "Normalization"): generated channel ids become
 * <chanN>, the 8-hex-digit sequences of channel names <seqN>, generated
 * bridge and playback ids <bridgeN> and <pbN>, times <ts>, the system id
 * <astid>. The simulator's recording is then matched against it by the trace
 * test's own unifier, which binds each placeholder one-to-one.
 */
const CHANNEL_ID = /\b\d{9,}\.\d+\b/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;
/** Channel names, alone or in lists (BRIDGEPEER): the 8 hex digits before an optional ;1/;2. */
const NAME_SEQUENCE = /((?:Local|PJSIP|Snoop|Announcer|Recorder|Message|UnicastRTP|AudioSocket)\/[^,\s]*?-)([0-9a-f]{8})(?=;[12]|,|$)/g;
const TIME_FIELDS = new Set(['timestamp', 'creationtime', 'startup_time', 'last_reload_time']);
const SYSTEM_ID_FIELDS = new Set(['asterisk_id', 'entity_id']);

/** Values that differ on every call whatever the server: masked on both sides before comparing. */
const VOLATILE_FIELDS = new Set(['protocol_id']);

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Numbering {
  private readonly seen = new Map<string, string>();
  private counts = new Map<string, number>();

  name(kind: string, value: string): string {
    const key = `${kind}:${value}`;
    let placeholder = this.seen.get(key);
    if (placeholder === undefined) {
      const n = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, n);
      placeholder = `<${kind}${n}>`;
      this.seen.set(key, placeholder);
    }
    return placeholder;
  }
}

/** Bridge ids are told from playback ids by where they are seen. */
function collectBridgeIds(entries: TraceEntry[]): Set<string> {
  const ids = new Set<string>();
  const visit = (value: Json | undefined, key?: string): void => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(/(?:\/bridges\/|bridge:)([0-9a-f-]{36})/g)) if (m[1]) ids.add(m[1]);
      if (key === 'bridge_id' || key === 'bridge_ids') ids.add(value);
    } else if (Array.isArray(value)) {
      value.forEach((v) => visit(v, key));
    } else if (isObject(value)) {
      if (typeof value.bridge_type === 'string' && typeof value.id === 'string') ids.add(value.id);
      for (const [k, v] of Object.entries(value)) {
        if ((k === 'bridge' || k === 'destination_bridge') && isObject(v) && typeof v.id === 'string') ids.add(v.id);
        visit(v, k);
      }
    }
  };
  for (const entry of entries) {
    if (entry.type === 'request') {
      visit(entry.path);
      visit(entry.query as Json | undefined);
      visit(entry.body);
    }
    if (entry.type === 'response') visit(entry.body);
    if (entry.type === 'event') visit(entry.event);
  }
  return ids;
}

export function maskVolatile<T extends Json>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => maskVolatile(v)) as T;
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value)) out[k] = VOLATILE_FIELDS.has(k) && typeof v === 'string' ? '<volatile>' : maskVolatile(v);
  return out as T;
}

export function toPlaceholders(entries: TraceEntry[]): TraceEntry[] {
  const bridges = collectBridgeIds(entries);
  const numbering = new Numbering();
  const text = (value: string): string => {
    let out = value.replace(NAME_SEQUENCE, (_w, head: string, seq: string) => `${head}${numbering.name('seq', seq)}`);
    out = out.replace(CHANNEL_ID, (id) => numbering.name('chan', id));
    out = out.replace(UUID, (id) => numbering.name(bridges.has(id) ? 'bridge' : 'pb', id));
    return out;
  };
  const walk = (value: Json, key?: string): Json => {
    if (typeof value === 'string') {
      if (key !== undefined && TIME_FIELDS.has(key)) return '<ts>';
      if (key !== undefined && SYSTEM_ID_FIELDS.has(key)) return '<astid>';
      return text(value);
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (isObject(value)) {
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(value)) out[k] = key === 'build' && k === 'date' ? '<ts>' : walk(v, k);
      return out;
    }
    return value;
  };
  return entries.map((entry): TraceEntry => {
    switch (entry.type) {
      case 'request':
        return { ...entry, path: text(entry.path), ...(entry.body !== undefined ? { body: walk(maskVolatile(entry.body)) } : {}) };
      case 'response':
        return { ...entry, body: walk(maskVolatile(entry.body)) };
      case 'event':
        return { ...entry, event: walk(maskVolatile(entry.event)) as JsonObject };
      case 'ws_rejected':
        return entry.body !== undefined ? { ...entry, body: walk(entry.body) } : entry;
      default:
        return entry;
    }
  });
}
