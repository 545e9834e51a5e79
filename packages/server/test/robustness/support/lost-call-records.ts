/** Reads rows from the gateway's database (the harness's query, or an admin client). */
export type Query = <Row = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<Row[]>;

interface CdrRow {
  call_id: string;
  started_at: Date;
  answered_at: Date | null;
  ended_at: Date;
  duration_sec: number;
  billsec: number;
  hangup_cause: number;
  hangup_cause_text: string;
  hangup_side: string;
}

/** A CDR's seconds: the difference of its times cut to the second (docs/architecture.md). */
const seconds = (from: Date, to: Date): number => Math.max(0, Math.floor(to.getTime() / 1000) - Math.floor(from.getTime() / 1000));

/**
 * What a call the gateway did not see end must show (docs/architecture.md,
 * "After a restart or a lost connection"): one CDR; no party is known to
 * have hung up, so the gateway ended it (side `system`, cause 0 "Unknown");
 * it ended when the gateway found out, between `notBefore` and now; its
 * answer time is the one recorded when it happened, and billsec runs from
 * there to the end. Returns the row.
 */
export async function expectEndedByGateway(query: Query, callId: string, notBefore: Date): Promise<CdrRow> {
  const rows = await query<CdrRow>('SELECT * FROM cdrs WHERE call_id = $1', [callId]);
  if (rows.length !== 1) throw new Error(`call ${callId} has ${rows.length} CDRs`);
  const [call] = await query<{ state: string; created_at: Date; answered_at: Date | null }>('SELECT state, created_at, answered_at FROM calls WHERE id = $1', [callId]);
  const cdr = rows[0]!;
  expect({ callId, state: call?.state, cause: cdr.hangup_cause, causeText: cdr.hangup_cause_text, side: cdr.hangup_side }).toEqual({
    callId,
    state: 'ended',
    cause: 0,
    causeText: 'Unknown',
    side: 'system',
  });
  expect(cdr.started_at).toEqual(call!.created_at);
  expect(cdr.answered_at).toEqual(call!.answered_at);
  expect(cdr.ended_at.getTime()).toBeGreaterThanOrEqual(notBefore.getTime());
  expect(cdr.ended_at.getTime()).toBeLessThanOrEqual(Date.now());
  expect(cdr.duration_sec).toBe(seconds(cdr.started_at, cdr.ended_at));
  expect(cdr.billsec).toBe(cdr.answered_at ? seconds(cdr.answered_at, cdr.ended_at) : 0);
  return cdr;
}
