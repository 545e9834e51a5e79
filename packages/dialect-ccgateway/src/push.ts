import type { EventPush, NewOutboxMessage } from '@pbx-gateway/core';
import type { CcgatewaySettings } from './settings';
import { JSON_CONTENT_TYPE } from './wire/envelope';
import { eventMessage, type WireEvent } from './wire/events';

/** Outbox topic of pushed events (spec §6.2). */
export const PUSH_TOPIC = 'ccgateway.events';

/** One agent's pushed events go out one after the other, in the order they happened. */
export const pushOrderingKey = (agentId: string): string => `ccgateway-push:${agentId}`;

/** A receiver a sign-in named: its URL and the client's credential for it. */
export interface PushRequest {
  callBackUri: string;
  serviceToken: string;
}

/**
 * Push mode is asked for by both fields, non-empty (spec §5.1: "if both
 * present"); one alone is accepted and the client polls.
 */
export function pushRequestOf(body: { callBackUri?: string; serviceToken?: string }): PushRequest | null {
  const { callBackUri, serviceToken } = body;
  if (!callBackUri || !serviceToken) return null;
  return { callBackUri, serviceToken };
}

/**
 * Whether the gateway may POST to this URL: http or https, no credentials in
 * it, and its host (`host` or `host:port`) on `pushCallbackHosts`. Anything
 * else would let a client make the gateway call any address it can reach.
 */
export function acceptsCallbackUri(settings: CcgatewaySettings, uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  const allowed = new Set(settings.pushCallbackHosts.map((host) => host.toLowerCase()));
  return allowed.has(url.hostname.toLowerCase()) || allowed.has(url.host.toLowerCase());
}

/** The receiver of a push session: Huawei's three headers on every request (spec §6.2). */
export function eventPushOf(request: PushRequest, guid: string): EventPush {
  return { url: request.callBackUri, headers: { 'Content-Type': JSON_CONTENT_TYPE, Guid: guid, service_token: request.serviceToken } };
}

/**
 * The outbox message of one batch of an agent's events, oldest first:
 * `{"workNo":"…","eventList":[…]}` (spec §6.2), each event as a poll gives it.
 * Retried on the dialect's schedule; when that runs out the agent is signed out.
 */
export function pushMessage(settings: CcgatewaySettings, push: EventPush, agentId: string, events: readonly WireEvent[]): NewOutboxMessage {
  return {
    topic: PUSH_TOPIC,
    orderingKey: pushOrderingKey(agentId),
    url: push.url,
    headers: push.headers,
    body: JSON.stringify({ workNo: agentId, eventList: events.map(eventMessage) }),
    retry: { everyMs: settings.pushRetryEveryMs, forMs: settings.pushRetryForMs, signOutAgent: agentId },
  };
}
