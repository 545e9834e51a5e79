import { setTimeout as sleep } from 'node:timers/promises';
import {
  compareEventLogIds,
  EVENT_LOG_SIGNAL,
  webhookOutboxKey,
  type EventLogEntry,
  type NewOutboxMessage,
  type Store,
  type WebhookSubscription,
} from '@pbx-gateway/core';
import type { Logger } from 'pino';
import { eventMessage } from '../event-stream/event-stream-server';

const PAGE = 200;
/**
 * At most this many of a subscription's events wait in the outbox; the rest
 * wait in the event log. A receiver that is down thus costs the outbox a
 * bounded number of rows, which every delivery round would otherwise scan.
 */
export const WEBHOOK_WINDOW = 500;
// A subscription whose window is full is looked at again this soon, so that it refills as its receiver takes events.
const FULL_WINDOW_RETRY_MS = 1000;
// Rounds are at least this far apart: under load every transaction's notice would otherwise start one.
const MIN_ROUND_GAP_MS = 100;
const SUBSCRIPTIONS_PER_ROUND = 1000;
const WAIT_MS = 5_000;
// Committed entries held back behind an older transaction still running are asked for again this soon (as the stream does).
const HELD_RETRY_MS = 50;

/** The headers of a delivery besides its signature: which event, for which subscription. */
export const WEBHOOK_EVENT_HEADER = 'X-Pbx-Event-Id';
export const WEBHOOK_SUBSCRIPTION_HEADER = 'X-Pbx-Webhook';

export interface WebhookFeeder {
  stop(): Promise<void>;
}

/** One delivery: the entry exactly as the stream shows it. */
function deliveryOf(subscription: WebhookSubscription, entry: EventLogEntry): NewOutboxMessage {
  return message(subscription, JSON.stringify(eventMessage(entry)), entry.id);
}

function message(subscription: WebhookSubscription, body: string, eventId: string): NewOutboxMessage {
  const key = webhookOutboxKey(subscription.id);
  return {
    topic: key,
    orderingKey: key,
    url: subscription.url,
    body,
    headers: { [WEBHOOK_EVENT_HEADER]: eventId, [WEBHOOK_SUBSCRIPTION_HEADER]: subscription.id },
    signingKey: subscription.signingKey,
  };
}

/**
 * Hands one subscription's next entries to the outbox, in one transaction
 * with the move of its `after`: an entry is queued for delivery once, even
 * across restarts and with several gateways (the subscription is locked
 * while it is fed). The outbox then delivers them one after the other, with
 * its retries. Entries retention removed before they were handed over are
 * announced by a `gap` message, as the stream does.
 */
async function feedOne(store: Store, id: string, now: Date): Promise<Round> {
  return store.transaction(async (tx) => {
    const subscription = await tx.webhooks.lockForFeeding(id);
    if (!subscription) return { fed: 0, held: false, full: false };
    const room = WEBHOOK_WINDOW - (await tx.outbox.countPending(webhookOutboxKey(subscription.id)));
    if (room <= 0) return { fed: 0, held: false, full: true };
    const page = await tx.eventLog.readAfter(subscription.after, subscription.filter, Math.min(PAGE, room));
    let after = subscription.after;
    let fed = 0;
    if (compareEventLogIds(after, page.prunedThrough) < 0) {
      const gap = { type: 'gap', after, prunedThrough: page.prunedThrough };
      await tx.outbox.add(message(subscription, JSON.stringify(gap), page.prunedThrough), now);
      after = page.prunedThrough;
      fed += 1;
    }
    for (const entry of page.entries) {
      await tx.outbox.add(deliveryOf(subscription, entry), now);
      after = entry.id;
      fed += 1;
    }
    if (after !== subscription.after) await tx.webhooks.advance(subscription.id, after);
    return { fed, held: page.held || page.entries.length === Math.min(PAGE, room), full: false };
  });
}

interface Round {
  fed: number;
  /** Entries are still to come at once (held back behind a running transaction, or more than a page). */
  held: boolean;
  /** A subscription's window in the outbox is full. */
  full: boolean;
}

/** One round over every subscription. */
export async function feedWebhooks(store: Store, now: Date): Promise<Round> {
  const subscriptions = await store.direct.webhooks.list({ offset: 0, limit: SUBSCRIPTIONS_PER_ROUND });
  const total: Round = { fed: 0, held: false, full: false };
  for (const subscription of subscriptions) {
    const round = await feedOne(store, subscription.id, now);
    total.fed += round.fed;
    total.held ||= round.held;
    total.full ||= round.full;
  }
  return total;
}

/**
 * Feeds the subscriptions whenever the event log grows (the notice the
 * stream's readers wait for), and at least every 5 s (a subscription made to start from older entries). A failure (the
 * database away) is logged and the round tried again later.
 */
export function startWebhookFeeder(store: Store, logger: Logger, now: () => Date = () => new Date()): WebhookFeeder {
  const stopping = new AbortController();
  const signals = store.mailboxSignals;
  const loop = (async () => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      const version = signals.version(EVENT_LOG_SIGNAL.agentId, EVENT_LOG_SIGNAL.channel);
      let waitMs = WAIT_MS;
      try {
        const round = await feedWebhooks(store, now());
        failures = 0;
        if (round.held) waitMs = HELD_RETRY_MS;
        else if (round.full) waitMs = FULL_WINDOW_RETRY_MS;
      } catch (error) {
        failures += 1;
        waitMs = Math.min(30_000, 100 * 2 ** Math.min(failures, 8));
        logger.warn({ error: error instanceof Error ? error.message : String(error) }, 'webhook feeding failed');
      }
      if (stopping.signal.aborted) break;
      await sleep(MIN_ROUND_GAP_MS, undefined, { signal: stopping.signal }).catch(() => undefined);
      await signals.wait(EVENT_LOG_SIGNAL.agentId, EVENT_LOG_SIGNAL.channel, waitMs, stopping.signal, version);
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}
