import type { JsonObject } from '../kernel/json';

/**
 * What the live event stream is made of: every domain event, kept in commit
 * order under an id that only grows, so that a reader that went away can ask
 * for what came after the last id it saw and get each entry once.
 */
export interface EventLogEntry {
  /** Decimal string of a 64-bit serial: ids grow in commit order. */
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
export const EVENT_TOPICS = ['agents', 'calls', 'queues', 'playbacks', 'leads'] as const;
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
  /** The highest id retention removed ("0" when none): a reader that resumes below it missed entries for good. */
  prunedThrough: string;
}

/**
 * The stored stream. `append` runs inside the transaction that made the event
 * true; ids are handed out in commit order, so reading "after id N" never
 * skips an entry that commits later with a lower id.
 */
export interface EventLogRepository {
  append(entry: NewEventLogEntry): Promise<void>;
  /** Entries after `afterId` that pass the filter, oldest first, at most `limit`. */
  readAfter(afterId: string, filter: EventLogFilter, limit: number): Promise<EventLogPage>;
  /** The id of the newest entry, "0" when there is none. */
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
