import type { ActualEvent, ActualResponse, Replay } from './trace-replay';
import { Bindings } from './unifier';
import type { EventEntry, Json, JsonObject, RequestEntry, ResponseEntry, Trace } from './trace-format';

/** Milliseconds of audio a recorded WAV may differ by: trace times are rounded to 100 ms. */
const RECORDING_SLACK_MS = 300;
const WAV_BYTES_PER_MS = 16;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Which channel (or bridge) an event is about: its per-channel sequence. */
export function eventKey(event: JsonObject): string {
  const channel = event.channel;
  if (isObject(channel) && typeof channel.id === 'string') return channel.id;
  const peer = event.peer;
  if (isObject(peer) && typeof peer.id === 'string') return peer.id;
  for (const field of ['playback', 'recording'] as const) {
    const item = event[field];
    if (isObject(item) && typeof item.target_uri === 'string') return item.target_uri.replace(/^[a-z]+:/, '');
  }
  const bridge = event.bridge;
  if (isObject(bridge) && typeof bridge.id === 'string') return bridge.id;
  return '(global)';
}

/**
 * The README's tolerated nondeterminism for one response: a 201 play or
 * record body may already say playing/recording instead of queued.
 */
function startedStates(expected: JsonObject, actual: JsonObject): boolean {
  const queuedOr = (value: Json | undefined, started: string): boolean => value === 'queued' || value === started;
  for (const started of ['playing', 'recording']) {
    if (queuedOr(expected.state, started) && queuedOr(actual.state, started)) return true;
  }
  return false;
}

function unifyBody(bindings: Bindings, request: RequestEntry | undefined, expected: ResponseEntry, actual: ActualResponse): boolean {
  if (expected.body_truncated) {
    // GET /sounds was cut to its first entries in the trace: each kept sound must be served with the same
    // formats (their order follows the files on disk, so it is compared as a set).
    if (!Array.isArray(expected.body) || !Array.isArray(actual.body)) return false;
    return expected.body.every((sound) => {
      if (!isObject(sound)) return false;
      const match = (actual.body as Json[]).find((s) => isObject(s) && s.id === sound.id);
      if (!isObject(match) || !Array.isArray(match.formats) || !Array.isArray(sound.formats)) return false;
      const key = (f: Json): string => JSON.stringify(f);
      return match.formats.length === sound.formats.length && sound.formats.every((f) => (match.formats as Json[]).map(key).includes(key(f)));
    });
  }
  if (isObject(expected.body) && typeof expected.body._binary_bytes === 'number') {
    const bytes = expected.body._binary_bytes;
    return actual.binaryBytes !== undefined && Math.abs(actual.binaryBytes - bytes) <= RECORDING_SLACK_MS * WAV_BYTES_PER_MS;
  }
  // Asterisk lists channels and bridges in the order of its hash containers.
  const listed = request?.path === '/ari/channels' || request?.path === '/ari/bridges';
  if (request?.method === 'GET' && listed && Array.isArray(expected.body) && Array.isArray(actual.body)) {
    return bindings.unifyUnordered(expected.body, actual.body);
  }
  if (expected.status === 201 && isObject(expected.body) && isObject(actual.body) && startedStates(expected.body, actual.body)) {
    return bindings.tryUnify({ ...expected.body, state: null }, { ...actual.body, state: null });
  }
  return bindings.tryUnify(expected.body, actual.body);
}

