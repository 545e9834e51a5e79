import { createHmac } from 'node:crypto';

/** Unix seconds at which the gateway signed a delivery; part of what is signed. */
export const TIMESTAMP_HEADER = 'X-Pbx-Timestamp';
/** `v1=<hex HMAC-SHA256>` of `<timestamp>.<idempotency key>.<body>` under the receiver's secret. */
export const SIGNATURE_HEADER = 'X-Pbx-Signature';

/**
 * The shared secret of one receiver (a company), derived from the gateway's
 * signing key and the secret's name (`sipcall/2028`): the gateway must be
 * able to use an HMAC key, so a hash of it would be useless, and deriving it
 * means no secret is kept in Postgres at all, where an encrypted copy would
 * still need this same master key to be read. The operator prints it with
 * `pbx-gateway callback-secret <name>` and hands it to the company.
 */
export function callbackSecret(signingKey: string, name: string): string {
  return createHmac('sha256', signingKey).update(`pbx-gateway callback secret\n${name}`, 'utf8').digest('hex');
}

/**
 * The signature a receiver recomputes. The idempotency key is signed with
 * the body, so a delivery replayed inside the receiver's time window cannot
 * pass as a new one under another key.
 */
export function callbackSignature(secret: string, timestamp: string, idempotencyKey: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${idempotencyKey}.${body}`, 'utf8').digest('hex')}`;
}

/** Headers that sign one delivery, or none when the gateway has no signing key or the message names no secret. */
export type CallbackSigner = (delivery: { idempotencyKey: string; body: string; signingKey: string | null }, now: Date) => Record<string, string>;

export function createCallbackSigner(signingKey: string | null): CallbackSigner {
  const secrets = new Map<string, string>();
  return (delivery, now): Record<string, string> => {
    if (signingKey === null || delivery.signingKey === null) return {};
    let secret = secrets.get(delivery.signingKey);
    if (secret === undefined) {
      secret = callbackSecret(signingKey, delivery.signingKey);
      secrets.set(delivery.signingKey, secret);
    }
    const timestamp = String(Math.floor(now.getTime() / 1000));
    return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: callbackSignature(secret, timestamp, delivery.idempotencyKey, delivery.body) };
  };
}
