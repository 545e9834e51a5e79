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
}

export type NewOutboxMessage = Pick<OutboxMessage, 'topic' | 'url' | 'body' | 'headers'> & Partial<Pick<OutboxMessage, 'orderingKey'>>;