export function responseMatches(bindings: Bindings, request: RequestEntry | undefined, expected: ResponseEntry, actual: ActualResponse): string[] {
  const problems: string[] = [];
  const where = `req ${expected.req} (${request?.method ?? '?'} ${request?.path ?? '?'})`;
  if (actual.status !== expected.status) problems.push(`${where}: status ${actual.status}, expected ${expected.status}`);
  if (actual.contentType !== expected.content_type) problems.push(`${where}: content type ${String(actual.contentType)}, expected ${String(expected.content_type)}`);
  if (actual.allow !== expected.allow) problems.push(`${where}: Allow ${String(actual.allow)}, expected ${String(expected.allow)}`);
  if (actual.wwwAuthenticate !== expected['www-authenticate']) {
    problems.push(`${where}: WWW-Authenticate ${String(actual.wwwAuthenticate)}, expected ${String(expected['www-authenticate'])}`);
  }
  if (!unifyBody(bindings, request, expected, actual)) {
    problems.push(`${where}: body\n    got      ${JSON.stringify(actual.body ?? { _binary_bytes: actual.binaryBytes })}\n    expected ${JSON.stringify(expected.body)}`);
  }
  return problems;
}

function groupBy(events: { key: string; event: JsonObject }[]): Map<string, JsonObject[]> {
  const groups = new Map<string, JsonObject[]>();
  for (const { key, event } of events) {
    const list = groups.get(key) ?? [];
    list.push(event);
    groups.set(key, list);
  }
  return groups;
}

function describe(events: JsonObject[]): string {
  return events
    .map((e) => {
      const channel = isObject(e.channel) ? e.channel : isObject(e.peer) ? e.peer : undefined;
      const detail = [e.variable, e.dialstatus, e.dialplan_app, e.cause, e.digit, isObject(e.playback) ? e.playback.state : undefined, channel?.state]
        .filter((v) => v !== undefined)
        .join('/');
      return `${String(e.type)}(${detail})`;
    })
    .join(', ');
}

/**
 * Compares every response, then every channel's event sequence (events of
 * different channels may interleave differently, as the README allows).
 */
export function compareTrace(trace: Trace, replay: Replay, bindings: Bindings): string[] {
  const problems: string[] = [...replay.problems];
  const requests = new Map<number, RequestEntry>();
  for (const entry of trace.entries) if (entry.type === 'request') requests.set(entry.req, entry);
  for (const entry of trace.entries) {
    if (entry.type === 'response') {
      const actual = replay.responses.get(entry.req);
      if (!actual) problems.push(`req ${entry.req}: no response`);
      else problems.push(...responseMatches(bindings, requests.get(entry.req), entry, actual));
    } else if (entry.type === 'ws_open' && !replay.wsOpened.has(entry.ws)) {
      problems.push(`${entry.ws}: the WebSocket did not open`);
    } else if (entry.type === 'ws_rejected') {
      const rejected = replay.wsRejected.get(entry.ws);
      if (!rejected || rejected.status !== entry.status) problems.push(`${entry.ws}: expected a rejected upgrade with ${entry.status}`);
      else if (entry.body !== undefined && !bindings.tryUnify(entry.body, rejected.body)) {
        problems.push(`${entry.ws}: rejected upgrade body\n    got      ${JSON.stringify(rejected.body)}\n    expected ${JSON.stringify(entry.body)}`);
      }
    }
  }
  const expectedEvents = trace.entries.filter((e): e is EventEntry => e.type === 'event');
  for (const ws of new Set([...expectedEvents.map((e) => e.ws), ...replay.events.map((e) => e.ws)])) {
    problems.push(...compareEvents(expectedEvents.filter((e) => e.ws === ws), replay.events.filter((e) => e.ws === ws), bindings, ws));
  }
  return problems;
}

