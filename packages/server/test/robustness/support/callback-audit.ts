import type { CallbackReceipt } from './stalling-callback-receiver';

/** An outbox row as Postgres holds it. */
export interface OutboxRow {
  id: string;
  topic: string;
  ordering_key: string | null;
  body: string;
  delivered_at: Date | null;
}

export interface CallbackAudit {
  /** Everything that contradicts exactly-once delivery by key, in order, per call. */
  problems: string[];
  /** Requests whose body reached the receiver (answered 200, held, or left by the sender), repeats included. */
  deliveries: number;
  /** Keys whose callback reached the receiver more than once. */
  repeatedKeys: string[];
}

/**
 * Checks the receiver's view against the outbox:
 * - every row is delivered, and was answered 200 at least once;
 * - every request names a row by its Idempotency-Key and carries that row's body;
 * - a callback reaches the receiver again after a 200 only when the gateway
 *   died before it could record the delivery (`unrecordedAtKill`): any other
 *   repeat after a 200 is a double delivery;
 * - callbacks of one call (one ordering key) arrive in outbox order: no
 *   request for a callback before the callback ahead of it was answered 200.
 */
export function auditCallbacks(receipts: readonly CallbackReceipt[], rows: readonly OutboxRow[], unrecordedAtKill: ReadonlySet<string>): CallbackAudit {
  const problems: string[] = [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const byKey = new Map<string, CallbackReceipt[]>();
  for (const receipt of [...receipts].sort((a, b) => a.seq - b.seq)) {
    const row = byId.get(receipt.idempotencyKey);
    if (!row) {
      problems.push(`request #${receipt.seq} has Idempotency-Key "${receipt.idempotencyKey}", which names no outbox row`);
      continue;
    }
    if (receipt.raw !== row.body) problems.push(`key ${row.id}: request #${receipt.seq} carries another body than the outbox row`);
    byKey.set(row.id, [...(byKey.get(row.id) ?? []), receipt]);
  }

  const repeatedKeys: string[] = [];
  let deliveries = 0;
  for (const row of rows) {
    const all = byKey.get(row.id) ?? [];
    if (!row.delivered_at) problems.push(`key ${row.id} (${row.topic}) is not marked delivered`);
    if (!all.some((receipt) => receipt.outcome === 'accepted')) problems.push(`key ${row.id} (${row.topic}) was never answered 200 by the receiver`);
    const reached = all.filter((receipt) => receipt.outcome !== 'failed');
    deliveries += reached.length;
    if (reached.length > 1) repeatedKeys.push(row.id);
    for (const [index, receipt] of all.entries()) {
      const before = all[index - 1];
      if (before?.outcome === 'accepted' && !unrecordedAtKill.has(row.id)) {
        problems.push(`key ${row.id} (${row.topic}) was sent again (request #${receipt.seq}) after the receiver had answered 200 and the gateway had recorded it`);
      }
    }
  }

  const callsOf = new Map<string, OutboxRow[]>();
  for (const row of rows) if (row.ordering_key) callsOf.set(row.ordering_key, [...(callsOf.get(row.ordering_key) ?? []), row]);
  for (const [call, ofCall] of callsOf) {
    const ordered = [...ofCall].sort((a, b) => Number(a.id) - Number(b.id));
    for (const [index, row] of ordered.entries()) {
      const firstRequest = (byKey.get(row.id) ?? [])[0];
      if (!firstRequest) continue;
      for (const earlier of ordered.slice(0, index)) {
        const acceptedBefore = (byKey.get(earlier.id) ?? []).some(
          (receipt) => receipt.outcome === 'accepted' && receipt.endedAt !== null && receipt.endedAt <= firstRequest.arrivedAt,
        );
        if (!acceptedBefore) {
          problems.push(`call ${call}: callback ${row.id} was sent (request #${firstRequest.seq}) before callback ${earlier.id} had been delivered`);
        }
      }
    }
  }
  return { problems, deliveries, repeatedKeys };
}
