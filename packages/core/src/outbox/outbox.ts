/** A callback to deliver to a customer's receiver, written with the change that caused it. */
export interface OutboxMessage {
  id: string;
  topic: string;
  /**
   * Messages with the same key are delivered one after the other, in the
   * order they were written (the callbacks of one call); null for none.
   */
  orderingKey: string | null;
  url: string;
  body: string;
  headers: Readonly<Record<string, string>>;
  createdAt: Date;
  attempts: number;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  lastError: string | null;
  /** A schedule of its own for failed deliveries; null: growing delays, forever (`CoreConfig.outbox`). */
  retry: RetryPolicy | null;
  /**
   * Names the receiver's shared secret that signs every delivery (e.g. one
   * per company); null: sent unsigned. A name, never the secret: the outbox
   * is plain rows, and the secret is whoever delivers it to know.
   */
  signingKey: string | null;
}

/**
 * Retries every `everyMs` until `forMs` after the first failure, then gives
 * up: the message and every later one of its ordering key are dropped, and
 * the agent named by `signOutAgent` (whose events they were) is signed out.
 */
export interface RetryPolicy {
  everyMs: number;
  forMs: number;
  signOutAgent: string | null;
}

export type NewOutboxMessage = Pick<OutboxMessage, 'topic' | 'url' | 'body' | 'headers'> & Partial<Pick<OutboxMessage, 'orderingKey' | 'retry' | 'signingKey'>>;

/** How many failed attempts a retry policy allows before it gives up: the first, then one every `everyMs` for `forMs`. */
export const attemptsAllowed = (policy: RetryPolicy): number => 1 + Math.floor(policy.forMs / policy.everyMs);
