/** A callback to deliver to a customer's receiver, written with the change that caused it. */
export interface OutboxMessage {
  id: string;
  topic: string;
  url: string;
  body: string;
  headers: Readonly<Record<string, string>>;
  createdAt: Date;
  attempts: number;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  lastError: string | null;
}

export type NewOutboxMessage = Pick<OutboxMessage, 'topic' | 'url' | 'body' | 'headers'>;
