import type { JsonObject } from '../kernel/json';

/**
 * What the live event stream is made of: every domain event, delivered in a
 * stable order under an id that only grows in that order, so that a reader
 * that went away can ask for what came after the last id it saw and get each
 * entry once.
 */
export interface EventLogEntry {
  /** Opaque to readers: `<transaction>-<serial>` (see `eventLogId`); grows in delivery order. */
  id: string;
  at: Date;
  /** The tenant of the call the event is about; null for what belongs to no tenant (agents, queues). */
  tenant: string | null;
  topic: EventTopic;
  /** The domain event's type (`AgentStateChanged`, `CallEnded` ...). */
  type: string;
  data: JsonObject;
}

export type NewEventLogEntry = Omit<EventLogEntry, 'id'>;

/** The families of events a reader subscribes to. */
export const EVENT_TOPICS = ['agents', 'calls', 'queues', 'playbacks', 'recordings', 'leads'] as const;
export type EventTopic = (typeof EVENT_TOPICS)[number];

export const isEventTopic = (value: unknown): value is EventTopic => typeof value === 'string' && (EVENT_TOPICS as readonly string[]).includes(value);

export interface EventLogFilter {
  /** Empty: every topic. */
  topics: readonly EventTopic[];
  /** Absent: every tenant; null: only what belongs to no tenant. */
  tenant?: string | null;
}

export interface EventLogPage {
  entries: EventLogEntry[];
  /** The highest id retention removed (`EVENT_LOG_START` when none): a reader that resumes below it missed entries for good. */
  prunedThrough: string;
  /**
   * Some entries have committed but wait behind an older transaction still
   * running: no signal may come when it ends (it may publish nothing), so
   * the reader asks again soon.
   */
  held: boolean;
}

/**
 * The stored stream. `append` runs inside the transaction that made the
 * events true, all of that transaction's events at once. An entry is read
 * only once every transaction that could still append before it in the
 * order has finished, so reading "after id N" never skips an entry that
 * commits later, and never hands one out twice.
 */
export interface EventLogRepository {
  /** A transaction's events, in the order they happened; nothing for none. */
  append(entries: readonly NewEventLogEntry[]): Promise<void>;
  /** Entries after `afterId` (a well-formed id, see `parseEventLogId`) that pass the filter, in order, at most `limit`. */
  readAfter(afterId: string, filter: EventLogFilter, limit: number): Promise<EventLogPage>;
  /** The id of the newest entry a reader can be given now (or of the newest pruned), `EVENT_LOG_START` when there is none. */
  lastId(): Promise<string>;
  /** Removes entries older than `before` (retention); returns how many. */
  prune(before: Date): Promise<number>;
}

/**
 * The event log wakes its readers through the mailbox signals, under an
 * address no agent has (agent ids are never empty): one LISTEN connection
 * serves both.
 */
export const EVENT_LOG_SIGNAL = { agentId: '', channel: 'event-log' } as const;

/**
 * Where an entry stands in the stream: the transaction that appended it,
 * then its serial within the log. Transactions are numbered as they start
 * writing, so ordering by transaction first lets a reader stop at the oldest
 * transaction still running instead of locking writers into one line.
 */
export interface EventLogPosition {
  tx: bigint;
  serial: bigint;
}

/** Before every entry: a reader starting here receives the whole log. */
export const EVENT_LOG_START = '0-0';

const EVENT_LOG_ID = /^(0|[1-9][0-9]{0,19})-(0|[1-9][0-9]{0,18})$/;
const MAX_TX = (1n << 64n) - 1n;
const MAX_SERIAL = (1n << 63n) - 1n;

export const eventLogId = (position: EventLogPosition): string => `${position.tx}-${position.serial}`;

/** The position an id names; null when the text is no id (a reader's bad input). */
export function parseEventLogId(text: string): EventLogPosition | null {
  const match = EVENT_LOG_ID.exec(text);
  if (!match) return null;
  const position = { tx: BigInt(match[1]!), serial: BigInt(match[2]!) };
  return position.tx <= MAX_TX && position.serial <= MAX_SERIAL ? position : null;
}

/** Negative when `a` comes before `b` in the stream. Both must be well-formed. */
export function compareEventLogIds(a: string, b: string): number {
  const [x, y] = [parseEventLogId(a), parseEventLogId(b)];
  if (!x || !y) throw new Error(`not an event log id: ${x ? b : a}`);
  if (x.tx !== y.tx) return x.tx < y.tx ? -1 : 1;
  return x.serial === y.serial ? 0 : x.serial < y.serial ? -1 : 1;
}
