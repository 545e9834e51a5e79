import { waitFor, type CallbackReceiver } from '@pbx-gateway/test-support';
import type { Query } from './lost-call-records';

const wholeSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);

function cdrCallbacksOf(callbacks: CallbackReceiver, callId: string): Array<Record<string, unknown>> {
  return callbacks
    .received()
    .map((callback) => callback.body as Record<string, unknown>)
    .filter((body) => typeof body === 'object' && body !== null && body.uuid === callId && 'billsec' in body);
}

/**
 * The Sip_Call CDR callback of a call the gateway ended itself: delivered,
 * and only once even after every pending callback has gone out; its numbers
 * are those of the CDR row (docs/sip-call.md: an answered call with an
 * unknown cause is 10001, the platform's side 10040).
 */
export async function expectOneCdrCallback(query: Query, callbacks: CallbackReceiver, callId: string, timeoutMs: number): Promise<void> {
  await waitFor(() => cdrCallbacksOf(callbacks, callId).length > 0, timeoutMs, `the CDR callback of ${callId}`);
  await waitFor(async () => (await query('SELECT id FROM outbox WHERE delivered_at IS NULL')).length === 0, timeoutMs, 'every callback delivered');
  const delivered = cdrCallbacksOf(callbacks, callId);
  expect(delivered).toHaveLength(1);
  const [row] = await query<{ id: string; answered_at: Date | null; ended_at: Date }>('SELECT id, answered_at, ended_at FROM cdrs WHERE call_id = $1', [callId]);
  expect(delivered[0]).toMatchObject({
    id: Number(row!.id),
    hangupcause: row!.answered_at ? 10001 : 10020,
    hangupdirection: 10040,
    billsec: row!.answered_at ? wholeSeconds(row!.ended_at) - wholeSeconds(row!.answered_at) : 0,
  });
}
