import { eventKey } from '../../support/trace-compare';
import type { EventEntry, JsonObject, TraceEntry } from '../../support/trace-format';

/**
 * Races of Asterisk's own, seen to go either way between runs of the same
 * scenario. Each is brought to one form on both sides before the comparison,
 * so a run of either variant matches and anything else still differs.
 */
export function maskRaces(entries: TraceEntry[]): TraceEntry[] {
  return softHangupAfterStateChange(
    dialBeginFirst(leavingDestroyedBridge(withoutUnfollowedBridgeDestroyed(withoutMusicAnnouncer(mediaAnswers(snoopAnswers(withoutFailedApplicationList(entries))))))),
  );
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bridgeOf(event: JsonObject): string | undefined {
  const bridge = event.bridge;
  return isObject(bridge) && typeof bridge.id === 'string' ? bridge.id : undefined;
}

/**
 * The answer to a snoop is built while the snoop's thread enters Stasis, so
 * its snapshot shows the application or not yet.
 */
function snoopAnswers(entries: TraceEntry[]): TraceEntry[] {
  const snoops = new Set(entries.flatMap((e) => (e.type === 'request' && e.method === 'POST' && /\/snoop(\/[^/]+)?$/.test(e.path) ? [e.req] : [])));
  return entries.map((entry) => {
    if (entry.type !== 'response' || !snoops.has(entry.req) || entry.status !== 200) return entry;
    const body = entry.body as JsonObject;
    const dialplan = body.dialplan as JsonObject;
    return { ...entry, body: { ...body, dialplan: { ...dialplan, app_name: '<race>', app_data: '<race>' } } };
  });
}

/**
 * Listing the applications just after a socket registered two of them was
 * once answered 500 "Allocation failed" instead of the list: a failure of
 * Asterisk's own while it sets the applications up. That answer says nothing
 * the simulator could match, so it is left out of the comparison, in that run only.
 */
function withoutFailedApplicationList(entries: TraceEntry[]): TraceEntry[] {
  const lists = new Set(entries.flatMap((e) => (e.type === 'request' && e.method === 'GET' && e.path === '/ari/applications' ? [e.req] : [])));
  return entries.filter(
    (entry) => !(entry.type === 'response' && lists.has(entry.req) && entry.status === 500 && isObject(entry.body) && entry.body.message === 'Allocation failed'),
  );
}

/**
 * The answer to a play or a record is built while the media's thread starts
 * it: a media that cannot start (a malformed tone, a channel recording while
 * the channel is in a bridge) is answered queued in most runs and already
 * failed in some. Both are brought to queued.
 */
function mediaAnswers(entries: TraceEntry[]): TraceEntry[] {
  const starts = new Set(entries.flatMap((e) => (e.type === 'request' && e.method === 'POST' && /\/(play(\/[^/]+)?|record)$/.test(e.path) ? [e.req] : [])));
  return entries.map((entry) => {
    if (entry.type !== 'response' || !starts.has(entry.req) || entry.status !== 201 || !isObject(entry.body) || entry.body.state !== 'failed') return entry;
    return { ...entry, body: { ...entry.body, state: 'queued' } };
  });
}

/**
 * Music on hold in a holding bridge is played by an announcer channel of
 * Asterisk's own, which joins the bridge on the music's thread: a bridge
 * snapshot taken meanwhile (the ChannelLeftBridge of the last participant,
 * seen both ways) lists it or not. The application never meets that channel
 * otherwise, so a channel it never met is left out of such a bridge's list.
 */
function withoutMusicAnnouncer(entries: TraceEntry[]): TraceEntry[] {
  const withMusic = new Set(
    entries.flatMap((e) => {
      const match = e.type === 'request' && e.method === 'POST' ? /^\/ari\/bridges\/([^/]+)\/moh$/.exec(e.path) : null;
      return match?.[1] === undefined ? [] : [decodeURIComponent(match[1])];
    }),
  );
  if (withMusic.size === 0) return entries;
  const met = new Set<string>();
  for (const entry of entries) {
    const source = entry.type === 'event' ? entry.event.channel : entry.type === 'response' ? entry.body : undefined;
    if (isObject(source) && typeof source.id === 'string') met.add(source.id);
  }
  const known = (bridge: JsonObject): JsonObject =>
    Array.isArray(bridge.channels) ? { ...bridge, channels: bridge.channels.filter((id) => typeof id !== 'string' || met.has(id)) } : bridge;
  return entries.map((entry) => {
    if (entry.type !== 'event') return entry;
    const id = bridgeOf(entry.event);
    if (id === undefined || !withMusic.has(id)) return entry;
    return { ...entry, event: { ...entry.event, bridge: known(entry.event.bridge as JsonObject) } };
  });
}

/**
 * A deleted bridge's channels leave it each on its own thread: which leaves
 * first, and so which channel's ChannelLeftBridge still lists the other,
 * varies (seen both ways with two channels in a holding bridge).
 */
function leavingDestroyedBridge(entries: TraceEntry[]): TraceEntry[] {
  const deleted = new Set<string>();
  return entries.map((entry) => {
    if (entry.type === 'request' && entry.method === 'DELETE') {
      const match = /^\/ari\/bridges\/([^/]+)$/.exec(entry.path);
      if (match?.[1] !== undefined) deleted.add(decodeURIComponent(match[1]));
      return entry;
    }
    if (entry.type !== 'event' || entry.event.type !== 'ChannelLeftBridge') return entry;
    const id = bridgeOf(entry.event);
    const bridge = entry.event.bridge;
    if (id === undefined || !deleted.has(id) || !isObject(bridge) || !Array.isArray(bridge.channels)) return entry;
    return { ...entry, event: { ...entry.event, bridge: { ...bridge, channels: '<race>' } } };
  });
}

/**
 * An application follows a bridge it did not subscribe to through its
 * channels in it; when the last one leaves, that interest ends on another
 * thread than the one publishing the bridge's destruction, so
 * BridgeDestroyed after it is delivered in some runs and not in others
 * (seen both ways deleting a mixing bridge with one channel in it).
 */
function withoutUnfollowedBridgeDestroyed(entries: TraceEntry[]): TraceEntry[] {
  const emptied = new Set<string>();
  return entries.filter((entry) => {
    if (entry.type !== 'event') return true;
    const id = bridgeOf(entry.event);
    if (id === undefined) return true;
    const key = `${entry.ws} ${id}`;
    const bridge = entry.event.bridge as JsonObject;
    if (entry.event.type === 'ChannelLeftBridge' && Array.isArray(bridge.channels) && bridge.channels.length === 0) emptied.add(key);
    else if (entry.event.type === 'ChannelEnteredBridge') emptied.delete(key);
    else if (entry.event.type === 'BridgeDestroyed' && emptied.has(key)) return false;
    return true;
  });
}

/**
 * Dialling from ARI publishes the Dial begin on the dialling thread while the
 * callee's answer comes from the callee's: the begin arrives before the
 * caller's ChannelStateChange or after the Dial ANSWER (both seen for a
 * created Local channel dialled into a context that answers). It is put
 * back before the state change and the dial's outcome of the same channel,
 * and its snapshot of the channel, taken when it is published, shows the
 * state before or after that change.
 */
function dialBeginFirst(entries: TraceEntry[]): TraceEntry[] {
  const result = [...entries];
  const overtakes = (begin: EventEntry, earlier: TraceEntry): boolean =>
    earlier.type === 'event' &&
    earlier.ws === begin.ws &&
    eventKey(earlier.event) === eventKey(begin.event) &&
    (earlier.event.type === 'ChannelStateChange' || (earlier.event.type === 'Dial' && earlier.event.dialstatus !== ''));
  for (let i = 0; i < result.length; i++) {
    const entry = result[i];
    if (entry === undefined || entry.type !== 'event' || entry.event.type !== 'Dial' || entry.event.dialstatus !== '') continue;
    let at = i;
    for (let j = i - 1; j >= 0; j--) {
      const earlier = result[j];
      if (earlier === undefined) break;
      if (overtakes(entry, earlier)) at = j;
      else if (earlier.type === 'event' && earlier.ws === entry.ws && eventKey(earlier.event) === eventKey(entry.event)) break;
    }
    if (at < i) {
      result.splice(i, 1);
      result.splice(at, 0, entry);
    }
    const next = result.slice(at + 1).find((later) => later.type === 'event' && later.ws === entry.ws && eventKey(later.event) === eventKey(entry.event));
    const peer = entry.event.peer;
    if (next?.type === 'event' && next.event.type === 'ChannelStateChange' && isObject(peer)) {
      result[at] = { ...entry, event: { ...entry.event, peer: { ...peer, state: '<race>' } } };
    }
  }
  return result;
}

/**
 * A Local channel's half running Congestion() sets its own state to Busy on
 * its thread, while the originate gives up on the other thread and asks that
 * half to hang up (cause 0): the ChannelHangupRequest comes before or after
 * the ChannelStateChange (both seen originating into a congested context).
 * The request is put after the state change, with the state its snapshot
 * shows masked; a request that does not meet a state change is left alone.
 */
function softHangupAfterStateChange(entries: TraceEntry[]): TraceEntry[] {
  const result = [...entries];
  const sameChannel = (a: EventEntry, b: TraceEntry): boolean => b.type === 'event' && b.ws === a.ws && eventKey(b.event) === eventKey(a.event);
  for (let i = 0; i < result.length; i++) {
    const entry = result[i];
    if (entry === undefined || entry.type !== 'event' || entry.event.type !== 'ChannelHangupRequest' || entry.event.cause !== 0) continue;
    const channel = entry.event.channel;
    const masked: EventEntry = isObject(channel) ? { ...entry, event: { ...entry.event, channel: { ...channel, state: '<race>' } } } : entry;
    const nextIndex = result.findIndex((later, j) => j > i && sameChannel(entry, later));
    const next = nextIndex < 0 ? undefined : result[nextIndex];
    if (next?.type === 'event' && next.event.type === 'ChannelStateChange') {
      result.splice(nextIndex, 1);
      result.splice(i, 0, next);
      result[i + 1] = masked;
      i++;
      continue;
    }
    const previous = result.slice(0, i).reverse().find((earlier) => sameChannel(entry, earlier));
    if (previous?.type === 'event' && previous.event.type === 'ChannelStateChange') result[i] = masked;
  }
  return result;
}
