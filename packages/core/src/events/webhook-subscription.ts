import type { PageRequest } from '../ports/page-request';
import type { EventLogFilter } from './event-log';

/**
 * A receiver that is sent the event log's entries as signed HTTP POSTs, one
 * entry per delivery, in the log's order: the event stream for those who
 * cannot hold a WebSocket open. Entries are handed to the outbox, which
 * delivers and retries them; `after` is how far that hand-over has gone.
 */
export interface WebhookSubscription {
  id: string;
  url: string;
  /** The same filter a stream reader gives (topics, tenant). */
  filter: EventLogFilter;
  /**
   * Names the shared secret that signs every delivery (`OutboxMessage.signingKey`):
   * a name, never the secret, which whoever delivers derives from it.
   */
  signingKey: string;
  /** The last entry handed to the outbox for this receiver (an event log id). */
  after: string;
  createdAt: Date;
}

export interface WebhookSubscriptionRepository {
  insert(subscription: WebhookSubscription): Promise<void>;
  get(id: string): Promise<WebhookSubscription | null>;
  /** A page of the subscriptions, by id. */
  list(page: PageRequest): Promise<WebhookSubscription[]>;
  /**
   * In a transaction: the subscription, locked until the transaction ends so
   * that only one feeder hands its entries over at a time; null when it is
   * gone or another feeder holds it.
   */
  lockForFeeding(id: string): Promise<WebhookSubscription | null>;
  /** Records how far the entries have been handed over. */
  advance(id: string, after: string): Promise<void>;
  /** False when there was none of this id. */
  delete(id: string): Promise<boolean>;
}

/** The outbox topic and ordering key of a subscription's deliveries: one receiver's entries go one after the other. */
export const webhookOutboxKey = (subscriptionId: string): string => `webhook/${subscriptionId}`;
