export interface CallbackDelivery {
  /** What the message is (`OutboxMessage.topic`): metrics tell deliveries apart by it. */
  topic?: string;
  url: string;
  body: string;
  headers: Readonly<Record<string, string>>;
  /** The outbox row id, the same on every attempt: the receiver's `Idempotency-Key`. */
  idempotencyKey: string;
  /** Names the secret that signs the delivery (`OutboxMessage.signingKey`); null: unsigned. */
  signingKey: string | null;
}

export type CallbackOutcome =
  | { delivered: true; status: number }
  | { delivered: false; status: number | null; reason: string };

/** Delivers one HTTP callback to a customer's receiver; never throws. */
export interface CallbackTransport {
  post(delivery: CallbackDelivery): Promise<CallbackOutcome>;
}
