import { EVENT_TOPICS, isEventTopic, parseEventLogId, type EventLogFilter } from '@pbx-gateway/core';

/** What a reader asks for in its first message (docs/event-stream.md). */
export interface SubscribeRequest {
  /** The admin key, when the upgrade request carried no `Authorization` header (browsers cannot set one). */
  key: string | null;
  filter: EventLogFilter;
  /** Resume after this id; null: from now on. */
  after: string | null;
}

export type SubscribeParse = { ok: true; request: SubscribeRequest } | { ok: false; message: string };

export function parseSubscribeRequest(text: string): SubscribeParse {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the message is not JSON' };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { ok: false, message: 'the message must be a JSON object' };
  const fields = message as Record<string, unknown>;
  if (fields.type !== 'subscribe') return { ok: false, message: 'the first message must be {"type":"subscribe",...}' };
  const { key, topics, tenant, after } = fields;
  if (key !== undefined && typeof key !== 'string') return { ok: false, message: 'key must be a string' };
  if (topics !== undefined && !(Array.isArray(topics) && topics.every(isEventTopic))) {
    return { ok: false, message: `topics must be a list of ${EVENT_TOPICS.join(', ')}` };
  }
  if (tenant !== undefined && tenant !== null && (typeof tenant !== 'string' || tenant.length > 200)) return { ok: false, message: 'tenant must be a string or null' };
  if (after !== undefined && after !== null && !(typeof after === 'string' && parseEventLogId(after) !== null)) {
    return { ok: false, message: 'after must be an event id, as the stream gave it' };
  }
  const filter: EventLogFilter = { topics: [...new Set((topics as string[] | undefined) ?? [])].filter(isEventTopic) };
  if (tenant !== undefined) filter.tenant = tenant as string | null;
  return { ok: true, request: { key: (key as string | undefined) ?? null, filter, after: (after as string | null | undefined) ?? null } };
}