function compareEvents(expected: EventEntry[], actual: ActualEvent[], bindings: Bindings, ws: string): string[] {
  const problems: string[] = [];
  const expectedGroups = groupBy(expected.map((e) => ({ key: eventKey(e.event), event: e.event })));
  const actualGroups = groupBy(actual.map((e) => ({ key: eventKey(e.event), event: e.event })));
  const matched = new Set<string>();
  for (const [key, sequence] of expectedGroups) {
    const bound = bindings.substitute(key);
    const candidates = bound !== undefined ? [bound] : [...actualGroups.keys()].filter((k) => !matched.has(k));
    let found: string | undefined;
    for (const candidate of candidates) {
      const actualSequence = actualGroups.get(candidate);
      if (!actualSequence || matched.has(candidate)) continue;
      const saved = bindings.snapshot();
      if (bindings.unifyString(key, candidate) && bindings.unify(sequence, withinTimingResolution(sequence, actualSequence))) {
        found = candidate;
        break;
      }
      bindings.restore(saved);
    }
    if (found !== undefined) {
      matched.add(found);
      continue;
    }
    const best = bound !== undefined ? actualGroups.get(bound) : undefined;
    problems.push(`${ws} events of ${key} (${bound ?? 'unmatched'}) differ:\n    got      ${best ? describe(best) : '(none)'}\n    expected ${describe(sequence)}${best ? firstDifference(sequence, withinTimingResolution(sequence, best), bindings) : ''}`);
  }
  for (const [key, sequence] of actualGroups) {
    if (!matched.has(key)) problems.push(`${ws} unexpected events of ${key}: ${describe(sequence)}`);
  }
  return problems;
}

/**
 * A recording's `duration` is whole seconds of wall time between two
 * requests; the trace gives request times rounded to 100 ms, so a replay can
 * land on either side of a second boundary. One second either way is the
 * resolution of the trace itself, and the only timing-derived value compared loosely.
 */
function withinTimingResolution(expected: JsonObject[], actual: JsonObject[]): JsonObject[] {
  return actual.map((event, i) => {
    const want = expected[i]?.recording;
    const got = event.recording;
    if (!isObject(want) || !isObject(got) || typeof want.duration !== 'number' || typeof got.duration !== 'number') return event;
    if (Math.abs(want.duration - got.duration) > 1) return event;
    return { ...event, recording: { ...got, duration: want.duration } };
  });
}

/** Where a sequence stops matching, on a scratch copy of the bindings. */
function firstDifference(expected: JsonObject[], actual: JsonObject[], bindings: Bindings): string {
  const scratch = new Bindings();
  scratch.restore(bindings.snapshot());
  for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
    const e = expected[i];
    const a = actual[i];
    if (e === undefined || a === undefined || !scratch.unify(e, a)) {
      return `\n    first difference at #${i}:\n      got      ${JSON.stringify(a)}\n      expected ${JSON.stringify(e)}`;
    }
  }
  return '';
}

/**
 * Placeholders a request needs before the responses bound them: a channel
 * seen only in events (the `;2` half of a Local pair) is found by the name
 * the trace gives it, once that name's own placeholders are bound.
 */
export function makeResolver(trace: Trace, bindings: Bindings): (text: string, events: ActualEvent[]) => string {
  const names = new Map<string, string>();
  const collect = (value: Json): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (isObject(value)) {
      if (typeof value.id === 'string' && typeof value.name === 'string' && /^<chan\d+>$/.test(value.id)) names.set(value.id, value.name);
      Object.values(value).forEach(collect);
    }
  };
  for (const entry of trace.entries) {
    if (entry.type === 'event') collect(entry.event);
    if (entry.type === 'response') collect(entry.body);
  }
  return (text, events) => {
    for (const placeholder of text.match(/<chan\d+>/g) ?? []) {
      if (bindings.get(placeholder) !== undefined) continue;
      const template = names.get(placeholder);
      const name = template !== undefined ? bindings.substitute(template) : undefined;
      if (name === undefined) continue;
      const seen: Json[] = events.map((e) => e.event);
      let id: string | undefined;
      const find = (value: Json): void => {
        if (id !== undefined) return;
        if (Array.isArray(value)) value.forEach(find);
        else if (isObject(value)) {
          if (value.name === name && typeof value.id === 'string') id = value.id;
          else Object.values(value).forEach(find);
        }
      };
      seen.forEach(find);
      if (id !== undefined) bindings.bind(placeholder, 'chan', id);
    }
    return bindings.substitute(text) ?? text;
  };
}
