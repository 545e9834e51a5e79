export interface CallbackDelivery {
  url: string;
  body: string;
  headers: Readonly<Record<string, string>>;
}

export type CallbackOutcome =
  | { delivered: true; status: number }
  | { delivered: false; status: number | null; reason: string };

/** Delivers one HTTP callback to a customer's receiver; never throws. */
export interface CallbackTransport {
  post(delivery: CallbackDelivery): Promise<CallbackOutcome>;
}
